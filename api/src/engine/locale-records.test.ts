import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { allRows, column } from './testing/rows.js';
import { compile, DefinitionError, type Definition } from './index.js';
import { COUNTRIES, RECORD_MAX_LENGTH } from './locale-records.js';

const parts = [
  'country',
  'countryCode',
  'region',
  'regionCode',
  'city',
  'postcode',
  'phone',
  'currency',
  'firstName',
  'lastName',
  'fullName',
  'street',
  'timeZone',
] as const;

const definition = (countries: unknown, extra: Record<string, unknown> = {}, locale?: string): Definition => ({
  version: 1,
  seed: 'records',
  ...(locale ? { locale } : {}),
  tables: [
    {
      name: 'customers',
      rows: 4000,
      fields: [
        { name: 'id', type: 'sequence' },
        ...parts.map((part) => ({ name: part, type: 'record', options: { part, ...(countries ? { countries } : {}), ...(part === 'phone' ? extra : {}) } })),
      ],
    },
  ],
});

/** Digits of a national phone pattern for a country (for the E.164 length). */
const PHONE = (code: string) => new RegExp(`^\\+${COUNTRIES[code].dial}[ \\d-]+$`);

describe('record fields', () => {
  it('the parts of each row agree: country ↔ region ↔ city ↔ postcode ↔ phone prefix ↔ currency', () => {
    const plan = compile(definition(['US', 'GB', { code: 'DE', weight: 2 }, 'JP', 'BR', 'FR']));
    const rows = allRows(plan, 'customers');
    const col = (name: string) => column(plan, rows, 'customers', name) as string[];
    const [countries, codes, regions, regionCodes, cities, postcodes, phones, currencies, first, last, full, streets, zones] = parts.map(col);
    const seen = new Set<string>();
    codes.forEach((code, i) => {
      const country = COUNTRIES[code];
      seen.add(code);
      expect(countries[i]).toBe(country.name);
      expect(currencies[i]).toBe(country.currency);
      const city = country.cities.find((c) => c[0] === cities[i])!;
      expect(city, `${cities[i]} in ${code}`).toBeDefined();
      expect([regions[i], regionCodes[i]]).toEqual([city[1], city[2]]);
      // the postcode fits one of the city's postcode patterns
      const pattern = new RegExp(`^(${city[3].map((p) => p.replaceAll('#', '\\d').replaceAll('?', '[A-Z]')).join('|')})$`);
      expect(postcodes[i]).toMatch(pattern);
      expect(phones[i]).toMatch(PHONE(code));
      if (city[4]) expect(phones[i].startsWith(`+${country.dial} ${city[4]} `)).toBe(true);
      expect(full[i]).toBe(`${first[i]} ${last[i]}`);
      // the zone is a real IANA zone of the country (its region for countries with several)
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zones[i] })).not.toThrow();
      if (code === 'US') expect(zones[i].startsWith('America/')).toBe(true);
      if (cities[i] === 'Los Angeles') expect(zones[i]).toBe('America/Los_Angeles');
      if (code === 'DE') expect(zones[i]).toBe('Europe/Berlin');
      expect(streets[i].length).toBeGreaterThan(3);
      for (const part of [countries, regions, cities, postcodes, phones, full, streets]) expect(part[i].length).toBeLessThanOrEqual(RECORD_MAX_LENGTH);
    });
    expect(seen).toEqual(new Set(['US', 'GB', 'DE', 'JP', 'BR', 'FR']));
    // weights: DE twice as often as each other country (roughly)
    const de = codes.filter((c) => c === 'DE').length;
    expect(de / codes.filter((c) => c === 'US').length).toBeGreaterThan(1.5);
    // chunk-independent and per-part independent: a plan with only the city field gives the same cities
    expect(JSON.stringify([...allRows(plan, 'customers', 1500, 4000), ...allRows(plan, 'customers', 0, 1500)])).toBe(
      JSON.stringify([...rows.slice(1500), ...rows.slice(0, 1500)]),
    );
    const only = compile({
      ...definition(['US', 'GB', { code: 'DE', weight: 2 }, 'JP', 'BR', 'FR']),
      tables: [
        {
          ...definition(null).tables[0],
          fields: [{ name: 'city', type: 'record', options: { part: 'city', countries: ['US', 'GB', { code: 'DE', weight: 2 }, 'JP', 'BR', 'FR'] } }],
        },
      ],
    });
    expect(column(only, allRows(only, 'customers'), 'customers', 'city')).toEqual(cities);
  });

  it('phones fit phoneMaxLength (E.164 when the spaced form is too long), and the locale picks the country', () => {
    const plan = compile(definition(['US', 'GB', 'IN', 'BR'], { phoneMaxLength: 14 }));
    const rows = allRows(plan, 'customers');
    const phones = column(plan, rows, 'customers', 'phone') as string[];
    for (const phone of phones) {
      expect(phone.length).toBeLessThanOrEqual(14);
      expect(phone).toMatch(/^\+\d[\d ]+$/);
    }
    const e164 = compile(definition(['FR'], { phoneFormat: 'e164' }));
    for (const phone of column(e164, allRows(e164, 'customers', 0, 200), 'customers', 'phone')) expect(phone).toMatch(/^\+33[67]\d{8}$/);
    const german = compile(definition(null, {}, 'de'));
    const germanRows = allRows(german, 'customers', 0, 300);
    expect(new Set(column(german, germanRows, 'customers', 'countryCode'))).toEqual(new Set(['DE']));
    expect(new Set(column(german, germanRows, 'customers', 'currency'))).toEqual(new Set(['EUR']));
  });

  it('refuses unknown countries, disagreeing fields and phones that cannot fit, naming the place', () => {
    const issues = (def: Definition) => {
      try {
        compile(def);
      } catch (error) {
        return (error as DefinitionError).issues;
      }
      return [];
    };
    expect(issues(definition(['XX']))[0]).toEqual({ path: 'tables[0].fields[1].options.countries', message: expect.stringContaining('"XX"') });
    expect(issues(definition(null, {}, 'de_AT'))[0]).toEqual({ path: 'tables[0].fields[1].options.countries', message: expect.stringContaining('de_AT') });
    const mixed = definition(['US']);
    (mixed.tables[0].fields[5].options as Record<string, unknown>).countries = ['GB'];
    expect(issues(mixed)).toEqual([{ path: 'tables[0].fields[5].options.countries', message: expect.stringContaining('same countries') }]);
    expect(issues(definition(['BR'], { phoneMaxLength: 12 }))).toEqual([
      { path: 'tables[0].fields[7].options.phoneMaxLength', message: 'phones of BR need up to 14 characters even in E.164' },
    ]);
  });
});

