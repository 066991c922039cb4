/** A parsed SPDX licence expression (SPDX specification, annex D). */
export type SpdxNode =
  | { kind: 'license'; id: string; orLater: boolean; exception?: string }
  | { kind: 'and' | 'or'; left: SpdxNode; right: SpdxNode };

const TOKEN = /\s*(\(|\)|[A-Za-z0-9.\-:+]+)\s*/y;

/** Split an expression into words and parentheses; undefined when a character is not allowed. */
function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match || TOKEN.lastIndex === at) return undefined;
    tokens.push(match[1]);
  }
  return tokens;
}

/** Parse an SPDX expression such as `(MIT OR Apache-2.0) AND GPL-2.0+ WITH X`; undefined if malformed. */
export function parseSpdx(text: string): SpdxNode | undefined {
  const found = tokenize(text.trim());
  if (!found || found.length === 0) return undefined;
  const tokens: string[] = found;
  let pos = 0;
  const peek = (): string | undefined => tokens[pos]?.toUpperCase();

  // OR binds loosest, then AND, then WITH (SPDX annex D, "Order of precedence").
  function orExpr(): SpdxNode | undefined {
    let left = andExpr();
    while (left && peek() === 'OR') {
      pos++;
      const right = andExpr();
      left = right ? { kind: 'or', left, right } : undefined;
    }
    return left;
  }

  function andExpr(): SpdxNode | undefined {
    let left = simple();
    while (left && peek() === 'AND') {
      pos++;
      const right = simple();
      left = right ? { kind: 'and', left, right } : undefined;
    }
    return left;
  }

  function simple(): SpdxNode | undefined {
    const token = tokens[pos++];
    if (token === undefined || token === ')') return undefined;
    if (token === '(') {
      const inner = orExpr();
      return tokens[pos++] === ')' ? inner : undefined;
    }
    if (['AND', 'OR', 'WITH'].includes(token.toUpperCase())) return undefined;
    const orLater = token.endsWith('+');
    const id = orLater ? token.slice(0, -1) : token;
    if (id.length === 0 || id.includes('+')) return undefined;
    if (peek() !== 'WITH') return { kind: 'license', id, orLater };
    pos++;
    const exception = tokens[pos++];
    if (!exception || ['(', ')', 'AND', 'OR', 'WITH'].includes(exception.toUpperCase())) {
      return undefined;
    }
    return { kind: 'license', id, orLater, exception };
  }

  const tree = orExpr();
  return tree && pos === tokens.length ? tree : undefined;
}

/** Lists of SPDX ids a licence is judged against. */
export interface LicenseLists {
  allow: readonly string[];
  deny: readonly string[];
}

/**
 * Whether an expression can be satisfied using only acceptable licences: OR needs one
 * acceptable side, AND needs both. Returns the ids that made it unacceptable.
 */
export function judgeLicense(node: SpdxNode, lists: LicenseLists): { ok: boolean; bad: string[] } {
  if (node.kind === 'license') {
    const ok = licenseAcceptable(node, lists);
    return { ok, bad: ok ? [] : [describe(node)] };
  }
  const left = judgeLicense(node.left, lists);
  const right = judgeLicense(node.right, lists);
  if (node.kind === 'and') {
    return { ok: left.ok && right.ok, bad: [...left.bad, ...right.bad] };
  }
  if (left.ok || right.ok) return { ok: true, bad: [] };
  return { ok: false, bad: [...left.bad, ...right.bad] };
}

function licenseAcceptable(
  node: Extract<SpdxNode, { kind: 'license' }>,
  lists: LicenseLists,
): boolean {
  const names = [node.id, describe(node)].map((n) => n.toLowerCase());
  const inList = (list: readonly string[]): boolean =>
    list.some((entry) => names.includes(entry.toLowerCase()));
  if (inList(lists.deny)) return false;
  return lists.allow.length === 0 || inList(lists.allow);
}

function describe(node: Extract<SpdxNode, { kind: 'license' }>): string {
  const base = node.orLater ? `${node.id}+` : node.id;
  return node.exception ? `${base} WITH ${node.exception}` : base;
}
