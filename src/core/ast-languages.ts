import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { registerDynamicLanguage } from '@ast-grep/napi';

import { BulwarkError } from './errors.js';

/**
 * ast-grep keeps the first set of dynamic languages a process registers and ignores later
 * calls, so every grammar Bulwark parses with (the code scanner's and HCL) is registered
 * here, once, in a single call.
 */
const require = createRequire(import.meta.url);

interface Registration {
  libraryPath: string;
  extensions: string[];
  languageSymbol?: string;
  expandoChar?: string;
}

const LANGUAGE_PACKAGES: Record<string, string> = {
  python: '@ast-grep/lang-python',
  go: '@ast-grep/lang-go',
  java: '@ast-grep/lang-java',
  ruby: '@ast-grep/lang-ruby',
  php: '@ast-grep/lang-php',
};

let registered: Set<string> | undefined;

/**
 * The HCL grammar as its npm package ships it: the Node addon prebuilt for this platform is
 * also a plain shared object exporting `tree_sitter_hcl`, which is all ast-grep needs, so no
 * compiler runs at install time. A `parser.so` built beside it is taken when no prebuild fits.
 */
export function hclLibraryPath(): string | undefined {
  const pkg = dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
  const platform = `${process.platform}-${process.arch}`;
  const prebuild = join(pkg, 'prebuilds', platform, '@tree-sitter-grammars+tree-sitter-hcl.node');
  if (existsSync(prebuild)) return prebuild;
  const built = join(pkg, 'parser.so');
  return existsSync(built) ? built : undefined;
}

function codeLanguages(): Record<string, Registration> {
  const out: Record<string, Registration> = {};
  for (const [name, pkg] of Object.entries(LANGUAGE_PACKAGES)) {
    try {
      const lang = require(pkg) as Registration;
      out[name] = {
        libraryPath: lang.libraryPath,
        extensions: lang.extensions,
        languageSymbol: lang.languageSymbol,
        expandoChar: lang.expandoChar,
      };
    } catch {
      continue;
    }
  }
  return out;
}

/** Register every dynamic grammar once; returns the names that are available. */
export function ensureDynamicLanguages(): Set<string> {
  if (registered) return registered;
  const langs = codeLanguages();
  const hcl = hclLibraryPath();
  if (hcl) {
    langs.hcl = { libraryPath: hcl, languageSymbol: 'tree_sitter_hcl', extensions: ['tf', 'hcl'] };
  }
  registerDynamicLanguage(langs);
  registered = new Set(Object.keys(langs));
  return registered;
}

/** Fail with a clear message when a grammar is not available on this platform. */
export function requireLanguage(name: string): void {
  if (ensureDynamicLanguages().has(name)) return;
  throw new BulwarkError('internal', `no ${name} grammar for ${process.platform}-${process.arch}`, {
    hint: 'the grammar package ships prebuilds for linux, macOS and Windows on x64 and arm64',
  });
}
