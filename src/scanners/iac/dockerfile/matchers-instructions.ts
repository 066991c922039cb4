import { Add, Arg, Copy, Env, type Instruction, type Property } from 'dockerfile-ast';

import { redactSecret } from '../../../core/redact.js';
import { isLiteralSecret, looksLikeSecretName } from '../check-patterns.js';
import type { DockerMatcher } from './matcher.js';
import { dockerHit, finalChain, flagValue, lineOf, type DockerFile, type Stage } from './model.js';

/** Instructions of a stage with a given keyword. */
function keyword(stage: Stage, name: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === name);
}

/** Instructions of the final image's stages, final stage first. */
function finalInstructions(
  file: DockerFile,
  name: string,
): Array<{ stage: Stage; instruction: Instruction }> {
  return finalChain(file).flatMap((stage) =>
    keyword(stage, name).map((instruction) => ({ stage, instruction })),
  );
}

/** Final tags of distroless and similar images that already run as a non-root user. */
const NONROOT_TAG = /(?:^|[-:])nonroot(?:$|-)/;

/**
 * Final images with no USER anywhere in their stage chain. The base image's own USER is not
 * known: only tags naming `nonroot` (distroless) are recognised as running as non-root.
 */
const missingUser: DockerMatcher = (model) =>
  model.files.flatMap((file) => {
    const chain = finalChain(file);
    const root = chain.at(-1);
    const final = chain[0];
    if (!root || !final || finalInstructions(file, 'USER').length > 0) return [];
    if (NONROOT_TAG.test(root.imageTag ?? '')) return [];
    return [dockerHit(file, final, lineOf(final.from), 'FROM')];
  });

/** Final images whose effective USER (the last one along the final stage chain) is root. */
const userRoot: DockerMatcher = (model) =>
  model.files.flatMap((file) => {
    const users = finalChain(file).flatMap((stage) =>
      keyword(stage, 'USER')
        .map((instruction) => ({ stage, instruction }))
        .reverse(),
    );
    const effective = users[0];
    if (!effective) return [];
    const user = (effective.instruction.getArgumentsContent() ?? '').trim().split(':')[0];
    if (user !== 'root' && user !== '0') return [];
    return [dockerHit(file, effective.stage, lineOf(effective.instruction), `USER ${user}`)];
  });

/** Sources of an ADD or COPY (every argument but the destination). */
function sources(instruction: Instruction): string[] {
  return instruction
    .getArguments()
    .map((arg) => arg.getValue())
    .slice(0, -1);
}

