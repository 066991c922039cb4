import { describe, expect, it } from 'vitest';

import type { InputProblem } from '../../../../src/core/scanner.js';
import { kubernetesFramework } from '../../../../src/scanners/iac/kubernetes/index.js';
import { lines, recordingLogger, scanWith } from '../scan-helpers.js';

const PRIV = ['privileged-container'];

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  annotations:',
  '    description: "alerts use {{ $labels.instance }}"',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: web:1.0.0',
  '          securityContext: {privileged: true}',
  '',
].join('\n');

describe('which files are Kubernetes manifests', () => {
  it.each([
    [
      'a UTF-8 BOM',
      `\uFEFFapiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: app\n      securityContext: {privileged: true}\n`,
      '7 privileged-container',
    ],
    [
      'quoted keys',
      `"apiVersion": v1\n"kind": Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: app\n      securityContext: {privileged: true}\n`,
      '7 privileged-container',
    ],
    [
      'JSON-style flow YAML',
      `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"},\n "spec": {"containers": [{"name": "app",\n   "securityContext": {"privileged": true}}]}}\n`,
      '3 privileged-container',
    ],
  ])('finds a manifest written with %s', (_name, text, expected) => {
    expect(kubernetesFramework.wants('pod.yaml', text)).toBe(true);
    expect(lines(scanWith(kubernetesFramework, { 'pod.yaml': text }), PRIV)).toEqual([expected]);
  });

  it('locates findings of a manifest with a BOM as if the BOM were not there', () => {
    const text = '\uFEFFapiVersion: v1\nkind: Pod\nmetadata: {namespace: default, name: a}\n';
    const finding = scanWith(kubernetesFramework, { 'pod.yaml': text }).find((f) =>
      f.ruleId.endsWith('/default-namespace'),
    );
    expect(finding?.location).toEqual({
      path: 'pod.yaml',
      startLine: 3,
      startColumn: 12,
      endLine: 3,
      endColumn: 21,
    });
  });

  it('checks a manifest that parses although a value holds {{ }}', () => {
    const logs: string[] = [];
    const findings = scanWith(
      kubernetesFramework,
      { 'deploy.yaml': DEPLOYMENT },
      recordingLogger(logs),
    );
    expect(lines(findings, PRIV)).toEqual(['13 privileged-container']);
    expect(logs).toEqual([]);
  });

  it('skips, with one warn line, templates that do not parse or sit in a chart templates folder', () => {
    const logs: string[] = [];
    const problems: InputProblem[] = [];
    const findings = scanWith(
      kubernetesFramework,
      {
        'chart/templates/deploy.yaml': DEPLOYMENT,
        'raw/deploy.yaml': 'apiVersion: v1\nkind: Pod\n{{- include "labels" . }}\nspec: [\n',
      },
      recordingLogger(logs),
      problems,
    );
    expect(findings).toEqual([]);
    expect(problems).toEqual([]);
    expect(logs).toEqual([
      'warn: kubernetes: skipped 2 Helm template file(s); render them with helm template and scan the output',
    ]);
  });

  it('reads the last of two equal keys and warns about the duplicate', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: a}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: web:1.0.0',
      '      image: web:latest',
      '',
    ].join('\n');
    const logs: string[] = [];
    const findings = scanWith(kubernetesFramework, { 'pod.yaml': text }, recordingLogger(logs));
    expect(lines(findings, ['image-latest-tag'])).toEqual(['8 image-latest-tag']);
    expect(findings.find((f) => f.ruleId.endsWith('/image-latest-tag'))?.message).toBe(
      'Container app of Pod/a uses image web:latest without a fixed tag.',
    );
    expect(logs).toEqual([
      'warn: pod.yaml:8:7: kubernetes: key image is written twice in one mapping; the last value is used, as Kubernetes does',
    ]);
  });

  it('reports a malformed manifest nested too deep as an input problem', () => {
    const deep = `apiVersion: v1\nkind: Pod\nmetadata: ${'['.repeat(300)}${']'.repeat(300)}\n`;
    const problems: InputProblem[] = [];
    const logs: string[] = [];
    scanWith(kubernetesFramework, { 'deep.yaml': deep }, recordingLogger(logs), problems);
    expect(problems).toEqual([
      {
        path: 'deep.yaml',
        line: 3,
        message:
          'kubernetes: nesting deeper than 256 levels; flatten the document; fix the YAML and scan again (the file was not checked) (column 267)',
      },
    ]);
    expect(logs).toEqual([
      'warn: deep.yaml:3:267: kubernetes: nesting deeper than 256 levels; flatten the document; fix the YAML and scan again (the file was not checked)',
    ]);
  });
});

const BASE = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web, namespace: shop}',
  'spec:',
  '  template:',
  '    spec:',
  '      automountServiceAccountToken: false',
  '      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
  '      containers:',
  '        - name: app',
  '          image: web:1.0.0@sha256:' + 'a'.repeat(64),
  '          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}',
  '          livenessProbe: {httpGet: {path: /, port: 80}}',
  '          readinessProbe: {httpGet: {path: /, port: 80}}',
  '          securityContext:',
  '            allowPrivilegeEscalation: false',
  '            readOnlyRootFilesystem: true',
  '            capabilities: {drop: [ALL]}',
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata: {name: deny, namespace: shop}',
  'spec: {podSelector: {}}',
  '',
].join('\n');

const PATCH = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web, namespace: shop}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          securityContext: {privileged: true}',
  '',
].join('\n');

/** What the patch alone gets: presence and absence checks alike. */
const CHECKED_IN_FULL = [
  '2 missing-network-policy',
  '6 service-account-token-automount',
  '8 capabilities-not-dropped',
  '8 liveness-probe-missing',
  '8 missing-resource-limits',
  '8 missing-resource-requests',
  '8 privilege-escalation-allowed',
  '8 read-only-root-filesystem',
  '8 readiness-probe-missing',
  '8 run-as-non-root-missing',
  '8 seccomp-not-runtime-default',
  '9 privileged-container',
];

describe('Kustomize patches', () => {
  it.each([
    ['patchesStrategicMerge', 'patchesStrategicMerge:\n  - patch.yaml\n'],
    ['patches with path', 'patches:\n  - path: patch.yaml\n    target: {kind: Deployment}\n'],
  ])('are checked for what they set, not what they leave out (%s)', (_name, list) => {
    const files = {
      'overlay/base.yaml': BASE,
      'overlay/patch.yaml': PATCH,
      'overlay/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base.yaml]\n${list}`,
    };
    const findings = scanWith(kubernetesFramework, files);
    expect(findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`)).toEqual([
      'overlay/patch.yaml:9 iac/kubernetes/privileged-container',
    ]);
  });

  it('are checked in full when no kustomization lists them', () => {
    const findings = scanWith(kubernetesFramework, { 'overlay/patch.yaml': PATCH });
    expect(lines(findings)).toEqual(CHECKED_IN_FULL);
  });
});
