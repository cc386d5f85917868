import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskServerPaths, maskServerPathsDeep } from './expected-errors.js';

const segment = fc.stringMatching(/^[\w.-]{1,12}$/);
const absolutePath = fc.array(segment, { minLength: 2, maxLength: 6 }).map((parts) => `/${parts.join('/')}`);

describe('maskServerPaths', () => {
  it('replaces every absolute path of two or more segments, wherever it stands in the text', () => {
    fc.assert(
      fc.property(absolutePath, fc.constantFrom(' ', "'", '"', '(', '=', ',', ''), fc.string({ maxLength: 20 }), (path, before, tail) => {
        const text = `open ${before}${path}${before === '(' ? ')' : before} ${tail}`;
        const masked = maskServerPaths(text);
        expect(masked).not.toContain(path);
        expect(masked).toContain('<path>');
      }),
    );
  });

  it('keeps storage keys, URLs, MIME types and fractions', () => {
    for (const text of [
      'storage put "a1/b2/export.csv" failed',
      'see https://tdg.example/downloads/abc.def',
      'content-type application/json',
      '3/4 chunks done',
      'GET /graphql',
    ]) {
      expect(maskServerPaths(text)).toBe(text);
    }
  });

  it('masks Windows paths and strings deep inside JSON', () => {
    expect(maskServerPaths(`EPERM: operation not permitted, open 'C:\\tdg\\data\\x.partial'`)).toBe(`EPERM: operation not permitted, open '<path>'`);
    expect(maskServerPathsDeep({ error: { message: 'at /srv/tdg/x.js', code: 'X' }, list: ['/a/b', 1], n: null })).toEqual({
      error: { message: 'at <path>', code: 'X' },
      list: ['<path>', 1],
      n: null,
    });
  });
});
