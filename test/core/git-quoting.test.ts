import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readBlobs, unquoteGitPath } from '../../src/core/git.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

describe('unquoteGitPath', () => {
  it.each([
    ['"b/new\\nline.yml"', 'b/new\nline.yml'],
    ['"b/tab\\tname.yml"', 'b/tab\tname.yml'],
    ['"b/say \\"hi\\".yml"', 'b/say "hi".yml'],
    ['"b/back\\\\slash.yml"', 'b/back\\slash.yml'],
    ['"b/caf\\303\\251.yml"', 'b/café.yml'],
    ['"b/\\a\\b\\f\\r\\v.yml"', 'b/\x07\b\f\r\v.yml'],
    ['b/sp ace.yml', 'b/sp ace.yml'],
    ['b/plain.yml', 'b/plain.yml'],
    ['"', '"'],
  ])('%s is %j', (quoted, expected) => {
    expect(unquoteGitPath(quoted)).toBe(expected);
  });
});

describe('readBlobs', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => repo.remove());

  it('reads each staged blob under its own spec when a path holds a newline', async () => {
    repo.write('new\nline.yml', 'first\n');
    repo.write('oa.yml', 'second\n');
    repo.write('ob.yml', 'third\n');
    repo.git('add', '-A');
    const blobs = await readBlobs(repo.dir, [
      ':./new\nline.yml',
      ':./oa.yml',
      ':./gone.yml',
      ':./ob.yml',
    ]);
    expect([...blobs.entries()].map(([spec, body]) => [spec, body.toString('utf8')])).toEqual([
      [':./new\nline.yml', 'first\n'],
      [':./oa.yml', 'second\n'],
      [':./ob.yml', 'third\n'],
    ]);
  });

  it('leaves out a spec with a newline that names no object', async () => {
    repo.write('oa.yml', 'second\n');
    repo.git('add', '-A');
    const blobs = await readBlobs(repo.dir, [':./no\nsuch.yml', ':./oa.yml']);
    expect([...blobs.keys()]).toEqual([':./oa.yml']);
  });
});
