import { createRequire } from 'node:module';
import { extname } from 'node:path';

import { Lang, registerDynamicLanguage } from '@ast-grep/napi';

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

/** The line-comment markers of a rule language, used by the sample annotations. */
export function commentMarkers(language: RuleLanguage): string[] {
  if (language === 'python' || language === 'ruby') return ['#'];
  if (language === 'php') return ['//', '#'];
  return ['//'];
}

let registered = false;

/**
 * Register the grammars that ast-grep loads from the @ast-grep/lang-* packages. ast-grep
 * accepts one registration per thread, so this runs once per thread and is idempotent.
 */
export function registerLanguages(): void {
  if (registered) return;
  registered = true;
  const require = createRequire(import.meta.url);
  registerDynamicLanguage({
    python: require('@ast-grep/lang-python'),
    go: require('@ast-grep/lang-go'),
    java: require('@ast-grep/lang-java'),
    ruby: require('@ast-grep/lang-ruby'),
    php: require('@ast-grep/lang-php'),
  });
}
