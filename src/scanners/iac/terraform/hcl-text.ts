// Reading HCL expressions straight from their text, without walking their syntax nodes.
import type { Expr, Scalar, Span, Step } from './hcl-model.js';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

/** Unescape a quoted template literal (HCL native syntax, section "Template Literals"). */
export function unescape(raw: string): string {
  return raw
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, code: string) => {
      if (code.length > 1) return String.fromCodePoint(Number.parseInt(code.slice(1), 16));
      return ESCAPES[code] ?? code;
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** A quoted string without interpolation or directives. */
export const PLAIN_STRING = /^"(?:[^"\\$%]|\\.|\$(?!\{)|%(?!\{))*"$/;
const PLAIN_TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*$/;
const KEYWORDS: Record<string, boolean | null> = { true: true, false: false, null: null };

/**
 * Literals and dotted names read straight from their text, which saves walking their nodes:
 * most attribute values are one of these.
 */
export function simpleExpr(text: string, span: Span): Expr | undefined {
  if (text in KEYWORDS) return literal(KEYWORDS[text], text, span);
  if (NUMBER.test(text)) return literal(Number(text), text, span);
  if (PLAIN_STRING.test(text)) return literal(unescape(text.slice(1, -1)), text, span);
  if (text.startsWith('[')) return scalarTuple(text, span);
  if (!PLAIN_TRAVERSAL.test(text)) return undefined;
  const [root, ...names] = text.split('.');
  const steps: Step[] = names.map((name) => ({ kind: 'attr', name }));
  return { kind: 'traversal', root, steps, text, span };
}

/** A one-line list of plain literals (`["0.0.0.0/0"]`, `[22, 443]`) is also valid JSON. */
function scalarTuple(text: string, span: Span): Expr | undefined {
  if (text.includes('\n') || text.includes('${') || text.includes('%{')) return undefined;
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(items) || !items.every((item) => item === null || typeof item !== 'object')) {
    return undefined;
  }
  const exprs = (items as Scalar[]).map((item) => literal(item, JSON.stringify(item), span));
  return { kind: 'tuple', items: exprs, text, span };
}

/** The smallest indentation of the non-blank lines (for `<<-` heredocs). */
export function commonIndent(lines: string[]): number {
  const widths = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^\s*/.exec(line)![0].length);
  return widths.length === 0 ? 0 : Math.min(...widths);
}

/** A literal expression. */
export function literal(value: string | number | boolean | null, text: string, span: Span): Expr {
  return { kind: 'literal', value, text, span };
}

/** An expression Bulwark keeps as text only. */
export function other(text: string, span: Span): Expr {
  return { kind: 'other', text, span };
}
