// Terraform scaling benchmark: one folder holding many S3 buckets, each with a versioning
// resource that refers to it, against the same buckets spread over folders of 100. Run with
// `npm run bench:iac-terraform-folder`; BULWARK_BENCH_BUCKETS sets the number of buckets.
import { silentLogger } from '../src/core/logger.js';
import type { FrameworkFile } from '../src/scanners/iac/framework.js';
import { scanTerraform } from '../src/scanners/iac/terraform/terraform-framework.js';

const BUCKETS = Number(process.env.BULWARK_BENCH_BUCKETS ?? 5000);

/** The bucket and its versioning resource, as a module would declare them. */
function bucket(i: number): string {
  return (
    `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n}\n\n` +
    `resource "aws_s3_bucket_versioning" "b${i}" {\n  bucket = aws_s3_bucket.b${i}.id\n` +
    '  versioning_configuration {\n    status = "Enabled"\n  }\n}\n'
  );
}

/** The buckets split into folders of `perFolder`, one main.tf each. */
function tree(perFolder: number): FrameworkFile[] {
  const files: FrameworkFile[] = [];
  for (let start = 0; start < BUCKETS; start += perFolder) {
    const count = Math.min(perFolder, BUCKETS - start);
    const text = Array.from({ length: count }, (_, i) => bucket(start + i)).join('\n');
    files.push({ path: `m${start}/main.tf`, text });
  }
  return files;
}

function time(label: string, files: FrameworkFile[]): void {
  const started = performance.now();
  const findings = scanTerraform({ files, logger: silentLogger });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `| ${label} | ${files.length} | ${ms.toLocaleString('en')} ms | ${findings.length} |\n`,
  );
}

process.stdout.write('| layout | files | time | findings |\n| --- | --: | --: | --: |\n');
time(`${BUCKETS} buckets in one folder`, tree(BUCKETS));
time(`${BUCKETS} buckets in folders of 100`, tree(100));
