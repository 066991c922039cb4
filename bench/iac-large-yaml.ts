// Large-file benchmark for the YAML frameworks: one multi-document Kubernetes manifest of about
// BULWARK_BENCH_MB megabytes (20 by default) scanned by the kubernetes framework in process,
// reporting time, peak resident memory and findings. Run with `npm run bench:iac-large`;
// BULWARK_BENCH_SRC points at another checkout's src/ to compare versions.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Framework } from '../src/scanners/iac/framework.js';

const SRC = resolve(process.env.BULWARK_BENCH_SRC ?? 'src');
const MB = Number(process.env.BULWARK_BENCH_MB ?? 20);

/** One Deployment with a privileged container, an unpinned image and no limits. */
function deployment(index: number): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: web-${index}`,
    '  namespace: shop',
    '  labels: {app: web, tier: frontend}',
    'spec:',
    '  replicas: 2',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: registry.example.com/web:${index % 7 === 0 ? 'latest' : '1.4.2'}`,
    '          ports: [{containerPort: 8080}]',
    '          env:',
    '            - {name: MODE, value: production}',
    '          securityContext:',
    `            privileged: ${index % 5 === 0}`,
    '            allowPrivilegeEscalation: false',
    '',
  ].join('\n');
}

const docs: string[] = [];
let size = 0;
for (let i = 0; size < MB * 1024 * 1024; i++) {
  const doc = `---\n${deployment(i)}`;
  docs.push(doc);
  size += doc.length;
}
const text = docs.join('');

const { kubernetesFramework } = (await import(
  pathToFileURL(resolve(SRC, 'scanners/iac/kubernetes/index.ts')).href
)) as { kubernetesFramework: Framework };
const { silentLogger } = (await import(pathToFileURL(resolve(SRC, 'core/logger.ts')).href)) as {
  silentLogger: import('../src/core/logger.js').Logger;
};

const cpuBefore = process.cpuUsage();
const started = performance.now();
const findings = kubernetesFramework.scan({
  files: [{ path: 'all.yaml', text }],
  logger: silentLogger,
});
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
// Peak resident set of the whole process (kilobytes), generated text included.
const peak = process.resourceUsage().maxRSS * 1024;

console.log(
  JSON.stringify({
    src: SRC,
    megabytes: Number((text.length / 1024 / 1024).toFixed(1)),
    documents: docs.length,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(peak / 1024 / 1024),
    findings: findings.length,
  }),
);
