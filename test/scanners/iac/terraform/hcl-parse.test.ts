import { describe, expect, it } from 'vitest';

import { BulwarkError } from '../../../../src/core/errors.js';
import { parseHcl } from '../../../../src/scanners/iac/terraform/hcl-parse.js';

const SOURCE = `# header comment
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
  tags = {
    team = "platform"
  }

  versioning {
    enabled = true
  }
}

locals {
  name    = "a\\"b\\n"
  policy  = <<-EOT
    {
      "Version": "2012-10-17"
    }
  EOT
}
`;

describe('parseHcl', () => {
  const file = parseHcl('infra/main.tf', SOURCE);
  const [bucket, locals] = file.body.blocks;

  it('keeps block types, labels and header lines', () => {
    expect([bucket.type, bucket.labels, bucket.header.startLine, bucket.span.endLine]).toEqual([
      'resource',
      ['aws_s3_bucket', 'logs'],
      2,
      11,
    ]);
    expect([locals.type, locals.labels, locals.header.startLine]).toEqual(['locals', [], 13]);
  });

  it('keeps attribute lines and columns', () => {
    const attribute = bucket.attributes.get('bucket');
    expect(attribute?.span).toEqual({
      file: 'infra/main.tf',
      startLine: 3,
      startColumn: 3,
      endLine: 3,
      endColumn: 26,
    });
    expect(attribute?.expr).toMatchObject({ kind: 'literal', value: 'example-logs' });
  });

  it('keeps nested blocks and map entries with their lines', () => {
    const [versioning] = bucket.blocks;
    expect([versioning.type, versioning.header.startLine]).toEqual(['versioning', 8]);
    expect(versioning.attributes.get('enabled')?.expr).toMatchObject({
      kind: 'literal',
      value: true,
    });
    const tags = bucket.attributes.get('tags')?.expr;
    expect(
      tags?.kind === 'object' ? tags.entries.map((entry) => entry.span.startLine) : [],
    ).toEqual([5]);
  });

  it('unescapes quoted strings and strips the indent of <<- heredocs', () => {
    expect(locals.attributes.get('name')?.expr).toMatchObject({ kind: 'literal', value: 'a"b\n' });
    expect(locals.attributes.get('policy')?.expr).toMatchObject({
      kind: 'template',
      parts: ['{\n  "Version": "2012-10-17"\n}\n'],
    });
  });

  const broken: [string, string, number][] = [
    ['a missing value', 'resource "a" "b" {\n  x = \n}\n', 2],
    ['a missing closing brace (at the line the block opened)', 'resource "a" "b" {\n  x = 1\n', 1],
    ['a stray token', 'resource "a" "b" {\n  = = x\n}\n', 1],
  ];
  it.each(broken)('rejects %s with the line', (_, text, line) => {
    expect(() => parseHcl('bad.tf', text)).toThrow(BulwarkError);
    try {
      parseHcl('bad.tf', text);
    } catch (error) {
      expect([(error as BulwarkError).where?.file, (error as BulwarkError).where?.line]).toEqual([
        'bad.tf',
        line,
      ]);
    }
  });

  it('names the file and line of a syntax error', () => {
    const broken = 'resource "a" "b" {\n  x = \n}\n';
    expect(() => parseHcl('bad.tf', broken)).toThrow(BulwarkError);
    try {
      parseHcl('bad.tf', broken);
    } catch (error) {
      expect((error as BulwarkError).where?.file).toBe('bad.tf');
      expect((error as BulwarkError).kind).toBe('input');
    }
  });
});
