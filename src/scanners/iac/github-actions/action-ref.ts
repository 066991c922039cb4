/** What a `uses:` reference points at, and how firmly it is pinned. */
export interface ActionRef {
  /** `invalid` for a value that names no action (`uses: 123`). */
  kind: 'local' | 'docker' | 'remote' | 'invalid';
  /** `owner/repo` for remote references. */
  repo?: string;
  owner?: string;
  ref?: string;
  /** Pinned to a full commit SHA (remote) or an image digest (docker). */
  pinned: boolean;
  /** Owned by GitHub: `actions/*` and `github/*`. */
  firstParty: boolean;
}

const FIRST_PARTY = ['actions', 'github'];

/** Parse a step's or job's `uses:` value. */
export function parseActionRef(uses: string): ActionRef {
  const value = uses.trim();
  if (value.startsWith('./') || value.startsWith('../')) {
    return { kind: 'local', pinned: true, firstParty: false };
  }
  if (value.startsWith('docker://')) {
    return { kind: 'docker', pinned: /@sha256:[0-9a-f]{64}$/.test(value), firstParty: false };
  }
  if (!/^[\w.-]+\/[\w.-]+(?:\/[^@\s]*)?(?:@\S+)?$/.test(value)) {
    return { kind: 'invalid', pinned: false, firstParty: false };
  }
  const at = value.lastIndexOf('@');
  const path = at >= 0 ? value.slice(0, at) : value;
  const ref = at >= 0 ? value.slice(at + 1) : undefined;
  const [owner = '', repo = ''] = path.split('/');
  return {
    kind: 'remote',
    owner,
    repo: `${owner}/${repo}`,
    ref,
    pinned: ref !== undefined && /^[0-9a-f]{40}$/.test(ref),
    firstParty: FIRST_PARTY.includes(owner.toLowerCase()),
  };
}
