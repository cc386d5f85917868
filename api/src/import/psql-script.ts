// What psql reads but the server never sees: a DDL file made by pg_dump or written for psql has
// meta-commands (pg_dump ≥ 17.6 / 16.10 / 15.14 opens every dump with `\restrict <key>` and ends
// it with `\unrestrict`; scripts use \connect, \set, \i) and COPY ... FROM stdin data ended by `\.`.
// They are blanked out — same length, newlines kept — so the SQL parser reads the statements and
// every line and column it reports still points into the file as given.

/** A psql meta-command or data block left out, by the line it starts on. */
export interface PsqlSkip {
  line: number;
  text: string;
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/**
 * The script with psql meta-command lines and COPY FROM stdin data blanked out. Lines are looked
 * at only where a statement may start or continue: never inside a quoted string, a quoted
 * identifier, a dollar-quoted body or a comment.
 */
export function withoutPsqlCommands(sql: string): { sql: string; skipped: PsqlSkip[] } {
  const skipped: PsqlSkip[] = [];
  let out = '';
  let line = 1;
  let i = 0;
  /** Start of the statement being read (to recognise COPY ... FROM stdin). */
  let statementStart = 0;
  let atLineStart = true;
  const n = sql.length;
  const take = (end: number) => {
    const piece = sql.slice(i, end);
    for (let k = 0; k < piece.length; k++) if (piece.charCodeAt(k) === 10) line++;
    out += piece;
    i = end;
  };
  const drop = (end: number, what: string) => {
    const piece = sql.slice(i, end);
    skipped.push({ line, text: what });
    for (let k = 0; k < piece.length; k++) if (piece.charCodeAt(k) === 10) line++;
    out += blank(piece);
    i = end;
  };
  const endOfLine = (from: number) => {
    const e = sql.indexOf('\n', from);
    return e < 0 ? n : e + 1;
  };
  while (i < n) {
    const c = sql[i]!;
    if (atLineStart) {
      // leading blanks of the line
      let j = i;
      while (j < n && (sql[j] === ' ' || sql[j] === '\t' || sql[j] === '\r')) j++;
      if (sql[j] === '\\') {
        take(j);
        const e = endOfLine(i);
        drop(e, sql.slice(i, e).trim().split(/\s+/)[0]!);
        continue;
      }
      atLineStart = false;
    }
    if (c === '\n') {
      take(i + 1);
      atLineStart = true;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      take(endOfLine(i) - (sql.indexOf('\n', i) < 0 ? 0 : 1));
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      // nested block comments, as Postgres reads them
      let depth = 0;
      let j = i;
      while (j < n) {
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          j += 2;
          if (--depth === 0) break;
        } else j++;
      }
      take(j);
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2;
          else break;
        } else if (c === "'" && sql[j] === '\\' && /[eE]/.test(sql[i - 1] ?? '')) j += 2;
        else j++;
      }
      take(Math.min(n, j + 1));
      continue;
    }
    if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
      if (tag && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        take(close < 0 ? n : close + tag[0].length);
        continue;
      }
    }
    if (c === ';') {
      const statement = sql.slice(statementStart, i);
      take(i + 1);
      statementStart = i;
      // COPY ... FROM stdin: its data follows on the next line, up to a line `\.`
      if (/^\s*(?:--[^\n]*\n\s*)*copy\b[\s\S]*\bfrom\s+stdin\b/i.test(statement)) {
        const rest = endOfLine(i);
        take(rest);
        let end = sql.indexOf('\n\\.', rest - 1);
        end = end < 0 ? n : endOfLine(end + 1);
        if (end > i) drop(end, 'COPY data');
        statementStart = i;
        atLineStart = true;
      }
      continue;
    }
    take(i + 1);
  }
  return { sql: out, skipped };
}
