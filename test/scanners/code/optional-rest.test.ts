import { describe, expect, it } from 'vitest';

import { withOptionalRest } from '../../../src/scanners/code/optional-rest.js';

describe('withOptionalRest', () => {
  it('adds the call without its trailing rest arguments', () => {
    expect(withOptionalRest({ pattern: 'db.run($SQL, $$$)' })).toEqual({
      any: [{ pattern: 'db.run($SQL, $$$)' }, { pattern: 'db.run($SQL)' }],
    });
  });

  it('keeps the other keys of the object in every alternative', () => {
    expect(withOptionalRest({ pattern: 'f($X, $$$ARGS)', kind: 'call_expression' })).toEqual({
      any: [
        { pattern: 'f($X, $$$ARGS)', kind: 'call_expression' },
        { pattern: 'f($X)', kind: 'call_expression' },
      ],
    });
  });

  it('widens inside relations and keeps stopBy and field on the relation', () => {
    expect(
      withOptionalRest({
        kind: 'pair',
        inside: { pattern: 'g($A, $$$)', stopBy: 'end', field: 'x' },
      }),
    ).toEqual({
      kind: 'pair',
      inside: {
        any: [{ pattern: 'g($A, $$$)' }, { pattern: 'g($A)' }],
        stopBy: 'end',
        field: 'x',
      },
    });
  });

  it('drops every combination of two rest arguments', () => {
    expect(withOptionalRest({ pattern: 'a($X, $$$).b($Y, $$$)' })).toEqual({
      any: [
        { pattern: 'a($X, $$$).b($Y, $$$)' },
        { pattern: 'a($X).b($Y, $$$)' },
        { pattern: 'a($X, $$$).b($Y)' },
        { pattern: 'a($X).b($Y)' },
      ],
    });
  });

  it('leaves patterns without a trailing rest argument and pattern contexts alike', () => {
    expect(withOptionalRest({ pattern: 'f($$$)' })).toEqual({ pattern: 'f($$$)' });
    expect(withOptionalRest({ pattern: 'f($$$, $X)' })).toEqual({ pattern: 'f($$$, $X)' });
    expect(
      withOptionalRest({ pattern: { context: 'h($A, $$$)', selector: 'call_expression' } }),
    ).toEqual({
      any: [
        { pattern: { context: 'h($A, $$$)', selector: 'call_expression' } },
        { pattern: { context: 'h($A)', selector: 'call_expression' } },
      ],
    });
  });
});
