import { posix } from 'node:path';

import {
  DockerfileParser,
  From,
  ModifiableInstruction,
  type Dockerfile,
  type Instruction,
} from 'dockerfile-ast';

import type { CheckHit } from '../check-finding.js';
import { reportUnreadable } from '../check-problems.js';
import { stripBom } from '../check-yaml.js';
import type { FrameworkInput } from '../framework.js';

/** One build stage: its FROM and the instructions up to the next FROM. */
export interface Stage {
  from: From;
  /** The `AS` name, or `stage<index>`: part of finding addresses, so it never changes. */
  label: string;
  /** How messages name the stage: its `AS` name, or `(FROM node:20 at line 1)`. */
  display: string;
  index: number;
  instructions: Instruction[];
  /** The FROM's image as written (`name:tag@digest`), its name and its tag, read once. */
  image: string;
  imageName: string;
  imageTag?: string;
}

/** One parsed Dockerfile with its stages and what sits beside it. */
export interface DockerFile {
  path: string;
  dockerfile: Dockerfile;
  stages: Stage[];
  /** Physical lines, for locating a command inside a multi-line RUN. */
  lines: string[];
  /** True when a `.dockerignore` (or `<name>.dockerignore`) is next to the Dockerfile. */
  hasDockerignore: boolean;
}

/** Every Dockerfile of the scan. */
export interface DockerModel {
  files: DockerFile[];
}

const DOCKERFILE_NAME =
  /^(?:Dockerfile|Containerfile)(?:\.[^/]+)?$|\.(?:dockerfile|containerfile)$/i;

/** True for Dockerfile, Containerfile, Dockerfile.*, *.dockerfile and their .dockerignore. */
export function isDockerfilePath(path: string): boolean {
  const name = posix.basename(path);
  return !name.endsWith('.dockerignore') && DOCKERFILE_NAME.test(name);
}

/**
 * Parse every Dockerfile of the scan; `.dockerignore` files are only noted. A Dockerfile with no
 * FROM is reported as an input problem.
 */
export function buildDockerModel(input: FrameworkInput): DockerModel {
  const { files } = input;
  const paths = new Set(files.map((file) => file.path));
  const model: DockerModel = { files: [] };
  for (const file of files) {
    if (!isDockerfilePath(file.path)) continue;
    const text = stripBom(file.text);
    const dockerfile = DockerfileParser.parse(text);
    const stages = splitStages(dockerfile);
    if (stages.length === 0) {
      const message = 'no FROM instruction, so this is not a Dockerfile Bulwark can check';
      const action = 'start the file with FROM <image>, or rename it if it is not a Dockerfile';
      reportUnreadable(input, 'dockerfile', file.path, { line: 1, column: 1, message }, action);
      continue;
    }
    const dir = posix.dirname(file.path);
    const beside = (name: string): string => (dir === '.' ? name : `${dir}/${name}`);
    const hasDockerignore =
      paths.has(beside('.dockerignore')) ||
      paths.has(beside(`${posix.basename(file.path)}.dockerignore`));
    model.files.push({
      path: file.path,
      dockerfile,
      stages,
      lines: text.split('\n'),
      hasDockerignore,
    });
  }
  return model;
}

function splitStages(dockerfile: Dockerfile): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof From) {
      const index = stages.length;
      const name = instruction.getBuildStage();
      const line = instruction.getRange().start.line + 1;
      stages.push({
        from: instruction,
        label: name ?? `stage${index}`,
        display: name ?? `(FROM ${instruction.getImage() ?? ''} at line ${line})`,
        index,
        instructions: [],
        image: instruction.getImage() ?? '',
        imageName: instruction.getImageName() ?? '',
        imageTag: instruction.getImageTag() ?? undefined,
      });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The stage a FROM refers to by name, when it builds on an earlier stage. */
export function parentStage(file: DockerFile, stage: Stage): Stage | undefined {
  return file.stages.find((other) => other.index < stage.index && other.label === stage.imageName);
}

const chains = new WeakMap<DockerFile, Stage[]>();

/** The final stage followed back through the stages it builds on, final stage first. */
export function finalChain(file: DockerFile): Stage[] {
  const cached = chains.get(file);
  if (cached) return cached;
  const chain: Stage[] = [];
  let stage = file.stages.at(-1);
  while (stage && !chain.includes(stage)) {
    chain.push(stage);
    stage = parentStage(file, stage);
  }
  chains.set(file, chain);
  return chain;
}

/** The value of a `--name=value` flag of an instruction, or undefined. */
export function flagValue(instruction: Instruction, name: string): string | undefined {
  if (!(instruction instanceof ModifiableInstruction)) return undefined;
  const flag = instruction.getFlags().find((candidate) => candidate.getName() === name);
  return flag ? (flag.getValue() ?? '') : undefined;
}

/** A hit at a 1-based line of a Dockerfile, addressed by stage and a stable detail. */
export function dockerHit(
  file: DockerFile,
  stage: Stage,
  line: number,
  detail: string,
  vars: Record<string, string> = {},
): CheckHit {
  const text = file.lines[line - 1] ?? '';
  const column = text.length - text.trimStart().length + 1;
  return {
    path: file.path,
    line,
    column,
    endLine: line,
    endColumn: text.trimEnd().length + 1,
    address: `${stage.label}/${detail.replace(/\s+/g, ' ').trim()}`,
    resource: `stage ${stage.label}`,
    resourceLines: [stage.from.getRange().start.line + 1],
    vars: { stage: stage.display, ...vars },
  };
}

/** The 1-based first line of an instruction. */
export function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}
