import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { initCommand } from '../../src/cli/init.js';
import { BulwarkError } from '../../src/core/errors.js';
import { parseTemplateList, templatesDir } from '../../src/templates/catalog.js';
import { installTemplates } from '../../src/templates/install.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-init-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('parseTemplateList', () => {
  const cases: [string | undefined, string[]][] = [
    [undefined, ['github-actions']],
    ['terraform-aws', ['terraform-aws']],
    ['docker, kubernetes,docker', ['docker', 'kubernetes']],
    ['', []],
  ];
  it.each(cases)('%s', (list, expected) => {
    expect(parseTemplateList(list)).toEqual(expected);
  });

  it('rejects an unknown template, naming the valid ones', () => {
    expect(() => parseTemplateList('docker,helm')).toThrow(BulwarkError);
    expect(() => parseTemplateList('helm')).toThrow(/unknown template: helm/);
  });
});

describe('installTemplates', () => {
  it('writes the base files and the chosen templates', () => {
    const dir = tempDir();
    const report = installTemplates(dir, ['github-actions', 'docker']);
    expect(report).toEqual({
      written: [
        'CODEOWNERS',
        'bulwark.yaml',
        '.github/workflows/bulwark.yml',
        '.dockerignore',
        'Dockerfile',
      ],
      skipped: [],
    });
    expect(readFileSync(join(dir, 'bulwark.yaml'), 'utf8')).toBe(
      readFileSync(join(templatesDir(), 'base', 'bulwark.yaml'), 'utf8'),
    );
  });

  it('never overwrites an existing file and leaves no temporary file behind', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bulwark.yaml'), 'version: 1\nfailOn: low\n');
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.github', 'workflows', 'bulwark.yml'), 'name: mine\n');

    const report = installTemplates(dir, ['github-actions']);

    expect(report).toEqual({
      written: ['CODEOWNERS'],
      skipped: ['bulwark.yaml', '.github/workflows/bulwark.yml'],
    });
    expect(readFileSync(join(dir, 'bulwark.yaml'), 'utf8')).toBe('version: 1\nfailOn: low\n');
    expect(readFileSync(join(dir, '.github', 'workflows', 'bulwark.yml'), 'utf8')).toBe(
      'name: mine\n',
    );
    expect(readdirSync(dir).sort()).toEqual(['.github', 'CODEOWNERS', 'bulwark.yaml']);
  });

  it('skips everything on a second run', () => {
    const dir = tempDir();
    const first = installTemplates(dir, ['terraform-aws', 'kubernetes']);
    const second = installTemplates(dir, ['terraform-aws', 'kubernetes']);
    expect(second).toEqual({ written: [], skipped: first.written });
    expect(first.written).toContain('infra/terraform/s3.tf');
    expect(first.written).toContain('deploy/kubernetes/network-policy.yaml');
  });
});

describe('installTemplates refuses a taken place before writing anything', () => {
  const conflicts: [string, (dir: string) => void, string, string][] = [
    [
      'a file where a folder must go',
      (dir) => writeFileSync(join(dir, 'deploy'), 'notes\n'),
      'deploy is a file, but the template writes deploy/kubernetes/deployment.yaml inside it; ' +
        'nothing was written',
      'rename or move deploy, or leave out the template that needs it',
    ],
    [
      'a folder where a file must go',
      (dir) => mkdirSync(join(dir, 'Dockerfile')),
      'Dockerfile is a folder, but the template writes a file there; nothing was written',
      'rename or move that folder, or leave out the template that needs it',
    ],
  ];
  it.each(conflicts)('%s', (_, prepare, message, hint) => {
    const dir = tempDir();
    prepare(dir);
    const before = readdirSync(dir).sort();
    let thrown: unknown;
    try {
      installTemplates(dir, ['kubernetes', 'docker']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BulwarkError);
    const error = thrown as BulwarkError;
    expect([error.kind, error.message.replaceAll(`${dir}/`, ''), error.hint]).toEqual([
      'usage',
      message,
      hint,
    ]);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('bulwark init', () => {
  it('refuses a target that is a file', () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'x');
    expect(() => initCommand(file, undefined)).toThrow(/is a file/);
  });

  it('refuses a target inside a file, writing nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'coll'), 'x');
    const target = join(dir, 'coll', 'sub');
    expect(() => initCommand(target, 'kubernetes,docker')).toThrow(
      `${join(dir, 'coll')} is a file, but ${target} must be a folder; nothing was written`,
    );
    expect(readdirSync(dir)).toEqual(['coll']);
  });

  it('refuses, as a usage error, a file where a template needs a folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deploy'), 'x');
    let kind: string | undefined;
    try {
      initCommand(dir, 'kubernetes,docker');
    } catch (error) {
      kind = (error as BulwarkError).kind;
    }
    expect(kind).toBe('usage');
    expect(readdirSync(dir)).toEqual(['deploy']);
  });

  it('lists what it wrote and what it skipped, and creates the folder', () => {
    const dir = join(tempDir(), 'new-project');
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    expect(initCommand(dir, 'gitlab-ci')).toBe(0);
    expect(initCommand(dir, 'gitlab-ci')).toBe(0);
    expect(out.split('\n')).toEqual([
      'wrote    CODEOWNERS',
      'wrote    bulwark.yaml',
      'wrote    .gitlab-ci.yml',
      `3 written, 0 skipped in ${dir}`,
      'skipped  CODEOWNERS (exists)',
      'skipped  bulwark.yaml (exists)',
      'skipped  .gitlab-ci.yml (exists)',
      `0 written, 3 skipped in ${dir}`,
      '',
    ]);
  });
});
