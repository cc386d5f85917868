import { describe, expect, it } from 'vitest';
import { allRows, column } from './testing/rows.js';
import { asciiWords, derivedTextMaxLength, slugify } from './derived-text.js';
import { compile, DefinitionError, type Definition } from './index.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const definition: Definition = {
  version: 1,
  seed: 'derived',
  locale: 'de',
  tables: [
    {
      name: 'authors',
      rows: 300,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'first_name', type: 'person.firstName' },
        { name: 'last_name', type: 'person.lastName' },
        { name: 'email', type: 'email', options: { firstName: 'first_name', lastName: 'last_name', domain: 'firma.de' }, unique: true },
        { name: 'work_email', type: 'email', options: { name: 'full_name', domains: ['a.example', 'b.example'] } },
        { name: 'full_name', type: 'template', options: { template: '{{first_name}} {{last_name}}' } },
      ],
    },
    {
      name: 'posts',
      rows: 5000,
      fields: [
        { name: 'author_id', type: 'ref', options: { table: 'authors', field: 'id' } },
        { name: 'title', type: 'lorem.sentence', options: { min: 2, max: 12 } },
        { name: 'slug', type: 'slug', options: { field: 'title', maxLength: 40 }, unique: true },
        { name: 'plain_slug', type: 'slug', options: { field: 'title' } },
        { name: 'author_slug', type: 'slug', options: { field: 'author_id.last_name' } },
        { name: 'contact', type: 'email', options: { firstName: 'author_id.first_name', lastName: 'author_id.last_name' } },
      ],
    },
  ],
};

describe('slug', () => {
  it('slugify gives a-z0-9 words joined by dashes, accents folded, cut between words', () => {
    expect(slugify('Hello, Wörld — Straße Ærø!')).toBe('hello-world-strasse-aero');
    expect(slugify('  --  ')).toBe('');
    expect(slugify('one two three four', 9)).toBe('one-two');
    expect(slugify('abcdefghijklmnop', 8)).toBe('abcdefgh');
    expect(asciiWords('Łukasz Żółć')).toEqual(['lukasz', 'zolc']);
  });

  it("slugs match the slug pattern, derive from the row's title (or a parent's field) and unique ones never repeat", () => {
    const plan = compile(definition);
    const posts = allRows(plan, 'posts');
    const authors = allRows(plan, 'authors');
    const titles = column(plan, posts, 'posts', 'title') as string[];
    const slugs = column(plan, posts, 'posts', 'slug') as string[];
    const plain = column(plan, posts, 'posts', 'plain_slug') as string[];
    titles.forEach((title, i) => {
      expect(plain[i]).toMatch(SLUG);
      expect(plain[i]).toBe(slugify(title));
      expect(slugs[i]).toMatch(SLUG);
      expect(slugs[i].length).toBeLessThanOrEqual(40);
      expect(slugs[i].startsWith(slugify(title, 32))).toBe(true);
    });
    expect(new Set(slugs).size).toBe(slugs.length);
    // a slug from a parent's field: the author the ref picked
    const authorIds = column(plan, authors, 'authors', 'id');
    const lastNames = column(plan, authors, 'authors', 'last_name') as string[];
    const authorSlugs = column(plan, posts, 'posts', 'author_slug') as string[];
    column(plan, posts, 'posts', 'author_id').forEach((id, i) => expect(authorSlugs[i]).toBe(slugify(lastNames[authorIds.indexOf(id)])));
  });
});

describe('email', () => {
  it("emails derive from the row's names (or its parent's), use the domain, and unique ones never repeat", () => {
    const plan = compile(definition);
    const authors = allRows(plan, 'authors');
    const first = column(plan, authors, 'authors', 'first_name') as string[];
    const last = column(plan, authors, 'authors', 'last_name') as string[];
    const emails = column(plan, authors, 'authors', 'email') as string[];
    const work = column(plan, authors, 'authors', 'work_email') as string[];
    emails.forEach((email, i) => {
      const [local, domain] = email.split('@');
      expect(domain).toBe('firma.de');
      const f = asciiWords(first[i]).join('');
      const l = asciiWords(last[i]).join('');
      // the local part holds the last name and the first name (or its initial)
      expect(local).toContain(l);
      expect(local.includes(f) || local.startsWith(`${f[0]}.`)).toBe(true);
      expect(local).toMatch(/^[a-z0-9._]+$/);
      expect(['a.example', 'b.example']).toContain(work[i].split('@')[1]);
      const workLocal = work[i].split('@')[0];
      expect(workLocal.includes(f) || workLocal.startsWith(`${f[0]}.`)).toBe(true);
    });
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e.length).toBeLessThanOrEqual(derivedTextMaxLength('email', { domain: 'firma.de' }));
    const posts = allRows(plan, 'posts', 0, 500);
    const ids = column(plan, authors, 'authors', 'id');
    const contacts = column(plan, posts, 'posts', 'contact') as string[];
    column(plan, posts, 'posts', 'author_id').forEach((id, i) => expect(contacts[i]).toContain(asciiWords(last[ids.indexOf(id)]).join('')));
    // chunk-independent
    expect(JSON.stringify([...allRows(plan, 'posts', 0, 2047), ...allRows(plan, 'posts', 2047, 5000)])).toBe(JSON.stringify(allRows(plan, 'posts')));
  });

  it('with no name fields, makes a person-like lowercase address from names of the locale, unique and chunk-independent', () => {
    const plan = compile({
      version: 1,
      seed: 'own-names',
      tables: [{ name: 'users', rows: 3000, fields: [{ name: 'email', type: 'email', options: {}, unique: true }] }],
    });
    const emails = column(plan, allRows(plan, 'users'), 'users', 'email') as string[];
    for (const e of emails) expect(e).toMatch(/^[a-z0-9._]+@example\.(com|net|org)$/);
    expect(new Set(emails).size).toBe(emails.length);
    // names, not one placeholder: many distinct local parts before the row suffix
    expect(new Set(emails.map((e) => e.split('@')[0]!.replace(/\.[0-9a-z]+$/, ''))).size).toBeGreaterThan(1000);
    expect(JSON.stringify([...allRows(plan, 'users', 0, 1500), ...allRows(plan, 'users', 1500, 3000)])).toBe(JSON.stringify(allRows(plan, 'users')));
  });

  it('refuses unknown sources, naming the place', () => {
    const bad = structuredClone(definition);
    bad.tables[0].fields[3].options = { firstName: 'ghost', lastName: 'last_name' };
    bad.tables[1].fields[2].options = { field: 'slug' };
    try {
      compile(bad);
      expect.unreachable();
    } catch (error) {
      expect((error as DefinitionError).issues).toEqual(
        expect.arrayContaining([
          { path: 'tables[0].fields[3].options.firstName', message: expect.stringContaining('ghost') },
          { path: 'tables[1].fields[2].options.field', message: 'a slug cannot read its own field' },
        ]),
      );
    }
  });
});
