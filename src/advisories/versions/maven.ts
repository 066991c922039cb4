import type { VersionOrder } from './order.js';

/** An item of a parsed Maven version: a number, a qualifier, or a nested list after `-`. */
type Item = { kind: 'int'; value: bigint } | { kind: 'string'; value: string } | ListItem;
interface ListItem {
  kind: 'list';
  items: Item[];
}

/** Known qualifiers in order; the empty qualifier is a release. Unknown ones sort after `sp`. */
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const QUALIFIER_ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };

function stringItem(text: string, followedByDigit: boolean): Item {
  let value = text.toLowerCase();
  if (followedByDigit && value.length === 1) {
    value = value === 'a' ? 'alpha' : value === 'b' ? 'beta' : value === 'm' ? 'milestone' : value;
  }
  return { kind: 'string', value: QUALIFIER_ALIASES[value] ?? value };
}

function qualifierRank(value: string): string {
  const index = QUALIFIERS.indexOf(value);
  return index === -1 ? `${QUALIFIERS.length}-${value}` : String(index);
}

function isNull(item: Item): boolean {
  if (item.kind === 'int') return item.value === 0n;
  if (item.kind === 'string') return item.value === '';
  return item.items.length === 0;
}

/** Remove trailing "null" items (0, "", release aliases) from every list, as Maven does. */
function normalize(list: ListItem): void {
  for (let i = list.items.length - 1; i >= 0; i--) {
    const item = list.items[i];
    if (isNull(item)) list.items.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
}

/**
 * Parse a version the way Maven's ComparableVersion does: `.` separates items, `-` and a
 * change between digits and letters open a nested list (`1.0-alpha-1` is [1, [alpha, [1]]]).
 */
function parse(version: string): ListItem {
  const root: ListItem = { kind: 'list', items: [] };
  let list = root;
  const stack: ListItem[] = [root];
  const text = version.trim().toLowerCase();
  let start = 0;
  let digits = false;
  const push = (end: number, nextIsDigit: boolean): void => {
    const token = text.slice(start, end);
    if (token === '') list.items.push({ kind: 'int', value: 0n });
    else if (digits) list.items.push({ kind: 'int', value: BigInt(token) });
    else list.items.push(stringItem(token, nextIsDigit));
  };
  const openList = (): void => {
    const child: ListItem = { kind: 'list', items: [] };
    list.items.push(child);
    list = child;
    stack.push(child);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const isDigit = c >= '0' && c <= '9';
    if (c === '.' || c === '-') {
      push(i, false);
      start = i + 1;
      if (c === '-') openList();
      digits = false;
    } else if (isDigit !== digits && i > start) {
      // A qualifier after a dot reads as one after a dash: 1.0.RC1 is 1.0-RC1 (Maven 3).
      if (isDigit && list.items.length > 0) openList();
      push(i, isDigit);
      start = i;
      openList();
      digits = isDigit;
    } else {
      digits = isDigit;
    }
  }
  if (start < text.length) push(text.length, false);
  for (let i = stack.length - 1; i >= 0; i--) normalize(stack[i]);
  return root;
}

function compareItem(left: Item | undefined, right: Item | undefined): number {
  if (left === undefined && right === undefined) return 0;
  if (left === undefined) return -compareItem(right, undefined);
  if (left.kind === 'int') {
    if (right === undefined) return left.value === 0n ? 0 : 1;
    if (right.kind === 'int')
      return left.value < right.value ? -1 : left.value > right.value ? 1 : 0;
    return 1;
  }
  if (left.kind === 'string') {
    if (right === undefined) return compareText(qualifierRank(left.value), qualifierRank(''));
    if (right.kind === 'string') {
      return compareText(qualifierRank(left.value), qualifierRank(right.value));
    }
    return -1;
  }
  if (right === undefined)
    return left.items.length === 0 ? 0 : compareItem(left.items[0], undefined);
  if (right.kind !== 'list') return right.kind === 'int' ? -1 : 1;
  const length = Math.max(left.items.length, right.items.length);
  for (let i = 0; i < length; i++) {
    const order = compareItem(left.items[i], right.items[i]);
    if (order !== 0) return order;
  }
  return 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The leading numbers of a version: `1.2-rc1` gives `1.2`. */
function releaseOf(version: string): string {
  return /^[0-9.]*[0-9]/.exec(version.trim())?.[0] ?? '0';
}

/** Maven (ComparableVersion): alpha < beta < milestone < rc < snapshot < release < sp. */
export const mavenOrder: VersionOrder = {
  parse(version) {
    return /^[0-9A-Za-z][0-9A-Za-z.+_-]*$/.test(version.trim()) ? version.trim() : undefined;
  },
  compare(a, b) {
    return compareItem(parse(a), parse(b));
  },
  isPrerelease(version) {
    return compareItem(parse(version), parse(releaseOf(version))) < 0;
  },
};
