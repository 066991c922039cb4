import { Run, type Instruction } from 'dockerfile-ast';

import type { DockerFile, Stage } from './model.js';

/**
 * One shell command of a RUN. RUN scripts are split into commands on `&&`, `||`, `;` and new
 * lines and into words on blanks; this is not a shell parser, so a separator inside quotes
 * splits a command.
 */
export interface ShellCommand {
  text: string;
  /** The words of the command, split on blanks (quotes are kept as written). */
  words: string[];
  run: RunCommand;
}

/** A RUN instruction as shell text, with its physical lines for locating commands. */
export interface RunCommand {
  file: DockerFile;
  instruction: Instruction;
  stage: Stage;
  /** The whole script: continuation lines joined, heredoc bodies as lines. */
  script: string;
  commands: ShellCommand[];
  /** 1-based line numbers and text of the instruction's physical lines. */
  lines: Array<{ line: number; text: string }>;
}

const parsed = new WeakMap<DockerFile, RunCommand[]>();

/** Every RUN of a Dockerfile as shell commands (exec-form arrays joined by spaces), memoized. */
export function runCommands(file: DockerFile): RunCommand[] {
  const cached = parsed.get(file);
  if (cached) return cached;
  const out: RunCommand[] = [];
  for (const stage of file.stages) {
    for (const instruction of stage.instructions) {
      if (!(instruction instanceof Run)) continue;
      const range = instruction.getRange();
      const lines = [];
      for (let line = range.start.line; line <= range.end.line; line++) {
        lines.push({ line: line + 1, text: file.lines[line] ?? '' });
      }
      const script = scriptOf(instruction);
      const run: RunCommand = { file, instruction, stage, script, commands: [], lines };
      run.commands = script
        .split(/&&|\|\||;|\n/)
        .map((text) => text.trim())
        .filter((text) => text.length > 0)
        .map((text) => ({ text, words: text.split(/\s+/), run }));
      out.push(run);
    }
  }
  parsed.set(file, out);
  return out;
}

function scriptOf(instruction: Run): string {
  const raw = instruction.getRawArgumentsContent() ?? '';
  const withoutFlags = raw.replace(/^(?:\s*--\S+)+\s*/, '');
  if (withoutFlags.startsWith('[')) {
    try {
      const parts: unknown = JSON.parse(withoutFlags);
      if (Array.isArray(parts)) return parts.map(String).join(' ');
    } catch {
      return withoutFlags;
    }
  }
  const heredocs = instruction.getHeredocs();
  if (heredocs.length > 0) return withoutFlags.split('\n').slice(1).join('\n');
  return withoutFlags.replace(/\\\r?\n/g, ' ');
}

/** The 1-based line of the first physical line of a RUN matching `pattern`, else its first. */
export function lineMatching(run: RunCommand, pattern: RegExp): number {
  return (run.lines.find((entry) => pattern.test(entry.text)) ?? run.lines[0]).line;
}

/** True when the command invokes `tool` followed by `verb`, skipping options between them. */
export function invokes(command: ShellCommand, tool: RegExp, verb: string): boolean {
  const at = command.words.findIndex((word) => tool.test(word));
  if (at < 0) return false;
  const next = command.words.slice(at + 1).find((word) => !word.startsWith('-'));
  return next === verb;
}

/** The words after `verb` that are not options: the packages of an install command. */
export function operands(command: ShellCommand, verb: string): string[] {
  const at = command.words.indexOf(verb);
  return at < 0 ? [] : command.words.slice(at + 1).filter((word) => !word.startsWith('-'));
}
