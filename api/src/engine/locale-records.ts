// `record` fields: several fields of a row read parts of ONE coherent person/address record —
// country, region, city, postcode, phone (with the country's prefix), currency, names in the
// country's locale. The record of row i is a pure function of (seed, table, record name, i), so
// each field recomputes just its part and no field needs another's column.
import { allLocales, Faker, type LocaleDefinition } from '@faker-js/faker';
import { z } from 'zod';
import type { BuiltField } from './fields.js';
import { type Key, Rng, subKey, unit53At } from './random.js';
import type { ColumnKind } from './shape.js';

/** A city: name, region, region code, postcode patterns (# digit, ? letter), phone area code. */
type City = [name: string, region: string, regionCode: string, postcodes: string[], area?: string];

interface Country {
  name: string;
  /** faker locale of names and streets. */
  locale: string;
  currency: string;
  /** International dialling prefix without '+'. */
  dial: string;
  /** National number patterns after the prefix: # digit, ! digit 2-9, @ the city's area code. */
  phone: string[];
  cities: City[];
}

// Real cities with their regions, postcode areas and area codes, so the parts of a record agree.
export const COUNTRIES: Record<string, Country> = {
  US: {
    name: 'United States',
    locale: 'en_US',
    currency: 'USD',
    dial: '1',
    phone: ['@ !## ####'],
    cities: [
      ['New York', 'New York', 'NY', ['100##'], '212'],
      ['Los Angeles', 'California', 'CA', ['900##'], '213'],
      ['Chicago', 'Illinois', 'IL', ['606##'], '312'],
      ['Houston', 'Texas', 'TX', ['770##'], '713'],
      ['Phoenix', 'Arizona', 'AZ', ['850##'], '602'],
      ['Philadelphia', 'Pennsylvania', 'PA', ['191##'], '215'],
      ['San Antonio', 'Texas', 'TX', ['782##'], '210'],
      ['San Diego', 'California', 'CA', ['921##'], '619'],
      ['Dallas', 'Texas', 'TX', ['752##'], '214'],
      ['San Francisco', 'California', 'CA', ['941##'], '415'],
      ['Seattle', 'Washington', 'WA', ['981##'], '206'],
      ['Denver', 'Colorado', 'CO', ['802##'], '303'],
      ['Boston', 'Massachusetts', 'MA', ['021##'], '617'],
      ['Atlanta', 'Georgia', 'GA', ['303##'], '404'],
      ['Miami', 'Florida', 'FL', ['331##'], '305'],
      ['Portland', 'Oregon', 'OR', ['972##'], '503'],
      ['Minneapolis', 'Minnesota', 'MN', ['554##'], '612'],
      ['Austin', 'Texas', 'TX', ['787##'], '512'],
      ['Nashville', 'Tennessee', 'TN', ['372##'], '615'],
      ['Columbus', 'Ohio', 'OH', ['432##'], '614'],
    ],
  },
  CA: {
    name: 'Canada',
    locale: 'en_CA',
    currency: 'CAD',
    dial: '1',
    phone: ['@ !## ####'],
    cities: [
      ['Toronto', 'Ontario', 'ON', ['M5V #?#', 'M4C #?#'], '416'],
      ['Vancouver', 'British Columbia', 'BC', ['V6B #?#'], '604'],
      ['Montréal', 'Quebec', 'QC', ['H2X #?#'], '514'],
      ['Calgary', 'Alberta', 'AB', ['T2P #?#'], '403'],
      ['Ottawa', 'Ontario', 'ON', ['K1P #?#'], '613'],
      ['Edmonton', 'Alberta', 'AB', ['T5J #?#'], '780'],
    ],
  },
  GB: {
    name: 'United Kingdom',
    locale: 'en_GB',
    currency: 'GBP',
    dial: '44',
    phone: ['7### ######'],
    cities: [
      ['London', 'England', 'ENG', ['EC1A #??', 'SW1A #??', 'W1D #??', 'E1 #??', 'N1 #??']],
      ['Manchester', 'England', 'ENG', ['M1 #??', 'M4 #??']],
      ['Birmingham', 'England', 'ENG', ['B1 #??', 'B5 #??']],
      ['Leeds', 'England', 'ENG', ['LS1 #??']],
      ['Bristol', 'England', 'ENG', ['BS1 #??']],
      ['Liverpool', 'England', 'ENG', ['L1 #??']],
      ['Glasgow', 'Scotland', 'SCT', ['G1 #??']],
      ['Edinburgh', 'Scotland', 'SCT', ['EH1 #??']],
      ['Cardiff', 'Wales', 'WLS', ['CF10 #??']],
    ],
  },
  DE: {
    name: 'Deutschland',
    locale: 'de',
    currency: 'EUR',
    dial: '49',
    phone: ['15# #######', '16# #######', '17# #######'],
    cities: [
      ['Berlin', 'Berlin', 'BE', ['10###']],
      ['Hamburg', 'Hamburg', 'HH', ['20###']],
      ['München', 'Bayern', 'BY', ['80###']],
      ['Köln', 'Nordrhein-Westfalen', 'NW', ['50###']],
      ['Frankfurt am Main', 'Hessen', 'HE', ['60###']],
      ['Stuttgart', 'Baden-Württemberg', 'BW', ['70###']],
      ['Düsseldorf', 'Nordrhein-Westfalen', 'NW', ['40###']],
      ['Leipzig', 'Sachsen', 'SN', ['04###']],
      ['Dresden', 'Sachsen', 'SN', ['01###']],
    ],
  },
  FR: {
    name: 'France',
    locale: 'fr',
    currency: 'EUR',
    dial: '33',
    phone: ['6 ## ## ## ##', '7 ## ## ## ##'],
    cities: [
      ['Paris', 'Île-de-France', 'IDF', ['7500#', '7501#']],
      ['Lyon', 'Auvergne-Rhône-Alpes', 'ARA', ['6900#']],
      ['Marseille', "Provence-Alpes-Côte d'Azur", 'PAC', ['130##']],
      ['Toulouse', 'Occitanie', 'OCC', ['310##']],
      ['Nice', "Provence-Alpes-Côte d'Azur", 'PAC', ['060##']],
      ['Nantes', 'Pays de la Loire', 'PDL', ['440##']],
      ['Bordeaux', 'Nouvelle-Aquitaine', 'NAQ', ['330##']],
      ['Lille', 'Hauts-de-France', 'HDF', ['590##']],
      ['Strasbourg', 'Grand Est', 'GES', ['670##']],
    ],
  },
  ES: {
    name: 'España',
    locale: 'es',
    currency: 'EUR',
    dial: '34',
    phone: ['6## ### ###'],
    cities: [
      ['Madrid', 'Comunidad de Madrid', 'MD', ['280##']],
      ['Barcelona', 'Cataluña', 'CT', ['080##']],
      ['Valencia', 'Comunidad Valenciana', 'VC', ['460##']],
      ['Sevilla', 'Andalucía', 'AN', ['410##']],
      ['Bilbao', 'País Vasco', 'PV', ['480##']],
      ['Málaga', 'Andalucía', 'AN', ['290##']],
    ],
  },
  IT: {
    name: 'Italia',
    locale: 'it',
    currency: 'EUR',
    dial: '39',
    phone: ['3## ### ####'],
    cities: [
      ['Roma', 'Lazio', 'RM', ['001##']],
      ['Milano', 'Lombardia', 'MI', ['201##']],
      ['Napoli', 'Campania', 'NA', ['801##']],
      ['Torino', 'Piemonte', 'TO', ['101##']],
      ['Firenze', 'Toscana', 'FI', ['501##']],
      ['Bologna', 'Emilia-Romagna', 'BO', ['401##']],
    ],
  },
  NL: {
    name: 'Nederland',
    locale: 'nl',
    currency: 'EUR',
    dial: '31',
    phone: ['6 ########'],
    cities: [
      ['Amsterdam', 'Noord-Holland', 'NH', ['10## ??']],
      ['Rotterdam', 'Zuid-Holland', 'ZH', ['30## ??']],
      ['Den Haag', 'Zuid-Holland', 'ZH', ['25## ??']],
      ['Utrecht', 'Utrecht', 'UT', ['35## ??']],
      ['Eindhoven', 'Noord-Brabant', 'NB', ['56## ??']],
    ],
  },
  AU: {
    name: 'Australia',
    locale: 'en_AU',
    currency: 'AUD',
    dial: '61',
    phone: ['4## ### ###'],
    cities: [
      ['Sydney', 'New South Wales', 'NSW', ['20##']],
      ['Melbourne', 'Victoria', 'VIC', ['30##']],
      ['Brisbane', 'Queensland', 'QLD', ['40##']],
      ['Perth', 'Western Australia', 'WA', ['60##']],
      ['Adelaide', 'South Australia', 'SA', ['50##']],
      ['Canberra', 'Australian Capital Territory', 'ACT', ['26##']],
    ],
  },
  JP: {
    name: 'Japan',
    locale: 'ja',
    currency: 'JPY',
    dial: '81',
    phone: ['90 #### ####', '80 #### ####'],
    cities: [
      ['Tokyo', 'Tokyo', '13', ['1##-####']],
      ['Osaka', 'Osaka', '27', ['53#-####']],
      ['Yokohama', 'Kanagawa', '14', ['22#-####']],
      ['Nagoya', 'Aichi', '23', ['45#-####']],
      ['Sapporo', 'Hokkaido', '01', ['06#-####']],
      ['Fukuoka', 'Fukuoka', '40', ['81#-####']],
    ],
  },
  BR: {
    name: 'Brasil',
    locale: 'pt_BR',
    currency: 'BRL',
    dial: '55',
    phone: ['@ 9####-####'],
    cities: [
      ['São Paulo', 'São Paulo', 'SP', ['01###-###'], '11'],
      ['Rio de Janeiro', 'Rio de Janeiro', 'RJ', ['20###-###'], '21'],
      ['Belo Horizonte', 'Minas Gerais', 'MG', ['30###-###'], '31'],
      ['Brasília', 'Distrito Federal', 'DF', ['70###-###'], '61'],
      ['Salvador', 'Bahia', 'BA', ['40###-###'], '71'],
    ],
  },
  IN: {
    name: 'India',
    locale: 'en_IN',
    currency: 'INR',
    dial: '91',
    phone: ['9#### #####'],
    cities: [
      ['Mumbai', 'Maharashtra', 'MH', ['400###']],
      ['Delhi', 'Delhi', 'DL', ['110###']],
      ['Bengaluru', 'Karnataka', 'KA', ['560###']],
      ['Chennai', 'Tamil Nadu', 'TN', ['600###']],
      ['Kolkata', 'West Bengal', 'WB', ['700###']],
      ['Hyderabad', 'Telangana', 'TG', ['500###']],
    ],
  },
};

