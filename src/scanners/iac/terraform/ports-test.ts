import type { Outcome, Truth } from './attribute-test.js';
import type { Block, Span } from './hcl-model.js';
import { UNKNOWN, type EvalScope, type Value } from './hcl-values.js';
import { resolvePath } from './path.js';
import type { PortsTest } from './rule-schema.js';

type Range = [number, number];

/** True when the ports a rule opens include one of the listed ports. */
export function runPortsTest(test: PortsTest['ports'], block: Block, scope: EvalScope): Outcome {
  const ranges: (Range | 'unknown')[] = [];
  let at: Span | undefined;
  let found = false;
  for (const path of test.all?.paths ?? []) {
    const resolved = resolvePath(block, path, scope);
    if (!resolved.found) continue;
    at ??= resolved.span;
    if (resolved.value === UNKNOWN) ranges.push('unknown');
    else if (test.all?.in.some((item) => String(item) === String(resolved.value)))
      ranges.push([0, 65535]);
  }
  if (test.from && test.to) {
    const from = resolvePath(block, test.from, scope);
    const to = resolvePath(block, test.to, scope);
    if (from.found && to.found) {
      found = true;
      at ??= from.span;
      ranges.push(numericRange(from.value, to.value));
    }
  }
  for (const path of test.ranges ?? []) {
    const resolved = resolvePath(block, path, scope);
    if (!resolved.found) continue;
    found = true;
    at ??= resolved.span;
    ranges.push(...textRanges(resolved.value));
  }
  if (!found && test.emptyMeansAll) ranges.push([0, 65535]);
  return { truth: includes(ranges, test.include), at: at ?? block.header };
}

function includes(ranges: (Range | 'unknown')[], ports: number[]): Truth {
  const known = ranges.filter((range): range is Range => range !== 'unknown');
  if (known.some(([low, high]) => ports.some((port) => port >= low && port <= high))) return true;
  return known.length === ranges.length ? false : 'unknown';
}

function numericRange(from: Value, to: Value): Range | 'unknown' {
  const low = Number(from);
  const high = Number(to);
  if (from === UNKNOWN || to === UNKNOWN || Number.isNaN(low) || Number.isNaN(high))
    return 'unknown';
  return [low, high];
}

/** Port texts as Azure and GCP write them: `"22"`, `"1000-2000"`, `"*"`, or a list of them. */
function textRanges(value: Value): (Range | 'unknown')[] {
  if (value === UNKNOWN) return ['unknown'];
  if (Array.isArray(value)) return value.flatMap(textRanges);
  if (typeof value === 'number') return [[value, value]];
  if (typeof value !== 'string') return [];
  const text = value.trim();
  if (text === '*') return [[0, 65535]];
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return ['unknown'];
  return [[Number(match[1]), Number(match[2] ?? match[1])]];
}
