/** Version of the database layout; a file with another version must be imported again. */
export const SCHEMA_VERSION = '1';

/**
 * The database layout: each advisory once as JSON in Bulwark's model, and one row per
 * (ecosystem, normalised package name) it affects, indexed for the per-package lookup.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS advisories (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS affected (
  ecosystem TEXT NOT NULL,
  name TEXT NOT NULL,
  advisory_id TEXT NOT NULL REFERENCES advisories(id) ON DELETE CASCADE,
  PRIMARY KEY (ecosystem, name, advisory_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS affected_by_advisory ON affected (advisory_id);
`;
