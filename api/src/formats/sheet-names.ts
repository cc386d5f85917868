// Excel sheet names: at most 31 characters, none of []:*?/\, not starting or ending with an
// apostrophe, not "History", unique without regard to case.

export const SHEET_NAME_MAX = 31;

export function sanitizeSheetName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched here
  let s = name.replace(/[[\]:*?/\\\u0000-\u001f]/g, '_').replace(/^'+|'+$/g, '');
  s = truncate(s, SHEET_NAME_MAX).replace(/'+$/, '');
  if (s.trim() === '') s = 'Sheet';
  if (s.toLowerCase() === 'history') s = 'History_';
  return s;
}

/** Hands out sanitised names, adding ` (2)`, ` (3)`... (within 31 chars) when a name is taken. */
export class SheetNames {
  private readonly taken = new Set<string>();

  next(wanted: string): string {
    const base = sanitizeSheetName(wanted);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = truncate(base, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

// Excel counts UTF-16 units; cut between code points so an emoji is never split
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const point of s) {
    if (out.length + point.length > max) break;
    out += point;
  }
  return out;
}
