export { advisoryDbPath } from './db-path.js';
export { importAdvisories, type ImportOptions } from './import.js';
export type { ImportReport } from './import-report.js';
export type { Advisory, AffectedPackage, Ecosystem, RangeEvent, VersionRange } from './model.js';
export type { Vulnerability } from './merge.js';
export { normalizeName } from './names.js';
export type { SeverityScore } from './severity/score.js';
export { readSource, readZip, type SourceFile } from './sources.js';
export {
  CREATE_HINT,
  openAdvisoryDb,
  type AdvisoryDb,
  type DbAge,
  type DbStatus,
  type PackageMatch,
} from './store.js';
export { versionOrder, type VersionOrder } from './versions/index.js';
export { openAdvisoryDbForScan, type ScanDb, type ScanDbOptions } from './open-for-scan.js';
export { APPLICATION_ID, errorCode, fileError } from './db-file.js';
export {
  DEFAULT_OSV_URL,
  DEFAULT_TIMEOUT_SECONDS,
  MAX_REDIRECTS,
  osvBaseUrl,
  updateAdvisories,
  type DownloadProgress,
  type UpdateOptions,
} from './update.js';
