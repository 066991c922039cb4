import { describe, expect, it } from 'vitest';
import { parseText } from './parse-file.js';

const goMod = (goVersion: string) => `module example.test/app

go ${goVersion}

require (
\tgithub.com/pkg/errors v0.9.1
\tgolang.org/x/text v0.3.6 // indirect
\texample.test/fork v1.0.0
\texample.test/local v0.0.0
)

replace example.test/fork => github.com/someone/fork v1.2.0

replace example.test/local => ../local
`;

const goSum = `github.com/pkg/errors v0.9.1 h1:aaaa=
github.com/pkg/errors v0.9.1/go.mod h1:bbbb=
golang.org/x/text v0.3.6 h1:cccc=
golang.org/x/text v0.3.6/go.mod h1:dddd=
golang.org/x/tools v0.0.0-20180917221912-90fa682c2a6e/go.mod h1:eeee=
github.com/google/go-cmp v0.5.5 h1:ffff=
github.com/google/go-cmp v0.5.5/go.mod h1:gggg=
github.com/google/go-cmp v0.4.0 h1:hhhh=
`;

describe('go.mod', () => {
  it('applies replace directives and marks // indirect modules as transitive', () => {
    const result = parseText('go.mod', goMod('1.21'), { 'go.sum': goSum });

    expect(result.packages.map((p) => [p.name, p.version, p.direct, p.line, p.paths])).toEqual([
      ['github.com/pkg/errors', 'v0.9.1', true, 6, [['github.com/pkg/errors@v0.9.1']]],
      ['golang.org/x/text', 'v0.3.6', false, 7, []],
      ['github.com/someone/fork', 'v1.2.0', true, 8, [['github.com/someone/fork@v1.2.0']]],
    ]);
  });

  it('adds modules only go.sum names when go.mod predates Go 1.17', () => {
    const result = parseText('app/go.mod', goMod('1.16'), { 'go.sum': goSum });

    expect(
      result.packages.slice(3).map((p) => [p.name, p.version, p.direct, p.line, p.lockfile]),
    ).toEqual([['github.com/google/go-cmp', 'v0.5.5', false, 6, 'app/go.sum']]);
    expect(result.packages).toHaveLength(4);
  });

  it('reads go.mod alone when go.sum is absent', () => {
    expect(parseText('go.mod', goMod('1.16')).packages).toHaveLength(3);
  });
});
