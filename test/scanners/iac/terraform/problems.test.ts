import { describe, expect, it } from 'vitest';

import { createLogger, silentLogger } from '../../../../src/core/logger.js';
import type { InputProblem } from '../../../../src/core/scanner.js';
import { loadRules } from '../../../../src/scanners/iac/terraform/rule-loader.js';
import { scanTerraform } from '../../../../src/scanners/iac/terraform/terraform-framework.js';

const rules = loadRules().filter((rule) => rule.id === 'aws-s3-versioning');
const BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n';

function problemsOf(files: { path: string; text: string }[]) {
  const problems: InputProblem[] = [];
  const findings = scanTerraform(
    { files, logger: silentLogger, reportProblem: (problem) => problems.push(problem) },
    rules,
  );
  return { problems, paths: findings.map((finding) => finding.location.path) };
}

const FIX = 'fix the syntax so Terraform accepts it';
const CLOSE = 'add the missing closing bracket so Terraform accepts it';
const NOT_CHECKED = '(the file was not checked)';

describe('files that cannot be parsed are input problems', () => {
  const utf16 = Buffer.from(`\ufeff${BUCKET}`, 'utf16le').toString('utf8');
  const cases: [string, string, string, InputProblem][] = [
    [
      'an unclosed brace, at the line it opened',
      'a/main.tf',
      `resource "aws_s3_bucket" "x" {\n  bucket = "x"\n${'\n'.repeat(9)}`,
      {
        path: 'a/main.tf',
        line: 1,
        message: `terraform: HCL syntax error: the block opened on this line is never closed; ${CLOSE} ${NOT_CHECKED}`,
      },
    ],
    [
      'an unclosed list, at the line it opened',
      'a/main.tf',
      'locals {\n  ports = [22, 443\n}\n',
      {
        path: 'a/main.tf',
        line: 2,
        message: `terraform: HCL syntax error: the list opened on this line is never closed; ${CLOSE} ${NOT_CHECKED}`,
      },
    ],
    [
      'a stray token',
      'a/main.tf',
      'resource "a" "b" {\n  = = x\n}\n',
      { path: 'a/main.tf', line: 1, message: `terraform: HCL syntax error; ${FIX} ${NOT_CHECKED}` },
    ],
    [
      'a broken terraform.tfvars',
      'a/terraform.tfvars',
      'region = "eu-west-1"\nport = \n',
      {
        path: 'a/terraform.tfvars',
        line: 2,
        message: `terraform: HCL syntax error: port has no value; ${FIX} ${NOT_CHECKED}`,
      },
    ],
    [
      'a binary file',
      'a/main.tf',
      '\u0000\u0001\u0002ELF',
      {
        path: 'a/main.tf',
        line: undefined,
        message:
          'terraform: not a text file (binary, or UTF-16 encoded); save it as UTF-8 text, or ' +
          `remove it if it is not Terraform ${NOT_CHECKED}`,
      },
    ],
    [
      'a UTF-16 file',
      'a/main.tf',
      utf16,
      {
        path: 'a/main.tf',
        line: undefined,
        message:
          'terraform: not a text file (binary, or UTF-16 encoded); save it as UTF-8 text, or ' +
          `remove it if it is not Terraform ${NOT_CHECKED}`,
      },
    ],
  ];
  it.each(cases)('%s', (_, path, text, expected) => {
    const { problems, paths } = problemsOf([
      { path, text },
      { path: 'b/main.tf', text: BUCKET },
    ]);
    expect(problems).toEqual([expected]);
    expect(paths).toEqual(['b/main.tf']);
  });
});

describe('suppressions on a resource header', () => {
  function logged(text: string) {
    let log = '';
    const stream = {
      write: (chunk: string) => ((log += chunk), true),
    } as unknown as NodeJS.WritableStream;
    const findings = scanTerraform(
      { files: [{ path: 'm/main.tf', text }], logger: createLogger('warn', stream) },
      rules,
    );
    return { log: log.trim().split('\n').filter(Boolean), count: findings.length };
  }

  it('accepts a marker without a reason, as the pipeline does on a finding line', () => {
    const text = `# bulwark-ignore iac/terraform/aws-s3-versioning\n${BUCKET}`;
    expect(logged(text)).toEqual({ log: [], count: 0 });
  });

  it('warns with file and line about a rule id that does not exist, suggesting the closest', () => {
    const text = `${BUCKET}\n# bulwark-ignore iac/terraform/aws-sg-shh-open: admin range\n${BUCKET.replace('"b"', '"c"')}`;
    expect(logged(text)).toEqual({
      log: [
        'bulwark warn: m/main.tf:5: no rule iac/terraform/aws-sg-shh-open; did you mean aws-sg-ssh-open? ' +
          'path=m/main.tf rule=iac/terraform/aws-sg-shh-open',
      ],
      count: 2,
    });
  });

  it('warns without a suggestion when nothing is close', () => {
    const text = `# bulwark-ignore iac/terraform/no-such-thing-at-all: reason\n${BUCKET}`;
    expect(logged(text).log).toEqual([
      'bulwark warn: m/main.tf:1: no rule iac/terraform/no-such-thing-at-all ' +
        'path=m/main.tf rule=iac/terraform/no-such-thing-at-all',
    ]);
  });
});
