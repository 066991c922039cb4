import type { ProxyEcosystem, VersionFacts } from './policy/types.js';

/** What a version's file (tarball or wheel) revealed that its registry metadata did not. */
export interface LearnedFacts {
  /** Install hooks found in the tarball (packed package.json, binding.gyp). */
  installScripts?: readonly string[];
  /** The licence read from a file's core metadata (undefined: none declared). */
  license?: string;
  /** Set once a file's core metadata was read, or found missing (`unreadable`). */
  licenseRead?: 'read' | 'unreadable';
}

/**
 * Facts learned from file contents, so that cached and refreshed packuments and project pages
 * are judged with them and a version blocked for its contents stays blocked.
 * What the proxy learns from tarballs and wheels (install hooks, licences) is kept in memory only: after a restart, a version blocked for its file's contents is listed again until its file is requested, which answers 403 again.
 */
export class ContentFacts {
  private readonly learned = new Map<string, LearnedFacts>();
  private changes = 0;

  /** Remember what the file of `ecosystem`/`name`@`version` revealed. */
  remember(ecosystem: ProxyEcosystem, name: string, version: string, facts: LearnedFacts): void {
    const key = keyOf(ecosystem, name, version);
    const before = this.learned.get(key);
    // A licence read from one file is not undone by another file that has no metadata.
    if (before?.licenseRead === 'read' && facts.licenseRead === 'unreadable') return;
    this.learned.set(key, { ...before, ...facts });
    this.changes++;
  }

  /** How many times something was learned; judged metadata built before a change is rebuilt. */
  generation(): number {
    return this.changes;
  }

  /** The version's facts with anything learned from its file applied on top. */
  apply(facts: VersionFacts): VersionFacts {
    const learned = this.learned.get(keyOf(facts.ecosystem, facts.name, facts.version));
    if (!learned) return facts;
    const out: VersionFacts = { ...facts };
    if (learned.installScripts) {
      const extra = learned.installScripts.filter((hook) => !facts.installScripts.includes(hook));
      out.installScripts = [...facts.installScripts, ...extra];
    }
    if (learned.licenseRead === 'read') {
      out.license = learned.license;
      delete out.licenseStatus;
    } else if (learned.licenseRead === 'unreadable') {
      out.licenseStatus = 'unreadable';
    }
    return out;
  }
}

function keyOf(ecosystem: ProxyEcosystem, name: string, version: string): string {
  return `${ecosystem}\u0000${name}\u0000${version}`;
}
