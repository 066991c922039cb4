import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Finding, Location } from '../core/finding.js';
import type { ScanResult } from '../core/pipeline.js';
import type { InputProblem } from '../core/scanner.js';
import type { Severity } from '../core/severity.js';

/** What the SARIF renderer needs besides the findings. */
export interface SarifOptions {
  version: string;
  /** Absolute scan root; result paths are relative to it via %SRCROOT%. */
  root: string;
}

type Json = Record<string, unknown>;

// GitHub code scanning ranks alerts by `security-severity` (a CVSS-like score).
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** Render a scan as SARIF 2.1.0, filled for GitHub code scanning. */
export function renderSarif(result: ScanResult, options: SarifOptions): string {
  const rules = new Map<string, Finding>();
  for (const finding of result.findings)
    if (!rules.has(finding.ruleId)) rules.set(finding.ruleId, finding);
  const ruleIds = [...rules.keys()].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bulwark',
            version: options.version,
            rules: ruleIds.map((id) => sarifRule(rules.get(id) as Finding)),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(options.root).href}/` } },
        invocations: [invocation(result)],
        results: result.findings.map((f) => sarifResult(f, index.get(f.ruleId) ?? 0)),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** The run's invocation: unreadable input is reported as tool execution notifications. */
function invocation(result: ScanResult): Json {
  if (result.problems.length === 0) return { executionSuccessful: true };
  return {
    executionSuccessful: false,
    toolExecutionNotifications: result.problems.map((problem) => ({
      level: 'error',
      message: { text: problem.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact(problem.path),
            ...(problem.line === undefined ? {} : { region: problemRegion(problem) }),
          },
        },
      ],
      ...(problem.kind === undefined ? {} : { properties: { kind: problem.kind } }),
    })),
  };
}

function problemRegion(problem: InputProblem): Json {
  return problem.column === undefined
    ? { startLine: problem.line }
    : { startLine: problem.line, startColumn: problem.column };
}

function sarifRule(finding: Finding): Json {
  const help = [finding.help ?? finding.title, finding.fix ? `Fix: ${finding.fix.text}` : '']
    .filter(Boolean)
    .join('\n\n');
  const references = finding.references.map((r) => `- ${r}`).join('\n');
  const rule: Json = {
    id: finding.ruleId,
    name: finding.ruleId.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) =>
      (ch ?? '').toUpperCase(),
    ),
    shortDescription: { text: finding.title },
    fullDescription: { text: finding.help ?? finding.title },
    help: {
      text: references ? `${help}\n\nReferences:\n${references}` : help,
      markdown: references ? `${help}\n\n**References**\n\n${references}` : help,
    },
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: {
      tags: [
        'security',
        ...finding.cwe.map((c) => `external/cwe/${c.toLowerCase()}`),
        ...(finding.tags ?? []),
      ],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[finding.severity],
    },
  };
  if (finding.references[0]) rule.helpUri = finding.references[0];
  return rule;
}

function sarifResult(finding: Finding, ruleIndex: number): Json {
  const result: Json = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [physical(finding.location, finding.evidence)],
    partialFingerprints: { 'bulwarkFingerprint/v1': finding.fingerprint },
    properties: {
      severity: finding.severity,
      ...(finding.location.commit
        ? { commit: finding.location.commit, commitDate: finding.location.commitDate }
        : {}),
      ...(finding.properties ?? {}),
    },
  };
  if (finding.flow && finding.flow.length > 0) {
    result.codeFlows = [
      {
        threadFlows: [
          {
            locations: finding.flow.map((step) => ({
              location: { ...physical(step.location), message: { text: step.message } },
            })),
          },
        ],
      },
    ];
  }
  if (finding.fix?.replacement) {
    const { location, content } = finding.fix.replacement;
    result.fixes = [
      {
        description: { text: finding.fix.text },
        artifactChanges: [
          {
            artifactLocation: { uri: encodeUri(location.path), uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: region(location), insertedContent: { text: content } }],
          },
        ],
      },
    ];
  }
  return result;
}

function physical(location: Location, evidence?: string): Json {
  const reg: Json = region(location);
  if (evidence) reg.snippet = { text: evidence };
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeUri(location.path), uriBaseId: '%SRCROOT%' },
      region: reg,
    },
  };
}

function region(location: Location): Json {
  return {
    startLine: Math.max(1, location.startLine),
    startColumn: Math.max(1, location.startColumn),
    endLine: Math.max(location.startLine, location.endLine, 1),
    endColumn: Math.max(1, location.endColumn),
  };
}

/** A path inside the scan root is relative to %SRCROOT%; anything else is a file URL. */
function artifact(path: string): Json {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: encodeUri(path), uriBaseId: '%SRCROOT%' };
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
