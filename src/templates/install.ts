import { randomBytes } from 'node:crypto';
import {
  constants,
  copyFileSync,
  linkSync,
  statSync,
  mkdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

import { inputError, usageError } from '../core/errors.js';
import { templateFiles, type TemplateName } from './catalog.js';

/** What `installTemplates` did: the files it wrote and those it left alone because they exist. */
export interface InstallReport {
  written: string[];
  skipped: string[];
}

/**
 * Write the files of the chosen templates into `target`, never replacing a file that exists.
 * Each file is written to a temporary name and then hard-linked into place, which fails
 * atomically when the name is already taken, so a reader never sees half a file and a file
 * created meanwhile is not overwritten.
 */
export function installTemplates(target: string, names: readonly TemplateName[]): InstallReport {
  const files = templateFiles(names);
  checkTarget(target);
  for (const file of files) checkPlace(target, file.path);
  const report: InstallReport = { written: [], skipped: [] };
  for (const file of files) {
    const destination = join(target, file.path);
    mkdirSync(dirname(destination), { recursive: true });
    if (writeNew(destination, readFileSync(file.source))) report.written.push(file.path);
    else report.skipped.push(file.path);
  }
  return report;
}

/**
 * Refuse, before anything is written, a file whose folder is taken by a file (`deploy` is a
 * file where `deploy/kubernetes/` must go) or whose own name is taken by a folder.
 */
function checkPlace(target: string, path: string): void {
  const parts = path.split('/');
  for (let depth = 1; depth <= parts.length; depth++) {
    const at = join(target, ...parts.slice(0, depth));
    const kind = kindOf(at);
    const last = depth === parts.length;
    if (kind === 'file' && !last) {
      throw usageError(
        `${at} is a file, but the template writes ${join(target, path)} inside it; nothing was written`,
        `rename or move ${relative(target, at).split(sep).join('/')}, or leave out the template that needs it`,
      );
    }
    if (kind === 'folder' && last) {
      throw usageError(
        `${at} is a folder, but the template writes a file there; nothing was written`,
        'rename or move that folder, or leave out the template that needs it',
      );
    }
  }
}

/** Refuse a target folder that is a file, or that would have to be created inside a file. */
function checkTarget(target: string): void {
  for (let at = target; ; at = dirname(at)) {
    const kind = kindOf(at);
    if (kind === 'file') {
      throw usageError(
        `${at} is a file, but ${target} must be a folder; nothing was written`,
        'name a folder (it is created when missing)',
      );
    }
    if (kind === 'folder' || dirname(at) === at) return;
  }
}

function kindOf(path: string): 'file' | 'folder' | undefined {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Write `content` to `path` unless it exists; true when written. */
function writeNew(path: string, content: Buffer): boolean {
  const temporary = `${path}.bulwark-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    place(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw inputError(`cannot write ${path}: ${(error as Error).message}`, { file: path });
  } finally {
    unlinkSync(temporary);
  }
}

/**
 * Hard-link the finished file into place. On file systems without hard links the file is
 * copied with COPYFILE_EXCL instead, which still never overwrites but is not atomic there.
 */
function place(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    copyFileSync(temporary, path, constants.COPYFILE_EXCL);
  }
}