describe('derived text, records, jsonSchema and regex in another process', () => {
  it('give the same bytes in a child process, for a row range starting mid-block', async () => {
    const def: Definition = {
      version: 1,
      seed: 'e3-process',
      locale: 'en_GB',
      tables: [
        {
          name: 'people',
          rows: 3000,
          unique: [['tier', 'code']],
          fields: [
            { name: 'first', type: 'record', options: { part: 'firstName' } },
            { name: 'last', type: 'record', options: { part: 'lastName' } },
            { name: 'city', type: 'record', options: { part: 'city' } },
            { name: 'phone', type: 'record', options: { part: 'phone' } },
            { name: 'email', type: 'email', options: { firstName: 'first', lastName: 'last' }, unique: true },
            { name: 'title', type: 'lorem.sentence' },
            { name: 'slug', type: 'slug', options: { field: 'title' } },
            { name: 'tier', type: 'pick', options: { values: ['a', 'b'] } },
            { name: 'code', type: 'regex', options: { pattern: '[A-Z]{2}[0-9]{1}(x|yz)*' } },
            { name: 'ref_no', type: 'regex', options: { pattern: '(ab)+-[0-9]{3}' } },
            {
              name: 'prefs',
              type: 'jsonSchema',
              options: { schema: { type: 'object', properties: { theme: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } } },
            },
          ],
        },
      ],
    };
    const plan = compile(def);
    const expected = createHash('sha256');
    for (const row of allRows(plan, 'people', 700, 2900)) expected.update(`${JSON.stringify(row)}\n`);
    const here = dirname(fileURLToPath(import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(here, 'testing', 'hash-rows.ts'), JSON.stringify(def), 'people', '700', '2900'],
      {
        cwd: join(here, '..', '..'),
      },
    );
    expect(stdout).toBe(expected.digest('hex'));
  });
});
