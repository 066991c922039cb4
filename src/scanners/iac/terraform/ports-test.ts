import type { Outcome, Truth } from './attribute-test.js';
import type { Block, Span } from './hcl-model.js';
import { UNKNOWN, type EvalScope, type Value } from './hcl-values.js';
import { resolvePath } from './path.js';
import type { PortsTest } from './rule-schema.js';

type Range = [number, number];
type Protocol = 'tcp' | 'udp';

/** The protocols a rule admits: a known set, or unknown when the protocol is not literal. */
type Protocols = Protocol[] | 'unknown';

const BOTH: Protocol[] = ['tcp', 'udp'];

/** A port of `include`: `22` on any protocol, `"22/tcp"` on TCP only. */
export interface PortSpec {
  port: number;
  protocols: Protocol[];
}

/** Read an `include` entry of the schema. */
export function portSpec(item: number | string): PortSpec {
  if (typeof item === 'number') return { port: item, protocols: BOTH };
  const [port, protocol] = item.split('/');
  return { port: Number(port), protocols: protocol ? [protocol as Protocol] : BOTH };
}

/**
 * True when the ports a rule opens include one of the listed ports on a protocol it admits.
 * A value literal evaluation cannot know (a variable without default, an iterator, another
 * resource's attribute) is never converted: it makes the answer unknown, and the check silent.
 */
export function runPortsTest(test: PortsTest['ports'], block: Block, scope: EvalScope): Outcome {
  const opened = openedPorts(test, block, scope);
  const include = test.include.map(portSpec);
  if (test.every) return everyPort(opened, include);
  return { truth: includes(opened.ranges, opened.protocols, include), at: opened.at };
}

/**
 * With `every`: whether the rule opens every port (0 or 1 to 65535) on TCP or UDP; the detail
 * lists the `include` ports that this opens, for a message that names them.
 */
function everyPort(opened: ReturnType<typeof openedPorts>, include: PortSpec[]): Outcome {
  const { ranges, protocols, at } = opened;
  const known = ranges.filter((range): range is Range => range !== 'unknown');
  const covers = known.some(([low, high]) => low <= 1 && high >= 65535);
  if (protocols === 'unknown' || (!covers && known.length < ranges.length)) {
    return { truth: covers || known.length < ranges.length ? 'unknown' : false, at };
  }
  if (!covers || protocols.length === 0) return { truth: false, at };
  const ports = include
    .filter((spec) => spec.protocols.some((protocol) => protocols.includes(protocol)))
    .map((spec) => spec.port);
  return { truth: true, at, detail: ports.join(', ') };
}

/** The port ranges and protocols a rule opens, and the span that says so. */
export function openedPorts(
  test: PortsTest['ports'],
  block: Block,
  scope: EvalScope,
): { ranges: (Range | 'unknown')[]; protocols: Protocols; at: Span } {
  const ranges: (Range | 'unknown')[] = [];
  let at: Span | undefined;
  let found = false;
  let protocols: Protocols = BOTH;
  for (const path of test.all?.paths ?? []) {
    const resolved = resolvePath(block, path, scope);
    if (!resolved.found) continue;
    at ??= resolved.span;
    if (test.all?.in.some((item) => sameText(item, resolved.value))) ranges.push([0, 65535]);
    else protocols = protocolsOf(resolved.value);
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
  return { ranges, protocols, at: at ?? block.header };
}

/** Whether `include` falls in the ranges on an admitted protocol; unknown when it may. */
function includes(ranges: (Range | 'unknown')[], protocols: Protocols, include: PortSpec[]): Truth {
  const wanted =
    protocols === 'unknown'
      ? include
      : include.filter((spec) => spec.protocols.some((p) => protocols.includes(p)));
  if (wanted.length === 0) return false;
  const known = ranges.filter((range): range is Range => range !== 'unknown');
  const hit = known.some(([low, high]) => wanted.some(({ port }) => port >= low && port <= high));
  if (hit) return protocols === 'unknown' ? 'unknown' : true;
  return known.length === ranges.length ? false : 'unknown';
}

/** Compare a protocol value with a listed literal as text, without converting UNKNOWN. */
function sameText(item: string | number | boolean | null, value: Value): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  return String(item).toLowerCase() === String(value).toLowerCase();
}

/** The protocols a protocol attribute names (AWS, GCP and Azure spellings, and IANA numbers). */
function protocolsOf(value: Value): Protocols {
  if (typeof value !== 'string' && typeof value !== 'number') return 'unknown';
  const text = String(value).toLowerCase();
  if (text === 'tcp' || text === '6') return ['tcp'];
  if (text === 'udp' || text === '17') return ['udp'];
  if (text === '*') return BOTH;
  return [];
}

function numericRange(from: Value, to: Value): Range | 'unknown' {
  const low = portNumber(from);
  const high = portNumber(to);
  return low === undefined || high === undefined ? 'unknown' : [low, high];
}

/** A port as a number; only numbers and numeric strings are ports, anything else is unknown. */
function portNumber(value: Value): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Port texts as Azure and GCP write them: `"22"`, `"1000-2000"`, `"*"`, or a list of them. */
function textRanges(value: Value): (Range | 'unknown')[] {
  if (value === UNKNOWN) return ['unknown'];
  if (Array.isArray(value)) return value.flatMap(textRanges);
  if (typeof value === 'number') return [[value, value]];
  if (value === null) return [];
  if (typeof value !== 'string') return ['unknown'];
  const text = value.trim();
  if (text === '*') return [[0, 65535]];
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return ['unknown'];
  return [[Number(match[1]), Number(match[2] ?? match[1])]];
}
