import { describe, expect, it } from 'vitest';
import { generatorText, importedTables, importProblemLines, noteLines, suggestedName } from './import-table';

describe('the import dialog’s table', () => {
  it('groups columns by table in their order and shows a ref by its target', () => {
    const tables = importedTables([
      { table: 'authors', column: 'id', generator: 'string.uuid', reason: 'type uuid' },
      { table: 'authors', column: 'email', generator: 'email', reason: 'pattern email' },
      { table: 'books', column: 'author_id', generator: 'ref', options: { table: 'authors', field: 'id' }, reason: 'foreign key → authors.id' },
    ]);
    expect(tables).toEqual([
      {
        table: 'authors',
        columns: [
          { column: 'id', generator: 'string.uuid', reason: 'type uuid' },
          { column: 'email', generator: 'email', reason: 'pattern email' },
        ],
      },
      { table: 'books', columns: [{ column: 'author_id', generator: 'ref → authors.id', reason: 'foreign key → authors.id' }] },
    ]);
    expect(generatorText({ generator: 'ref', options: null })).toBe('ref');
    expect(generatorText({ generator: 'after', options: { from: 'author_id.created_at', max: 30 } })).toBe('after author_id.created_at');
    expect(generatorText({ generator: 'before', options: { from: ['a', 'b'] } })).toBe('before a / b');
    expect(generatorText({ generator: 'lookup', options: { path: 'product_id.price' } })).toBe('lookup product_id.price');
  });

  it('puts notes in SQL order and parse errors at their line and column, in words', () => {
    expect(
      noteLines([
        { line: 9, column: 1, message: 'COPY data left out' },
        { line: 2, column: 5, message: 'row level security is not generated' },
      ]),
    ).toEqual(['Line 2, column 5: row level security is not generated', 'Line 9, column 1: COPY data left out']);
    expect(
      importProblemLines([
        { path: 'line 3, column 14', message: 'syntax error at or near "tabel"' },
        { path: '', message: 'no CREATE TABLE found' },
      ]),
    ).toEqual(['Line 3, column 14: syntax error at or near "tabel"', 'No CREATE TABLE found']);
  });

  it('names the new schema after the file, else its tables', () => {
    expect(suggestedName('shop.SQL', ['a'])).toBe('shop');
    expect(suggestedName(null, ['authors', 'books'])).toBe('authors and books');
    expect(suggestedName(null, ['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
    expect(suggestedName(null, [])).toBe('Imported schema');
  });
});
