import { extname } from 'node:path';

import { Lang } from '@ast-grep/napi';

import { ensureDynamicLanguages } from '../../core/ast-languages.js';

/** The rule folders under rules/code/, one per source language family. */
export const RULE_LANGUAGES = ['js', 'python', 'go', 'java', 'ruby', 'php'] as const;

/** A rule language: the folder name and the middle part of a rule id (`code/js/...`). */
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];

/** The ast-grep parser name for a file: built-in languages or dynamically registered ones. */
export type ParserName = Lang | 'python' | 'go' | 'java' | 'ruby' | 'php';

/** What the engine needs to know about a file extension. */
export interface FileLanguage {
  rules: RuleLanguage;
  parser: ParserName;
}

const BY_EXTENSION: Record<string, FileLanguage> = {
  '.js': { rules: 'js', parser: Lang.JavaScript },
  '.mjs': { rules: 'js', parser: Lang.JavaScript },
  '.cjs': { rules: 'js', parser: Lang.JavaScript },
  '.jsx': { rules: 'js', parser: Lang.JavaScript },
  '.ts': { rules: 'js', parser: Lang.TypeScript },
  '.mts': { rules: 'js', parser: Lang.TypeScript },
  '.cts': { rules: 'js', parser: Lang.TypeScript },
  '.tsx': { rules: 'js', parser: Lang.Tsx },
  '.py': { rules: 'python', parser: 'python' },
  '.go': { rules: 'go', parser: 'go' },
  '.java': { rules: 'java', parser: 'java' },
  '.rb': { rules: 'ruby', parser: 'ruby' },
  '.php': { rules: 'php', parser: 'php' },
};

/** The language of a file judged by its extension, or undefined when no rules apply. */
export function languageOf(path: string): FileLanguage | undefined {
  if (path.endsWith('.d.ts')) return undefined;
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/** Every parser a rule language's files may use; rules are checked against each. */
export function parsersOf(language: RuleLanguage): ParserName[] {
  const parsers = new Set(
    Object.values(BY_EXTENSION)
      .filter((entry) => entry.rules === language)
      .map((entry) => entry.parser),
  );
  return [...parsers];
}

/**
 * Make the grammars of the @ast-grep/lang-* packages available in this thread. ast-grep keeps
 * one registration per process, shared with the HCL grammar, so it goes through core.
 */
export function registerLanguages(): void {
  ensureDynamicLanguages();
}
