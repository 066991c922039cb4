// The input problems HCL parsing reports: each names the file, the line and what to do.
import type { SgNode } from '@ast-grep/napi';

import { inputError, type BulwarkError } from '../../../core/errors.js';

const FIX = 'fix the syntax so Terraform accepts it';

/** A file that holds NUL characters: binary, or text saved as UTF-16. */
export function notText(path: string): BulwarkError {
  return inputError(
    'not a text file (binary, or UTF-16 encoded)',
    { file: path },
    'save it as UTF-8 text, or remove it if it is not Terraform',
  );
}

/** A syntax error at a line, with what is wrong when it is known. */
export function syntaxError(path: string, line: number, what?: string): BulwarkError {
  return inputError(
    what ? `HCL syntax error: ${what}` : 'HCL syntax error',
    { file: path, line },
    FIX,
  );
}

/**
 * The first ERROR node of the tree; its start is where the parser gave up. Missing tokens
 * (an unclosed block, list or call) are caught while reading (`unclosed`, `missing`).
 */
export function firstError(root: SgNode, text: string): SgNode | null {
  if (text.trim() === '') return null;
  return root.find({ rule: { kind: 'ERROR' } });
}

/**
 * A construct whose closing token the parser had to invent (a zero-width node), reported at
 * the line where the construct opened rather than at the end of the file where it was noticed.
 */
export function unclosed(path: string, opened: SgNode, what: string): BulwarkError {
  const line = opened.range().start.line + 1;
  return inputError(
    `HCL syntax error: the ${what} opened on this line is never closed`,
    { file: path, line },
    'add the missing closing bracket so Terraform accepts it',
  );
}

/** True for a token the parser inserted because it expected it and did not find it. */
export function isInvented(node: SgNode | undefined): boolean {
  if (!node) return false;
  const { start, end } = node.range();
  return start.index === end.index;
}

/** The parser inserts an empty (zero-width) node for a token it expected and did not find. */
export function missing(path: string, node: SgNode): BulwarkError {
  const line = node.range().start.line + 1;
  return syntaxError(path, line, 'a token is missing');
}
