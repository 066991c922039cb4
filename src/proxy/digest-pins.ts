import { HttpError } from './http.js';
import type { ProxyEcosystem, VersionFacts } from './policy/types.js';
import { recordDecision, type DecisionScope, type ProxyRuntime } from './runtime.js';
import type { ExpectedDigest } from './verified-files.js';

/**
 * The digest of each file as first seen, kept in the metadata store: a version's bytes never
 * change on a registry, so a file whose metadata later promises other bytes is refused.
 * Bytes changed upstream before the first request for the file are not detected.
 */
export class DigestPins {
  /** Files already checked against their pin in this process, for the hot path. */
  private readonly confirmed = new Set<string>();

  constructor(private readonly runtime: ProxyRuntime) {}

  /**
   * Pin `digest` for the file if it has none, or throw a 502 (logged as an `integrity` block)
   * when the file was first seen with other bytes.
   */
  async check(
    asker: DecisionScope,
    facts: VersionFacts,
    file: string,
    digest: ExpectedDigest,
  ): Promise<void> {
    const value = `${digest.algorithm}-${digest.hex}`;
    const key = [facts.ecosystem, facts.name, file, value].join('\u0000');
    if (this.confirmed.has(key)) return;
    const pinned = await this.pin(facts.ecosystem, facts.name, file, digest.algorithm, value);
    if (pinned === value) {
      if (this.confirmed.size > 100_000) this.confirmed.clear();
      this.confirmed.add(key);
      return;
    }

    const reason = `the upstream changed ${file} since it was first seen (${short(pinned)} then, ${short(value)} now); a published version's bytes must not change`;
    const verdicts = [{ rule: 'integrity' as const, action: 'block' as const, reason }];
    recordDecision(this.runtime, asker, facts, { decision: 'blocked', verdicts });
    this.runtime.log.error({ package: facts.name, version: facts.version, file }, reason);
    throw new HttpError(502, `Bulwark refused ${facts.name}@${facts.version}: ${reason}`);
  }

  /** Pins are kept per algorithm, so a registry moving from sha1 to sha512 is no change. */
  private pin(
    ecosystem: ProxyEcosystem,
    name: string,
    file: string,
    algorithm: string,
    value: string,
  ): Promise<string> {
    return this.runtime.store.pinDigest(ecosystem, name, `${file}#${algorithm}`, value);
  }
}

function short(digest: string): string {
  return `${digest.slice(0, digest.indexOf('-') + 17)}…`;
}
