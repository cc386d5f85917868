import { describe, expect, it } from 'vitest';
import { safeRedirect, signInPath } from './redirect.js';

describe('safeRedirect', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeRedirect('/schemas/abc?tab=sharing')).toBe('/schemas/abc?tab=sharing');
  });

  it.each([null, undefined, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'schemas'])('falls back for %j', (target) => {
    expect(safeRedirect(target)).toBe('/schemas');
  });

  it('never sends a signed-in user back to the auth pages', () => {
    expect(safeRedirect('/signin?redirectTo=%2Fexports', '/home')).toBe('/home');
    expect(safeRedirect('/signup', '/home')).toBe('/home');
  });
});

describe('signInPath', () => {
  it('round-trips the current path and query through redirectTo', () => {
    const current = new URL('http://localhost:5173/exports?status=RUNNING&schemaId=a%20b');
    const path = signInPath(current);
    const back = new URL(path, current).searchParams.get('redirectTo');
    expect(new URL(path, current).pathname).toBe('/signin');
    expect(back).toBe('/exports?status=RUNNING&schemaId=a%20b');
    expect(safeRedirect(back)).toBe(back);
  });
});
