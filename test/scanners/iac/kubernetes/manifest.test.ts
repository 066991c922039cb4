import { describe, expect, it } from 'vitest';

import type { InputProblem } from '../../../../src/core/scanner.js';
import { kubernetesFramework } from '../../../../src/scanners/iac/kubernetes/index.js';
import { lines, recordingLogger, scanWith } from '../scan-helpers.js';

const PRIV = ['privileged-container'];

const POD = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${extra}spec:
  containers:
    - name: app
      image: app:1.0.0
      securityContext:
        privileged: true
`;

describe('kubernetes manifests', () => {
  it.each([
    ['deploy/web.yaml', 'apiVersion: v1\nkind: Pod\n', true],
    ['deploy/web.yml', 'apiVersion: v1\nkind: Pod\n', true],
    ['values.yaml', 'replicas: 2\n', false],
    ['.github/workflows/ci.yml', 'on: push\njobs: {}\n', false],
    ['deploy/web.json', 'apiVersion: v1\nkind: Pod\n', false],
  ])('wants %s by path and text: %s', (path, text, expected) => {
    expect(kubernetesFramework.wants(path, text)).toBe(expected);
  });

  it('reports every document of a multi-document file at its own line', () => {
    const text = `${POD('a')}---\n${POD('b')}`;
    expect(lines(scanWith(kubernetesFramework, { 'pods.yaml': text }), PRIV)).toEqual([
      '10 privileged-container',
      '21 privileged-container',
    ]);
  });

  it('reads List items and CronJob templates', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: CronJob
    metadata: {name: nightly}
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  image: busybox:1.36
                  securityContext: {privileged: true}
`;
    const findings = scanWith(kubernetesFramework, { 'list.yaml': text });
    expect(lines(findings, PRIV)).toEqual(['16 privileged-container']);
    expect(findings.find((f) => f.ruleId.endsWith('/privileged-container'))?.properties).toEqual({
      framework: 'kubernetes',
      resource: 'CronJob/nightly',
      address: 'CronJob/nightly/initContainers/init',
    });
  });

  it.each([
    [
      'on the kind line',
      POD('a').replace(
        'kind: Pod',
        'kind: Pod # bulwark-ignore iac/kubernetes/privileged-container: node agent',
      ),
      7,
    ],
    [
      'above metadata.name',
      POD('a').replace(
        '  name: a',
        '  # bulwark-ignore iac/kubernetes/privileged-container: node agent\n  name: a',
      ),
      8,
    ],
    [
      'on the offending line',
      POD('a').replace(
        'privileged: true',
        'privileged: true # bulwark-ignore iac/kubernetes/privileged-container',
      ),
      7,
    ],
  ])('honours a suppression %s, and only for that rule', (_where, text, containerLine) => {
    const findings = scanWith(kubernetesFramework, { 'pod.yaml': text });
    expect(lines(findings, PRIV)).toEqual([]);
    expect(lines(findings, ['host-pid', 'run-as-non-root-missing'])).toEqual([
      `${containerLine} run-as-non-root-missing`,
    ]);
  });

  it('keeps fingerprints when unrelated lines are added above', () => {
    const before = scanWith(kubernetesFramework, { 'pod.yaml': POD('a') });
    const after = scanWith(kubernetesFramework, {
      'pod.yaml': POD('a', '  labels: {tier: web}\n  annotations: {team: shop}\n'),
    });
    const prints = (findings: typeof before) => findings.map((f) => f.fingerprint).sort();
    expect(prints(after)).toEqual(prints(before));
    const line = (findings: typeof before) =>
      findings.find((f) => f.ruleId.endsWith('/privileged-container'))?.location.startLine;
    expect([line(before), line(after)]).toEqual([10, 12]);
  });

  it('skips Helm templates with one warn line and reports malformed YAML as a problem', () => {
    const logs: string[] = [];
    const problems: InputProblem[] = [];
    const findings = scanWith(
      kubernetesFramework,
      {
        'chart/templates/a.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n',
        'chart/templates/b.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n',
        'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n',
      },
      recordingLogger(logs),
      problems,
    );
    expect(findings).toEqual([]);
    expect(logs).toEqual([
      'warn: broken.yaml:4:1: kubernetes: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML and scan again (the file was not checked)',
      'warn: kubernetes: skipped 2 Helm template file(s); render them with helm template and scan the output',
    ]);
    expect(problems).toEqual([
      {
        path: 'broken.yaml',
        line: 4,
        message:
          'kubernetes: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML and scan again (the file was not checked) (column 1)',
      },
    ]);
  });

  it('writes the secret only redacted into evidence', () => {
    const text = POD('a').replace(
      '      securityContext:',
      '      env:\n        - name: API_TOKEN\n          value: s3cr3t-v4lue-123456\n      securityContext:',
    );
    const finding = scanWith(kubernetesFramework, { 'pod.yaml': text }).find((f) =>
      f.ruleId.endsWith('/secret-in-env'),
    );
    expect(finding?.evidence).toBe('API_TOKEN=s3cr************');
    expect(JSON.stringify(finding)).not.toContain('s3cr3t-v4lue');
  });
});
