// Shared helpers: ordinary safe code with dynamic property access, file access and regexes.
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Handler = (input: string) => string;

const HANDLERS: Record<string, Handler> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
};

export function applyHandler(name: string, input: string): string {
  // bulwark-ok: prototype-pollution-nested-assignment
  const handler = HANDLERS[name] ?? ((s: string) => s);
  return handler(input);
}

export function loadLocale(dir: string, locale: string): Record<string, string> {
  const file = join(dir, `${locale}.json`);
  // bulwark-ok: path-traversal
  if (!existsSync(file)) return {};
  // bulwark-ok: path-traversal
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

export function saveCache(dir: string, key: string, value: unknown): void {
  // bulwark-ok: path-traversal
  writeFileSync(join(dir, `${key.replace(/[^a-z0-9]/gi, '_')}.json`), JSON.stringify(value));
}

export function groupBy<T>(items: T[], key: keyof T): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) {
    const group = String(item[key]);
    // bulwark-ok: prototype-pollution-nested-assignment
    (out[group] ??= []).push(item);
  }
  return out;
}

export function transpose(rows: number[][]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows[i].length; j++) {
      out[j] ??= [];
      // bulwark-ok: prototype-pollution-nested-assignment
      out[j][i] = rows[i][j];
    }
  }
  return out;
}

export function highlight(text: string, words: string[]): string {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // bulwark-ok: regexp-injection
  const re = new RegExp(`(${escaped.join('|')})`, 'gi');
  return text.replace(re, '<mark>$1</mark>');
}

export function trimSlashes(value: string): string {
  // bulwark-ok: unsafe-regex-literal
  return value.replace(/^\/+|\/+$/g, '');
}

export function isHexColor(value: string): boolean {
  // bulwark-ok: unsafe-regex-literal
  return /^#(?:[0-9a-f]{3}){1,2}$/i.test(value);
}

export function parseDuration(value: string): number {
  // bulwark-expect: unsafe-regex-literal
  const match = /^(\d+\s*)+(ms|s|m|h)$/.exec(value);
  return match ? Number.parseInt(match[1], 10) : 0;
}

export function sameToken(a: string, b: string): boolean {
  // bulwark-ok: timing-unsafe-compare
  if (a.length === 0 || b.length === 0) return false;
  return a.localeCompare(b) === 0;
}

export function bufferOf(text: string): Buffer {
  // bulwark-ok: buffer-constructor
  return Buffer.from(text, 'utf8');
}

export function settingsPath(home: string, profile: string): string {
  // bulwark-ok: path-traversal
  return join(home, '.config', 'orders', `${profile}.json`);
}
