import { describe, expect, it } from 'vitest';

import { parseYaml, YNode } from '../../../src/scanners/iac/check-yaml.js';

/** The root node of the first document of `text`. */
function root(text: string): YNode {
  const { source } = parseYaml('x.yaml', text);
  const node = YNode.root(source, source.docs[0]);
  if (!node) throw new Error('no document');
  return node;
}

const TEXT = [
  'base: &base',
  '  image: python:3.12',
  '  retries: 2',
  'job:',
  '  <<: *base',
  '  retries: 3',
  '  steps:',
  '    - name: a',
  '      run: make',
  '    - plain',
  '  script: |',
  '    echo one',
  '    echo "${{ x }}"',
].join('\n');

describe('YAML nodes with positions', () => {
  it.each([
    ['job.image', 'python:3.12', 2],
    ['job.retries', 3, 6],
    ['base.retries', 2, 3],
  ])('%s follows merge keys to %s at line %i', (path, value, line) => {
    const node = root(TEXT).at(path);
    expect([node?.value(), node?.line]).toEqual([value, line]);
  });

  it('lists entries without the merge key and positions list items at their first line', () => {
    const job = root(TEXT).get('job');
    expect(job?.entries().map(([key]) => key)).toEqual(['retries', 'steps', 'script']);
    expect(
      job
        ?.get('steps')
        ?.items()
        .map((item) => [item.line, item.str() ?? item.get('name')?.str()]),
    ).toEqual([
      [8, 'a'],
      [10, 'plain'],
    ]);
  });

  it('finds text inside a block scalar at its own line and column', () => {
    expect(root(TEXT).at('job.script')?.find('${{ x }}')).toEqual({
      line: 13,
      column: 11,
      endLine: 13,
      endColumn: 19,
    });
  });

  it('reports the first parse error and keeps the documents that parsed', () => {
    const { source, error } = parseYaml('x.yaml', 'a: 1\n---\nb: [\n---\nc: 3\n');
    expect(error).toEqual({
      line: 4,
      column: 1,
      message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
    });
    expect(source.docs.map((doc) => doc.toJS())).toEqual([{ a: 1 }, { c: 3 }]);
  });
});
