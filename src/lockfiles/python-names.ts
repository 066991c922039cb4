/** PEP 503 normalised form of a Python distribution name, used to match names across files. */
export function normalizePyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The distribution name at the start of a PEP 508 requirement (`requests[socks]>=2; ...`). */
export function requirementName(requirement: string): string | undefined {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(requirement);
  return match?.[1];
}

/** Dependency names a pyproject.toml declares: [project], PEP 735 groups, Poetry and PDM tables. */
export function pyprojectDeclared(pyproject: Record<string, unknown>): Map<string, boolean> {
  const declared = new Map<string, boolean>();
  const add = (names: Iterable<string>, dev: boolean) => {
    for (const name of names) {
      const key = normalizePyName(name);
      if (key === 'python') continue;
      declared.set(key, dev && (declared.get(key) ?? true));
    }
  };
  const fromList = (value: unknown) =>
    (Array.isArray(value) ? value : []).flatMap((item) =>
      typeof item === 'string' ? (requirementName(item) ?? []) : [],
    );
  const fromTable = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  const table = (value: unknown) =>
    (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<
      string,
      unknown
    >;

  const project = table(pyproject.project);
  add(fromList(project.dependencies), false);
  for (const group of Object.values(table(project['optional-dependencies']))) {
    add(fromList(group), false);
  }
  for (const group of Object.values(table(pyproject['dependency-groups'])))
    add(fromList(group), true);
  const poetry = table(table(pyproject.tool).poetry);
  add(fromTable(poetry.dependencies), false);
  add(fromTable(poetry['dev-dependencies']), true);
  for (const group of Object.values(table(poetry.group)))
    add(fromTable(table(group).dependencies), true);
  const pdm = table(table(pyproject.tool).pdm);
  for (const group of Object.values(table(pdm['dev-dependencies']))) add(fromList(group), true);
  return declared;
}