const URL = /^https?:\/\//i;
const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const GIT = /^(?:git@|https?:\/\/.*\.git(?:#.*)?$)/;

/** ADD of a remote URL without a --checksum. */
const addUrl: DockerMatcher = (model) =>
  model.files.flatMap((file) =>
    file.stages.flatMap((stage) =>
      stage.instructions
        .filter(
          (i) => i instanceof Add && sources(i).some((src) => URL.test(src) && !GIT.test(src)),
        )
        .filter((i) => flagValue(i, 'checksum') === undefined)
        .map((i) => dockerHit(file, stage, lineOf(i), `ADD ${i.getArgumentsContent() ?? ''}`)),
    ),
  );

/** ADD of local files that are not archives: COPY does the same with no surprises. */
const addInsteadOfCopy: DockerMatcher = (model) =>
  model.files.flatMap((file) =>
    file.stages.flatMap((stage) =>
      stage.instructions
        .filter((i) => i instanceof Add)
        .filter((i) =>
          sources(i).every((src) => !URL.test(src) && !GIT.test(src) && !ARCHIVE.test(src)),
        )
        .filter((i) => sources(i).length > 0)
        .map((i) => dockerHit(file, stage, lineOf(i), `ADD ${i.getArgumentsContent() ?? ''}`)),
    ),
  );

/** The name/value properties an ENV or ARG instruction defines. */
function propertiesOf(instruction: Instruction): Property[] {
  if (instruction instanceof Env) return instruction.getProperties();
  const property = instruction instanceof Arg ? instruction.getProperty() : null;
  return property ? [property] : [];
}

/** ENV and ARG properties with a credential-like name and a literal value. */
const secretInEnvArg: DockerMatcher = (model) =>
  model.files.flatMap((file) => {
    const owned = [
      ...file.dockerfile
        .getInitialARGs()
        .map((instruction) => ({ stage: file.stages[0], instruction })),
      ...file.stages.flatMap((stage) =>
        stage.instructions.map((instruction) => ({ stage, instruction })),
      ),
    ];
    return owned.flatMap(({ stage, instruction }) =>
      propertiesOf(instruction).flatMap((property) => {
        const value = property.getValue();
        const name = property.getName();
        if (!stage || value === null || !looksLikeSecretName(name) || !isLiteralSecret(value)) {
          return [];
        }
        const line = property.getNameRange().start.line + 1;
        const vars = { value: name, keyword: instruction.getKeyword() };
        const hit = dockerHit(file, stage, line, `${instruction.getKeyword()} ${name}`, vars);
        return [{ ...hit, evidence: `${name}=${redactSecret(value)}` }];
      }),
    );
  });

/** EXPOSE of port 22. */
const sshExposed: DockerMatcher = (model) =>
  model.files.flatMap((file) =>
    file.stages.flatMap((stage) =>
      keyword(stage, 'EXPOSE')
        .filter((i) => i.getArguments().some((arg) => /^22(?:\/tcp)?$/i.test(arg.getValue())))
        .map((i) => dockerHit(file, stage, lineOf(i), 'EXPOSE 22')),
    ),
  );

/** COPY or ADD of the whole build context when no .dockerignore limits it. */
const copyContext: DockerMatcher = (model) =>
  model.files
    .filter((file) => !file.hasDockerignore)
    .flatMap((file) =>
      file.stages.flatMap((stage) =>
        stage.instructions
          .filter(
            (i) => (i instanceof Copy || i instanceof Add) && flagValue(i, 'from') === undefined,
          )
          .filter((i) => sources(i).some((src) => src === '.' || src === './'))
          .map((i) => {
            const text = `${i.getKeyword()} ${i.getArgumentsContent() ?? ''}`;
            return dockerHit(file, stage, lineOf(i), text, { value: text });
          }),
      ),
    );

/** Final images that EXPOSE a port but declare no HEALTHCHECK. */
const missingHealthcheck: DockerMatcher = (model) =>
  model.files.flatMap((file) => {
    const expose = finalInstructions(file, 'EXPOSE')[0];
    if (!expose || finalInstructions(file, 'HEALTHCHECK').length > 0) return [];
    return [dockerHit(file, expose.stage, lineOf(expose.instruction), 'EXPOSE')];
  });

/** WORKDIR with a relative path. */
const relativeWorkdir: DockerMatcher = (model) =>
  model.files.flatMap((file) =>
    file.stages.flatMap((stage) =>
      keyword(stage, 'WORKDIR').flatMap((i) => {
        const dir = (i.getArgumentsContent() ?? '').trim().replace(/^["']/, '');
        if (dir === '' || /^(?:\/|\$|[A-Za-z]:[\\/])/.test(dir)) return [];
        return [dockerHit(file, stage, lineOf(i), `WORKDIR ${dir}`, { value: dir })];
      }),
    ),
  );

/** Every CMD or ENTRYPOINT of a stage but the last, which alone takes effect. */
const multipleCmd: DockerMatcher = (model) =>
  model.files.flatMap((file) =>
    file.stages.flatMap((stage) =>
      ['CMD', 'ENTRYPOINT'].flatMap((name) =>
        keyword(stage, name)
          .slice(0, -1)
          .map((i) =>
            dockerHit(file, stage, lineOf(i), `${name} ${i.getArgumentsContent() ?? ''}`, {
              value: name,
            }),
          ),
      ),
    ),
  );

/** Matchers of the instruction family, by name. */
export const INSTRUCTION_MATCHERS: Record<string, DockerMatcher> = {
  'missing-user': missingUser,
  'user-root': userRoot,
  'add-url': addUrl,
  'add-instead-of-copy': addInsteadOfCopy,
  'secret-in-env-arg': secretInEnvArg,
  'ssh-exposed': sshExposed,
  'copy-context': copyContext,
  'missing-healthcheck': missingHealthcheck,
  'relative-workdir': relativeWorkdir,
  'multiple-cmd': multipleCmd,
};
