import type { ProxyRules } from './config.js';
import type { PolicyContext } from './evaluate.js';
import { findTyposquat } from './typosquat.js';
import type { AdvisorySource, ProxyEcosystem } from './types.js';

/** The policy as the proxy applies it: rules, dry-run, advisories and a clock. */
export class PolicyEngine {
  constructor(
    readonly rules: ProxyRules,
    readonly dryRun: boolean,
    /** Where advisories come from. */
    readonly advisories: AdvisorySource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Everything needed to judge the versions of one package. */
  contextFor(ecosystem: ProxyEcosystem, name: string): PolicyContext {
    const typosquats = this.rules.typosquats;
    const typosquat =
      typosquats.mode === 'off' || typosquats.allow.includes(name)
        ? undefined
        : findTyposquat(ecosystem, name, typosquats.maxDistance);
    return {
      rules: this.rules,
      dryRun: this.dryRun,
      vulnerabilities: (version) => this.advisories.match(ecosystem, name, version),
      typosquat,
      now: this.clock(),
    };
  }
}

/** An advisory source that knows nothing, for running without an advisory database. */
export const noAdvisories: AdvisorySource = { match: () => [], records: () => [] };
