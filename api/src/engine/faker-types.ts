// The faker-backed field types: ids are faker's own method paths, options are faker's own
// options objects (validated here, then passed through unchanged).
import type { z } from 'zod';
import type { ColumnKind, Value } from './shape.js';
import * as o from './options.js';

export interface FakerType {
  id: string;
  kind: ColumnKind;
  elementKind?: ColumnKind;
  description: string;
  options: z.ZodType;
  /** Arguments for the faker method from the validated options (default: `[options]`, or none when empty). */
  args?: (options: Record<string, unknown>) => unknown[];
  /** Normalises faker's result into the declared kind (e.g. faker returns amounts as strings). */
  map?: (value: unknown) => Value;
  /** How `unique: true` is achieved: a row-index suffix, or the suffix inside an email's local part. */
  unique?: 'suffix' | 'email';
  /** Options for the catalog example, when the type has required options. */
  exampleOptions?: Record<string, unknown>;
}

const toNumber = (v: unknown): Value => Number(v);
const toDay = (v: unknown): Value => {
  const d = v as Date;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};
const sexArg = (opts: Record<string, unknown>) => (opts.sex === undefined ? [] : [opts.sex]);
const rangeArg = (opts: Record<string, unknown>) => (opts.min === undefined ? [] : [{ min: opts.min, max: opts.max }]);

type Row = [id: string, kind: ColumnKind, description: string, options?: z.ZodType, extra?: Partial<FakerType>];

const text = (id: string, description: string, options?: z.ZodType, extra?: Partial<FakerType>): Row => [id, 'text', description, options, extra];
const when = (id: string, description: string, options: z.ZodType): Row => [id, 'timestamp', description, options];