/** IANA zone of a country, and of the cities of countries that span several zones. */
const ZONES: Record<string, string> = {
  US: 'America/New_York',
  CA: 'America/Toronto',
  GB: 'Europe/London',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  NL: 'Europe/Amsterdam',
  AU: 'Australia/Sydney',
  JP: 'Asia/Tokyo',
  BR: 'America/Sao_Paulo',
  IN: 'Asia/Kolkata',
  'US/Los Angeles': 'America/Los_Angeles',
  'US/San Diego': 'America/Los_Angeles',
  'US/San Francisco': 'America/Los_Angeles',
  'US/Seattle': 'America/Los_Angeles',
  'US/Portland': 'America/Los_Angeles',
  'US/Chicago': 'America/Chicago',
  'US/Houston': 'America/Chicago',
  'US/San Antonio': 'America/Chicago',
  'US/Dallas': 'America/Chicago',
  'US/Minneapolis': 'America/Chicago',
  'US/Austin': 'America/Chicago',
  'US/Nashville': 'America/Chicago',
  'US/Phoenix': 'America/Phoenix',
  'US/Denver': 'America/Denver',
  'CA/Vancouver': 'America/Vancouver',
  'CA/Calgary': 'America/Edmonton',
  'CA/Edmonton': 'America/Edmonton',
  'AU/Melbourne': 'Australia/Melbourne',
  'AU/Brisbane': 'Australia/Brisbane',
  'AU/Perth': 'Australia/Perth',
  'AU/Adelaide': 'Australia/Adelaide',
  'BR/Salvador': 'America/Bahia',
};

