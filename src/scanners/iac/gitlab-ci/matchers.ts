import { redactSecret } from '../../../core/redact.js';
import type { CheckHit } from '../check-finding.js';
import {
  imageParts,
  isLiteralSecret,
  looksLikeSecretName,
  pipesDownloadToShell,
} from '../check-patterns.js';
import type { Check } from '../check-schema.js';
import type { YNode } from '../check-yaml.js';
import { ciHit, sections, type GitlabModel } from './model.js';

/** A GitLab CI check's logic: every hit of the check in the scanned CI files. */
export type GitlabMatcher = (model: GitlabModel, check: Check) => CheckHit[];

/** `image:` and `services:` references of every section: a string or a `name:` map. */
function images(
  model: GitlabModel,
): Array<{ hit: (node: YNode, detail: string) => CheckHit; node: YNode; ref: string }> {
  return sections(model).flatMap(({ file, job, node }) => {
    const candidates = [node.get('image'), ...(node.get('services')?.items() ?? [])];
    return candidates.flatMap((entry) => {
      const at = entry?.get('name') ?? entry;
      const ref = at?.str();
      if (!at || !ref) return [];
      const hit = (where: YNode, detail: string): CheckHit =>
        ciHit(file, job, where.span(), detail, { value: ref });
      return [{ hit, node: at, ref }];
    });
  });
}

/** Images and services without a tag or digest, or tagged latest. */
const imageUnpinned: GitlabMatcher = (model) =>
  images(model)
    .filter(({ ref }) => !ref.includes('$'))
    .filter(({ ref }) => {
      const { tag, digest } = imageParts(ref);
      return (!tag && !digest) || tag === 'latest';
    })
    .map(({ hit, node, ref }) => hit(node, `image ${ref}`));

/** Shell lines of every script section, each with the node it was read from. */
function scriptLines(model: GitlabModel): Array<{
  line: string;
  node: YNode;
  at: (line: string, vars?: Record<string, string>) => CheckHit;
}> {
  return sections(model).flatMap(({ file, job, node }) =>
    ['before_script', 'script', 'after_script'].flatMap((key) => {
      const section = node.get(key);
      if (!section) return [];
      const entries = section.isSeq() ? section.items() : [section];
      return entries.flatMap((entry) =>
        (entry.str() ?? '').split('\n').map((line) => ({
          line,
          node: entry,
          at: (text: string, vars: Record<string, string> = {}) =>
            ciHit(file, job, entry.find(text.trim()), `${key}: ${text.trim()}`, vars),
        })),
      );
    }),
  );
}

/** Downloads piped into a shell in scripts. */
const curlPipeShell: GitlabMatcher = (model) =>
  scriptLines(model)
    .filter(({ line }) => pipesDownloadToShell(line))
    .map(({ line, at }) => at(line));

/** Variables of every section as name, value and node. */
function variables(
  model: GitlabModel,
): Array<{ name: string; value: string; node: YNode; hit: (detail: string) => CheckHit }> {
  return sections(model).flatMap(({ file, job, node }) =>
    (node.get('variables')?.entries() ?? []).map(([name, entry]) => {
      const at = entry.get('value') ?? entry;
      const value = at.str() ?? '';
      const hit = (detail: string): CheckHit =>
        ciHit(file, job, at.span(), detail, { value: name });
      return { name, value, node: at, hit };
    }),
  );
}

/** Variables with a credential-like name and a literal value. */
const secretInVariables: GitlabMatcher = (model) =>
  variables(model)
    .filter(({ name, value }) => looksLikeSecretName(name) && isLiteralSecret(value))
    .map(({ name, value, hit }) => ({
      ...hit(`variables.${name}`),
      evidence: `${name}=${redactSecret(value)}`,
    }));

/** CI_DEBUG_TRACE or CI_DEBUG_SERVICES turned on. */
const debugTrace: GitlabMatcher = (model) =>
  variables(model)
    .filter(({ name, value }) => /^CI_DEBUG_(?:TRACE|SERVICES)$/.test(name) && value === 'true')
    .map(({ name, hit }) => hit(`variables.${name}`));

/** Predefined variables whose value a merge request author or committer chooses. */
const UNTRUSTED_VARIABLE =
  /\$\{?(CI_MERGE_REQUEST_(?:TITLE|DESCRIPTION|SOURCE_BRANCH_NAME)|CI_COMMIT_(?:MESSAGE|TITLE|DESCRIPTION|BRANCH|REF_NAME|TAG_MESSAGE)|CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME)\b/;

/**
 * Untrusted variables used where the shell re-parses them: unquoted, or inside eval / sh -c.
 * Inside double quotes the shell expands a variable once, without running its content.
 */
const untrustedVariableInScript: GitlabMatcher = (model) =>
  scriptLines(model)
    .filter(({ line }) => UNTRUSTED_VARIABLE.test(line))
    .filter(({ line }) => {
      const outsideQuotes = line.replace(/'[^']*'/g, "''").replace(/"(?:[^"\\]|\\.)*"/g, '""');
      return UNTRUSTED_VARIABLE.test(outsideQuotes) || /\beval\b|\b(?:ba)?sh\s+-c\b/.test(line);
    })
    .map(({ line, at }) => at(line, { value: UNTRUSTED_VARIABLE.exec(line)?.[1] ?? '' }));

/** Job names and templates of security scanning jobs. */
const SECURITY_JOB =
  /sast|secret|dependency[_-]scanning|container[_-]scanning|dast|security|license[_-]scanning|bulwark|trivy|gitleaks|semgrep|grype|snyk|audit/i;

/** Security jobs allowed to fail, so their findings never block the pipeline. */
const securityAllowFailure: GitlabMatcher = (model) =>
  model.files.flatMap((file) =>
    file.jobs.flatMap((job) => {
      const extendsNames = [
        job.node.get('extends')?.str(),
        ...(job.node.get('extends')?.items() ?? []).map((i) => i.str()),
      ];
      const isSecurity = [job.name, ...extendsNames].some(
        (name) => name !== undefined && SECURITY_JOB.test(name),
      );
      const allow = job.node.get('allow_failure');
      return isSecurity && allow?.value() === true
        ? [ciHit(file, job, allow.span(), 'allow_failure')]
        : [];
    }),
  );

/** DOCKER_TLS_CERTDIR set to "" in a pipeline that runs a docker:dind service. */
const dindWithoutTls: GitlabMatcher = (model) => {
  const usesDind = images(model).some(({ ref }) => /^(?:.*\/)?docker:.*dind/.test(ref));
  if (!usesDind) return [];
  return variables(model)
    .filter(({ name, value }) => name === 'DOCKER_TLS_CERTDIR' && value === '')
    .map(({ hit }) => hit('variables.DOCKER_TLS_CERTDIR'));
};

/** Matchers of GitLab CI, by name. */
export const GITLAB_MATCHERS: Record<string, GitlabMatcher> = {
  'image-unpinned': imageUnpinned,
  'curl-pipe-shell': curlPipeShell,
  'secret-in-variables': secretInVariables,
  'debug-trace': debugTrace,
  'untrusted-variable-in-script': untrustedVariableInScript,
  'security-allow-failure': securityAllowFailure,
  'dind-without-tls': dindWithoutTls,
};
