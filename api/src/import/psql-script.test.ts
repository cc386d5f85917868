// psql's part of a script (meta-commands, COPY data) is left out; what is left parses, and places
// the parser reports still point into the file as given.
import { describe, expect, it } from 'vitest';
import { ImportError, importSql } from './index.js';
import { withoutPsqlCommands } from './psql-script.js';

const dump = `--
-- PostgreSQL database dump
--

\\restrict qBgWRcCthIcSupg8v1zcBPwPOdV8Ehm9h1VgCR1psogFh8a7gommapvHaRylYdX

SET statement_timeout = 0;
\\connect shop
CREATE TABLE public.notes (
    id integer NOT NULL,
    body text DEFAULT 'not a command:
\\restrict stays inside a string' NOT NULL
);
CREATE FUNCTION public.f() RETURNS text LANGUAGE sql AS $fn$
\\echo inside a function body
SELECT 'x'
$fn$;
COPY public.notes (id, body) FROM stdin;
1\tfirst
2\twith \\t tab
\\.
  \\set ON_ERROR_STOP on
CREATE TABLE public.tags (id integer PRIMARY KEY, note_id integer REFERENCES public.notes (id));

\\unrestrict qBgWRcCthIcSupg8v1zcBPwPOdV8Ehm9h1VgCR1psogFh8a7gommapvHaRylYdX
`;

describe('withoutPsqlCommands', () => {
  it('blanks meta-command lines and COPY data, keeps strings and bodies, and keeps every offset', () => {
    const { sql, skipped } = withoutPsqlCommands(dump);
    expect(sql).toHaveLength(dump.length);
    // same lines, same line breaks
    expect(sql.split('\n').length).toBe(dump.split('\n').length);
    for (let i = 0; i < dump.length; i++) if (dump[i] === '\n') expect(sql[i]).toBe('\n');
    expect(skipped.map((s) => s.text)).toEqual(['\\restrict', '\\connect', 'COPY data', '\\set', '\\unrestrict']);
    expect(skipped.map((s) => s.line)).toEqual([5, 8, 19, 22, 25]);
    expect(sql).not.toMatch(/\\restrict q|\\connect|\\set|first|\\\.$/m);
    expect(sql).toContain("'not a command:\n\\restrict stays inside a string'");
    expect(sql).toContain('\\echo inside a function body');
    expect(sql).toContain('COPY public.notes (id, body) FROM stdin;');
  });

  it('gives back a plain script unchanged', () => {
    const plain = "create table a (id int);\n-- \\not a command in a comment\n/* \\nor\n\\here */ create table b (t text default E'\\\\x');\n";
    expect(withoutPsqlCommands(plain)).toEqual({ sql: plain, skipped: [] });
  });
});

describe('import-sql of a pg_dump script', () => {
  it('imports it with notes for what psql alone reads, and reports errors at the line in the file', () => {
    const { definition, notes } = importSql(dump, { rows: 10 });
    expect(definition.tables.map((t) => t.name)).toEqual(['notes', 'tags']);
    expect(notes).toContainEqual({ line: 5, column: 1, message: "skipped psql meta-command \\restrict (psql's, not SQL)" });
    expect(notes).toContainEqual({ line: 19, column: 1, message: 'skipped COPY data (rows are generated)' });
    try {
      importSql(`${dump}CREATE TABLE broken (id int,,);\n`);
      throw new Error('expected an ImportError');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems[0]).toMatchObject({ line: 26 });
    }
  });
});
