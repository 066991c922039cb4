import type { ProxyEcosystem, VersionFacts } from './policy/types.js';
import type { MetadataStore } from './store/types.js';

/** What a version's file (tarball or wheel) revealed that its registry metadata did not. */
export interface LearnedFacts {
  /** Install hooks found in the tarball (packed package.json, binding.gyp). */
  installScripts?: readonly string[];
  /** The licence read from a file's core metadata (undefined: none declared). */
  license?: string;
  /** Set once a file's core metadata was read, or found missing (`unreadable`). */
  licenseRead?: 'read' | 'unreadable';
}

/** Where learned facts are kept across restarts: the metadata store. */
type FactsStore = Pick<MetadataStore, 'learnedFacts' | 'putLearnedFacts'>;

/**
 * Facts learned from file contents, so that cached and refreshed packuments and project pages
 * are judged with them and a version blocked for its contents stays blocked. They are written
 * to the metadata store as they are learned and read back by `load` when the proxy starts.
 */
export class ContentFacts {
  private readonly learned = new Map<string, LearnedFacts>();
  private changes = 0;

  constructor(
    private readonly store?: FactsStore,
    /** Told when a learned fact could not be written (it then lasts until a restart only). */
    private readonly onWriteError: (error: unknown) => void = () => undefined,
  ) {}

  /** Read back what was learned before a restart. */
  async load(): Promise<void> {
    if (!this.store) return;
    for (const row of await this.store.learnedFacts()) {
      this.learned.set(keyOf(row.ecosystem, row.name, row.version), parseFacts(row.facts));
    }
    this.changes++;
  }

  /** Remember what the file of `ecosystem`/`name`@`version` revealed. */
  remember(ecosystem: ProxyEcosystem, name: string, version: string, facts: LearnedFacts): void {
    const key = keyOf(ecosystem, name, version);
    const before = this.learned.get(key);
    // A licence read from one file is not undone by another file that has no metadata.
    if (before?.licenseRead === 'read' && facts.licenseRead === 'unreadable') return;
    const merged = { ...before, ...facts };
    this.learned.set(key, merged);
    this.changes++;
    this.store
      ?.putLearnedFacts({ ecosystem, name, version, facts: JSON.stringify(merged) })
      .catch(this.onWriteError);
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

/** Learned facts from their stored JSON; anything unreadable counts as nothing learned. */
function parseFacts(json: string): LearnedFacts {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return {};
    const raw = value as Record<string, unknown>;
    const out: LearnedFacts = {};
    if (Array.isArray(raw.installScripts))
      out.installScripts = raw.installScripts.filter((s): s is string => typeof s === 'string');
    if (typeof raw.license === 'string') out.license = raw.license;
    if (raw.licenseRead === 'read' || raw.licenseRead === 'unreadable')
      out.licenseRead = raw.licenseRead;
    return out;
  } catch {
    return {};
  }
}

function keyOf(ecosystem: ProxyEcosystem, name: string, version: string): string {
  return `${ecosystem}\u0000${name}\u0000${version}`;
}
