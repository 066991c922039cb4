import type { LearnedFacts } from '../content-facts.js';
import { evaluateVersion } from '../policy/evaluate.js';
import type { VersionDecision, VersionFacts } from '../policy/types.js';
import type { ProxyRuntime } from '../runtime.js';
import { licenseFromMetadata, metadataFromWheel } from './core-metadata.js';
import type { PypiFile } from './project.js';
import { pypiFileRedirectAllowed } from './file-hosts.js';

/** A version's facts and the decision on them, updated in place when the licence is learned. */
type Judged = { facts: VersionFacts; decision: VersionDecision };

/** The licence rule on the PyPI side, where licences live in the files' core metadata. */
export class PypiLicenses {
  /** Files whose metadata was already read. */
  private readonly licensed = new Set<string>();

  constructor(private readonly runtime: ProxyRuntime) {}

  /**
   * Read a version's licence once from core metadata, then judge the version again: from the
   * PEP 658 metadata file when the index offers one (before the file itself is fetched), else
   * from a downloaded wheel. A file with neither (an sdist without PEP 658 metadata) leaves the
   * licence unreadable, which the rule only warns about.
   */
  async learn(judged: Judged, file: PypiFile, data?: Buffer): Promise<void> {
    const rule = this.runtime.config.rules.licenses;
    const status = judged.facts.licenseStatus;
    if (rule.mode === 'off' || status === undefined || this.licensed.has(file.filename)) return;
    let text: string | undefined;
    if (file.coreMetadata?.sha256) {
      text = await this.metadataText(file, file.coreMetadata.sha256);
    } else if (data === undefined) {
      return;
    } else if (file.filename.endsWith('.whl')) {
      text = metadataFromWheel(data);
    }
    this.licensed.add(file.filename);
    const learned: LearnedFacts =
      text === undefined
        ? { licenseRead: 'unreadable' }
        : { licenseRead: 'read', license: licenseFromMetadata(text) };
    this.runtime.contentFacts.remember('PyPI', judged.facts.name, judged.facts.version, learned);
    judged.facts = this.runtime.contentFacts.apply(judged.facts);
    judged.decision = evaluateVersion(
      judged.facts,
      this.runtime.policy.contextFor('PyPI', judged.facts.name),
    );
  }

  /** The verified PEP 658 metadata of a file, or undefined when it cannot be had. */
  private async metadataText(file: PypiFile, sha256: string): Promise<string | undefined> {
    const url = `${file.upstreamUrl.split('#')[0]}.metadata`;
    try {
      const fetched = await this.runtime.files.get(
        url,
        { algorithm: 'sha256', hex: sha256 },
        (target) => pypiFileRedirectAllowed(target, this.runtime.pypiUpstream),
      );
      return fetched.data.toString('utf8');
    } catch (error) {
      this.runtime.log.warn(
        { file: file.filename, err: String(error) },
        'core metadata could not be read for the licence rule',
      );
      return undefined;
    }
  }
}