const LANGUAGE_COUNTRY: Record<string, string> = { en: 'US', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', ja: 'JP', pt: 'BR' };

export const RECORD_PARTS = [
  'country',
  'countryCode',
  'region',
  'regionCode',
  'city',
  'postcode',
  'street',
  'phone',
  'currency',
  'locale',
  'firstName',
  'lastName',
  'fullName',
  'timeZone',
] as const;
export type RecordPart = (typeof RECORD_PARTS)[number];

export const recordOptions = z.strictObject({
  part: z.enum(RECORD_PARTS).describe("which part of the row's record this field holds"),
  record: z.string().min(1).max(63).optional().describe('record name: fields naming the same record agree (default "address")'),
  countries: z
    .array(z.union([z.string(), z.strictObject({ code: z.string(), weight: z.number().positive() })]))
    .min(1)
    .max(50)
    .optional()
    .describe(`ISO codes to draw each row's country from (optionally weighted); default: the definition's locale. Known: ${Object.keys(COUNTRIES).join(', ')}`),
  phoneFormat: z.enum(['international', 'e164']).optional().describe('international: "+44 7911 123456" (default); e164: "+447911123456"'),
  phoneMaxLength: z.number().int().min(8).max(64).optional().describe('longest phone text; longer international numbers are written in E.164'),
});

export const recordInfo = {
  group: 'builtin',
  description: 'One part (city, region, postcode, country, phone, currency, names...) of a per-row person/address record whose parts agree',
  kind: 'text' as ColumnKind,
  example: 'Manchester',
  exampleOptions: { part: 'city', countries: ['GB', 'DE'] },
};

type RecordOptions = z.infer<typeof recordOptions>;

/** The countries of a record field's rows (codes and weights), or an error message. */
export function recordCountries(options: Record<string, unknown>, locale: string): { codes: string[]; weights: number[] } | string {
  const list = (options as RecordOptions).countries;
  if (!list) {
    const meta = (allLocales as Record<string, LocaleDefinition>)[locale]?.metadata?.country;
    const code = meta ?? LANGUAGE_COUNTRY[locale.split('_')[0]];
    if (!code || !COUNTRIES[code])
      return `no record data for the definition's locale "${locale}"${code ? ` (country ${code})` : ''}; set options.countries to some of ${Object.keys(COUNTRIES).join(', ')}`;
    return { codes: [code], weights: [1] };
  }
  const codes = list.map((c) => (typeof c === 'string' ? c : c.code).toUpperCase());
  const unknown = codes.find((c) => !COUNTRIES[c]);
  if (unknown) return `no record data for country "${unknown}" (known: ${Object.keys(COUNTRIES).join(', ')})`;
  return { codes, weights: list.map((c) => (typeof c === 'string' ? 1 : c.weight)) };
}

/** Longest phone text the record can produce in E.164 (+ and digits). */
function e164Length(country: Country): number {
  return Math.max(...country.phone.map((p) => 1 + country.dial.length + p.replaceAll('@', '###').replace(/[^#!]/g, '').length));
}

/**
 * Validation of a table's record fields: countries known, fields of one record agreeing on
 * their countries, and phones that fit phoneMaxLength.
 */
export function checkRecordFields(
  fields: { name: string; type: string; options?: Record<string, unknown> }[],
  at: (f: number) => string,
  locale: string,
  add: (path: string, message: string) => void,
): void {
  const byRecord = new Map<string, { f: number; countries: string }>();
  fields.forEach((field, f) => {
    if (field.type !== 'record') return;
    const options = (field.options ?? {}) as RecordOptions;
    const countries = recordCountries(options, locale);
    if (typeof countries === 'string') return add(`${at(f)}.options.countries`, countries);
    const name = options.record ?? 'address';
    const key = JSON.stringify(options.countries ?? null);
    const first = byRecord.get(name);
    if (!first) byRecord.set(name, { f, countries: key });
    else if (first.countries !== key)
      add(`${at(f)}.options.countries`, `fields of record "${name}" must list the same countries (${fields[first.f].name} lists ${first.countries})`);
    if (options.part === 'phone' && options.phoneMaxLength !== undefined) {
      const longest = Math.max(...countries.codes.map((c) => e164Length(COUNTRIES[c])));
      if (longest > options.phoneMaxLength)
        add(`${at(f)}.options.phoneMaxLength`, `phones of ${countries.codes.join(', ')} need up to ${longest} characters even in E.164`);
    }
  });
}

const LETTERS = 'ABCDEFGHJLNPQRSTUWXYZ';

/** Fills # (digit), ! (digit 2-9), ? (letter) and @ (area code) from a [0,1) source. */
function fill(pattern: string, next: () => number, area = ''): string {
  let out = '';
  for (const c of pattern) {
    if (c === '#') out += Math.floor(next() * 10);
    else if (c === '!') out += 2 + Math.floor(next() * 8);
    else if (c === '?') out += LETTERS[Math.floor(next() * LETTERS.length)];
    else if (c === '@') out += area;
    else out += c;
  }
  return out;
}

const fakers = new Map<string, { faker: Faker; rng: Rng }>();
function localeFaker(locale: string): { faker: Faker; rng: Rng } {
  let entry = fakers.get(locale);
  if (!entry) {
    const rng = new Rng();
    const all = allLocales as Record<string, LocaleDefinition>;
    const chain = [...new Set([all[locale], all.en, all.base])].filter(Boolean);
    entry = { faker: new Faker({ locale: chain, randomizer: rng }), rng };
    fakers.set(locale, entry);
  }
  return entry;
}

/** Row i's record, part by part; each part draws from its own key so parts compute independently. */
export class RecordSource {
  private readonly cumulative: number[];
  private readonly total: number;
  private readonly countryKey: Key;
  private readonly cityKey: Key;

  constructor(
    private readonly key: Key,
    private readonly codes: string[],
    weights: number[],
  ) {
    let sum = 0;
    this.cumulative = weights.map((w) => (sum += w));
    this.total = sum;
    this.countryKey = subKey(key, 1);
    this.cityKey = subKey(key, 2);
  }

  countryCode(i: number): string {
    const u = unit53At(this.countryKey, i) * this.total;
    let c = 0;
    while (c < this.cumulative.length - 1 && this.cumulative[c] <= u) c++;
    return this.codes[c];
  }

  city(i: number): City {
    const cities = COUNTRIES[this.countryCode(i)].cities;
    return cities[Math.floor(unit53At(this.cityKey, i) * cities.length)];
  }

  part(part: RecordPart, options: RecordOptions): (i: number) => string {
    const rng = new Rng();
    const partKey = subKey(this.key, 16 + RECORD_PARTS.indexOf(part));
    const draw = (i: number) => {
      rng.reseed(partKey, i);
      return rng.next;
    };
    switch (part) {
      case 'country':
        return (i) => COUNTRIES[this.countryCode(i)].name;
      case 'countryCode':
        return (i) => this.countryCode(i);
      case 'region':
        return (i) => this.city(i)[1];
      case 'regionCode':
        return (i) => this.city(i)[2];
      case 'city':
        return (i) => this.city(i)[0];
      case 'currency':
        return (i) => COUNTRIES[this.countryCode(i)].currency;
      case 'locale':
        return (i) => COUNTRIES[this.countryCode(i)].locale;
      case 'timeZone':
        return (i) => {
          const code = this.countryCode(i);
          return ZONES[`${code}/${this.city(i)[0]}`] ?? ZONES[code];
        };
      case 'postcode':
        return (i) => {
          const postcodes = this.city(i)[3];
          const next = draw(i);
          return fill(postcodes[Math.floor(next() * postcodes.length)], next);
        };
      case 'phone': {
        const max = options.phoneMaxLength ?? Infinity;
        const e164 = options.phoneFormat === 'e164';
        return (i) => {
          const country = COUNTRIES[this.countryCode(i)];
          const next = draw(i);
          const national = fill(country.phone[Math.floor(next() * country.phone.length)], next, this.city(i)[4] ?? '');
          const pretty = `+${country.dial} ${national}`;
          return e164 || pretty.length > max ? pretty.replace(/[^+\d]/g, '') : pretty;
        };
      }
      default: {
        // names and streets come from the country's faker locale on a PRNG of this part and row
        const nameKey = subKey(this.key, 48 + (part === 'street' ? 0 : 1));
        return (i) => {
          const { faker, rng: localeRng } = localeFaker(COUNTRIES[this.countryCode(i)].locale);
          localeRng.reseed(nameKey, i);
          // first and last name share one draw so fullName agrees with them
          const first = faker.person.firstName();
          const last = faker.person.lastName();
          if (part === 'firstName') return first;
          if (part === 'lastName') return last;
          if (part === 'fullName') return `${first} ${last}`;
          return faker.location.streetAddress();
        };
      }
    }
  }
}

/** Longest text of any record part (street addresses and names of any locale fit). */
export const RECORD_MAX_LENGTH = 160;

export function buildRecordField(options: Record<string, unknown>, key: Key, locale: string): BuiltField {
  const countries = recordCountries(options, locale);
  if (typeof countries === 'string') throw new Error(countries);
  const source = new RecordSource(key, countries.codes, countries.weights);
  const part = source.part((options as RecordOptions).part, options as RecordOptions);
  return { value: (i) => part(i), rowFunction: true, deps: [] };
}