const rows: Row[] = [
  // person
  text('person.firstName', 'Given name, optionally by sex', o.sex, { args: sexArg, unique: 'suffix' }),
  text('person.lastName', 'Family name', o.sex, { args: sexArg, unique: 'suffix' }),
  text('person.middleName', 'Middle name', o.sex, { args: sexArg }),
  text('person.fullName', 'First and last name, sometimes with prefix/suffix', o.personName, { unique: 'suffix' }),
  text('person.gender', 'Gender identity, e.g. "Trans*Man"'),
  text('person.sex', 'Sex: female or male'),
  text('person.sexType', 'Sex type: female, male or generic'),
  text('person.bio', 'Short social-media style bio'),
  text('person.prefix', 'Name prefix, e.g. "Dr."', o.sex, { args: sexArg }),
  text('person.suffix', 'Name suffix, e.g. "Jr."'),
  text('person.jobTitle', 'Job title, e.g. "Senior Data Analyst"'),
  text('person.jobDescriptor', 'Job descriptor, e.g. "Senior"'),
  text('person.jobArea', 'Job area, e.g. "Marketing"'),
  text('person.jobType', 'Job type, e.g. "Engineer"'),
  text('person.zodiacSign', 'Zodiac sign'),
  // internet
  text('internet.email', 'Email address (unique: a row suffix in the local part)', o.emailOptions, { unique: 'email' }),
  text('internet.exampleEmail', 'Email at an example.* domain', o.emailOptions, { unique: 'email' }),
  text('internet.username', 'Username from a person name', o.personName, { unique: 'suffix' }),
  text('internet.displayName', 'Display name', o.personName, { unique: 'suffix' }),
  text('internet.protocol', 'http or https'),
  text('internet.httpMethod', 'HTTP method'),
  ['internet.httpStatusCode', 'integer', 'HTTP status code', o.none],
  text('internet.url', 'Web URL (http or https)', o.none, { unique: 'suffix' }),
  text('internet.domainName', 'Domain name', o.none, { unique: 'suffix' }),
  text('internet.domainSuffix', 'Top-level domain, e.g. "com"'),
  text('internet.domainWord', 'One domain label'),
  text('internet.ip', 'IPv4 or IPv6 address'),
  text('internet.ipv4', 'IPv4 address'),
  text('internet.ipv6', 'IPv6 address'),
  ['internet.port', 'integer', 'Port number 0..65535', o.none],
  text('internet.userAgent', 'Browser user-agent string'),
  text('internet.mac', 'MAC address', o.none),
  text('internet.password', 'Password', o.strictObject({ length: o.length.shape.length, memorable: o.optBool, prefix: o.prefixedNumber.shape.prefix })),
  text('internet.emoji', 'An emoji'),
  text('internet.jwtAlgorithm', 'JWT algorithm name'),
  text('internet.jwt', 'A (fake, unsigned-looking) JSON Web Token', o.refDateOnly),
  // location
  text('location.zipCode', 'Postal code in the locale format', o.none),
  text('location.city', 'City name'),
  text('location.buildingNumber', 'Building number'),
  text('location.street', 'Street name'),
  text('location.streetAddress', 'Street address', o.strictObject({ useFullAddress: o.optBool })),
  text('location.secondaryAddress', 'Apartment / suite'),
  text('location.county', 'County'),
  text('location.country', 'Country name'),
  text('location.continent', 'Continent'),
  text('location.countryCode', 'ISO 3166 country code', o.strictObject({ variant: o.enumOf(['alpha-2', 'alpha-3', 'numeric']).optional() })),
  text('location.state', 'State or province', o.abbreviated),
  text('location.direction', 'Compass direction', o.abbreviated),
  text('location.cardinalDirection', 'Cardinal direction', o.abbreviated),
  text('location.ordinalDirection', 'Ordinal direction', o.abbreviated),
  text('location.timeZone', 'IANA time zone'),
  ['location.language', 'json', 'Language { name, alpha2, alpha3 }', o.none],
  ['location.latitude', 'number', 'Latitude', o.latLong],
  ['location.longitude', 'number', 'Longitude', o.latLong],
  ['location.nearbyGPSCoordinate', 'array', 'Coordinate [lat, long] near an origin', o.strictObject({ origin: o.tuple2.optional(), radius: o.positive.optional(), isMetric: o.optBool }), { elementKind: 'number' }],
  // lorem / word
  text('lorem.word', 'Lorem ipsum word', o.wordOptions),
  text('lorem.words', 'Lorem ipsum words (count range)', o.countRange, { args: rangeArg }),
  text('lorem.sentence', 'Lorem ipsum sentence (word count range)', o.countRange, { args: rangeArg }),
  text('lorem.sentences', 'Lorem ipsum sentences (count range)', o.countRange, { args: rangeArg }),
  text('lorem.slug', 'Lorem ipsum slug (word count range)', o.countRange, { args: rangeArg, unique: 'suffix' }),
  text('lorem.paragraph', 'Lorem ipsum paragraph (sentence count range)', o.countRange, { args: rangeArg }),
  text('lorem.paragraphs', 'Lorem ipsum paragraphs (count range)', o.countRange, { args: rangeArg }),
  text('lorem.text', 'Lorem ipsum text of random length'),
  text('lorem.lines', 'Lorem ipsum lines (count range)', o.countRange, { args: rangeArg }),
  text('word.adjective', 'English adjective', o.wordOptions),
  text('word.adverb', 'English adverb', o.wordOptions),
  text('word.conjunction', 'English conjunction', o.wordOptions),
  text('word.interjection', 'English interjection', o.wordOptions),
  text('word.noun', 'English noun', o.wordOptions, { unique: 'suffix' }),
  text('word.preposition', 'English preposition', o.wordOptions),
  text('word.verb', 'English verb', o.wordOptions),
  text('word.sample', 'Any English word', o.wordOptions, { unique: 'suffix' }),
  text('word.words', 'Several English words (count range)', o.countRange, { args: (opts) => (opts.min === undefined ? [] : [{ count: { min: opts.min, max: opts.max } }]) }),
  // date
  when('date.anytime', 'Any date-time around the reference date', o.anytime),
  when('date.past', 'Date-time within `years` before the reference date', o.yearsBack),
  when('date.future', 'Date-time within `years` after the reference date', o.yearsBack),
  ['date.between', 'timestamp', 'Date-time between `from` and `to`', o.between, { exampleOptions: { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } }],
  when('date.recent', 'Date-time within `days` before the reference date', o.daysBack),
  when('date.soon', 'Date-time within `days` after the reference date', o.daysBack),
  ['date.birthdate', 'date', 'Birth date (age or year range)', o.birthdate, { map: toDay }],
  text('date.month', 'Month name', o.strictObject({ abbreviated: o.optBool, context: o.optBool })),
  text('date.weekday', 'Weekday name', o.strictObject({ abbreviated: o.optBool, context: o.optBool })),
  text('date.timeZone', 'IANA time zone'),
  // number / string / datatype
  ['number.int', 'integer', 'Integer in [min, max] (unique: a keyed permutation of the range)', o.intRange],
  ['number.float', 'number', 'Float in [min, max)', o.floatRange],
  text('number.binary', 'Binary digits of an integer in [min, max]', o.intRange),
  text('number.octal', 'Octal digits of an integer in [min, max]', o.intRange),
  text('number.hex', 'Hex digits of an integer in [min, max]', o.intRange),
  text('number.romanNumeral', 'Roman numeral in [min, max] (1..3999)', o.ordered(o.strictObject({ min: o.intIn(1, 3999).optional(), max: o.intIn(1, 3999).optional() }))),
  text('string.alpha', 'Letters', o.charString, { unique: 'suffix' }),
  text('string.alphanumeric', 'Letters and digits', o.charString, { unique: 'suffix' }),
  text('string.binary', 'Binary string with prefix', o.prefixedNumber),
  text('string.octal', 'Octal string with prefix', o.prefixedNumber),
  text('string.hexadecimal', 'Hexadecimal string', o.strictObject({ length: o.length.shape.length, casing: o.charString.shape.casing, prefix: o.prefixedNumber.shape.prefix }), { unique: 'suffix' }),
  text('string.numeric', 'Digits', o.strictObject({ length: o.length.shape.length, allowLeadingZeros: o.optBool }), { unique: 'suffix' }),
  text('string.fromCharacters', 'Characters drawn from a given set', o.strictObject({ characters: o.nonEmptyString, length: o.length.shape.length }), { args: (opts) => [opts.characters, opts.length ?? 1], exampleOptions: { characters: 'ABC123', length: 6 } }),
  text('string.sample', 'Printable ASCII characters', o.length, { args: (opts) => (opts.length === undefined ? [] : [opts.length]) }),
  ['string.uuid', 'uuid', 'UUID v4 (always unique: derived from a keyed permutation of the row index)', o.none],
  text('string.ulid', 'ULID (sortable id)', o.refDateOnly, { unique: 'suffix' }),
  text('string.nanoid', 'Nano ID', o.length, { args: (opts) => (opts.length === undefined ? [] : [opts.length]), unique: 'suffix' }),
  text('string.symbol', 'Symbol characters', o.length, { args: (opts) => (opts.length === undefined ? [] : [opts.length]) }),
  ['datatype.boolean', 'boolean', 'true or false with a probability of true', o.strictObject({ probability: o.probability.optional() })],
  // company / commerce / finance
  text('company.name', 'Company name', o.none, { unique: 'suffix' }),
  text('company.catchPhrase', 'Company catch phrase'),
  text('company.buzzPhrase', 'Buzz phrase'),
  text('company.catchPhraseAdjective', 'Catch phrase adjective'),
  text('company.catchPhraseDescriptor', 'Catch phrase descriptor'),
  text('company.catchPhraseNoun', 'Catch phrase noun'),
  text('company.buzzAdjective', 'Buzz adjective'),
  text('company.buzzVerb', 'Buzz verb'),
  text('company.buzzNoun', 'Buzz noun'),
  text('commerce.department', 'Shop department'),
  text('commerce.productName', 'Product name', o.none, { unique: 'suffix' }),
  ['commerce.price', 'number', 'Price in [min, max] with `dec` decimals', o.moneyRange, { map: toNumber }],
  text('commerce.productAdjective', 'Product adjective'),
  text('commerce.productMaterial', 'Product material'),
  text('commerce.product', 'Product noun'),
  text('commerce.productDescription', 'Product description'),
  text('commerce.isbn', 'ISBN book number', o.strictObject({ variant: o.enumOf([10, 13]).optional(), separator: o.shortString.optional() })),
  text('commerce.upc', 'UPC-A barcode', o.strictObject({ prefix: o.shortString.optional() })),
  text('finance.accountNumber', 'Bank account number', o.length, { unique: 'suffix' }),
  text('finance.accountName', 'Account name, e.g. "Savings Account"'),
  text('finance.routingNumber', 'ABA routing number'),
  ['finance.amount', 'number', 'Amount in [min, max] with `dec` decimals', o.moneyRange, { map: toNumber }],
  text('finance.transactionType', 'Transaction type'),
  ['finance.currency', 'json', 'Currency { code, name, symbol, numericCode }', o.none],
  text('finance.currencyCode', 'ISO 4217 currency code'),
  text('finance.currencyName', 'Currency name'),
  text('finance.currencySymbol', 'Currency symbol'),
  text('finance.currencyNumericCode', 'ISO 4217 numeric code'),
  text('finance.bitcoinAddress', 'Bitcoin address'),
  text('finance.litecoinAddress', 'Litecoin address'),
  text('finance.creditCardNumber', 'Credit card number (Luhn-valid)', o.strictObject({ issuer: o.shortString.optional() })),
  text('finance.creditCardCVV', 'Card CVV'),
  text('finance.creditCardIssuer', 'Card issuer'),
  text('finance.pin', 'Numeric PIN code', o.length),
  text('finance.ethereumAddress', 'Ethereum address'),
  text('finance.iban', 'IBAN bank account number', o.strictObject({ formatted: o.optBool, countryCode: o.shortString.optional() })),
  text('finance.bic', 'BIC / SWIFT code', o.strictObject({ includeBranchCode: o.optBool })),
  text('finance.transactionDescription', 'Transaction description'),
  // catalogue-style groups without options
  ...[
    'airline.recordLocator:Booking record locator',
    'airline.seat:Seat, e.g. "24C"',
    'airline.aircraftType:Aircraft type: narrowbody, regional, widebody',
    'airline.flightNumber:Flight number',
    'animal.dog:Dog breed', 'animal.cat:Cat breed', 'animal.snake:Snake species', 'animal.bear:Bear species',
    'animal.lion:Lion species', 'animal.cetacean:Cetacean species', 'animal.horse:Horse breed', 'animal.bird:Bird species',
    'animal.cow:Cow breed', 'animal.fish:Fish species', 'animal.crocodilia:Crocodilian species', 'animal.insect:Insect species',
    'animal.rabbit:Rabbit breed', 'animal.rodent:Rodent species', 'animal.type:Animal type', 'animal.petName:Pet name',
    'book.author:Book author', 'book.format:Book format', 'book.genre:Book genre', 'book.publisher:Publisher',
    'book.series:Book series', 'book.title:Book title',
    'color.human:Colour name', 'color.space:Colour space', 'color.cssSupportedFunction:CSS colour function',
    'color.cssSupportedSpace:CSS colour space',
    'database.column:Database column name', 'database.type:Database column type', 'database.collation:Collation name',
    'database.engine:Database engine', 'database.mongodbObjectId:MongoDB ObjectId',
    'food.adjective:Food adjective', 'food.description:Dish description', 'food.dish:Dish name',
    'food.ethnicCategory:Cuisine', 'food.fruit:Fruit', 'food.ingredient:Ingredient', 'food.meat:Meat', 'food.spice:Spice',
    'food.vegetable:Vegetable',
    'git.branch:Git branch name', 'git.commitMessage:Commit message', 'git.commitEntry:Git log entry',
    'hacker.abbreviation:IT abbreviation', 'hacker.adjective:Hacker adjective', 'hacker.noun:Hacker noun',
    'hacker.verb:Hacker verb', 'hacker.ingverb:Hacker -ing verb', 'hacker.phrase:Hacker phrase',
    'image.avatar:Avatar image URL', 'image.avatarGitHub:GitHub avatar URL',
    'music.album:Album title', 'music.artist:Artist', 'music.genre:Music genre', 'music.songName:Song title',
    'phone.imei:IMEI number',
    'system.fileName:File name', 'system.commonFileName:Common file name', 'system.mimeType:MIME type',
    'system.commonFileType:Common file type', 'system.commonFileExt:Common file extension', 'system.fileType:File type',
    'system.fileExt:File extension', 'system.directoryPath:Directory path', 'system.filePath:File path',
    'system.semver:Semantic version', 'system.networkInterface:Network interface name', 'system.cron:Cron expression',
    'vehicle.vehicle:Vehicle make and model', 'vehicle.manufacturer:Vehicle manufacturer', 'vehicle.model:Vehicle model',
    'vehicle.type:Vehicle type', 'vehicle.fuel:Fuel type', 'vehicle.vin:Vehicle identification number',
    'vehicle.color:Vehicle colour', 'vehicle.vrm:UK registration mark', 'vehicle.bicycle:Bicycle type',
  ].map((entry): Row => {
    const [id, description] = entry.split(/:(.*)/s);
    return text(id, description);
  }),
  ['airline.airport', 'json', 'Airport { name, iataCode }', o.none],
  ['airline.airline', 'json', 'Airline { name, iataCode }', o.none],
  ['airline.airplane', 'json', 'Airplane { name, iataTypeCode }', o.none],
  ['science.chemicalElement', 'json', 'Chemical element { symbol, name, atomicNumber }', o.none],
  ['science.unit', 'json', 'SI unit { name, symbol }', o.none],
  text('color.rgb', 'RGB colour as hex or CSS', o.strictObject({ prefix: o.shortString.optional(), casing: o.charString.shape.casing, format: o.enumOf(['hex', 'css']).optional(), includeAlpha: o.optBool })),
  ...(['cmyk', 'hsl', 'hwb', 'lab', 'lch'] as const).map((space): Row => [`color.${space}`, 'array', `${space.toUpperCase()} colour components`, o.none, { elementKind: 'number' }]),
  text('git.commitSha', 'Commit SHA', o.length, { unique: 'suffix' }),
  text('git.commitDate', 'Commit date string as git prints it', o.refDateOnly),
  text('image.personPortrait', 'Portrait photo URL', o.strictObject({ sex: o.sex.shape.sex, size: o.enumOf([512, 256, 128, 64, 32]).optional() })),
  text('image.url', 'Image URL', o.imageSize),
  text('image.urlPicsumPhotos', 'Picsum image URL', o.strictObject({ width: o.imageSize.shape.width, height: o.imageSize.shape.height, grayscale: o.optBool })),
  text('image.dataUri', 'SVG data URI', o.strictObject({ width: o.imageSize.shape.width, height: o.imageSize.shape.height, color: o.shortString.optional(), type: o.enumOf(['svg-uri', 'svg-base64']).optional() })),
  text('phone.number', 'Phone number', o.strictObject({ style: o.enumOf(['human', 'national', 'international']).optional() })),
  text('helpers.fake', 'Faker pattern, e.g. "{{person.lastName}}, {{person.firstName}}" (data, not code)', o.strictObject({ pattern: o.nonEmptyString }), { args: (opts) => [opts.pattern], exampleOptions: { pattern: '{{person.lastName}}, {{person.firstName}}' } }),
];

export const fakerTypes: FakerType[] = rows.map(([id, kind, description, options, extra]) => ({
  id,
  kind,
  description,
  options: options ?? o.none,
  ...extra,
}));
