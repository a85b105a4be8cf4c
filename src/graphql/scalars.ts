/**
 * Scalars with meaning. Money is a decimal string ("12.30"), never a Float: binary floating
 * point cannot hold most cents exactly. The rest come from graphql-scalars.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { CurrencyResolver } from 'graphql-scalars';
import { isTimeZone } from '../shared/time-zone';
import { EmailAddressResolver } from 'graphql-scalars';
export {
  DateTimeResolver as DateTimeScalar,
  IPv4Resolver as IPv4Scalar,
  IPResolver as IPScalar,
  MACResolver as MACScalar,
  LatitudeResolver as LatitudeScalar,
  LongitudeResolver as LongitudeScalar,
  JSONResolver as JSONScalar,
} from 'graphql-scalars';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): string {
  const match = typeof value === 'string' ? FULL_DATE.exec(value) : null;
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value as string;
  }
  throw new GraphQLError(`Date must be a calendar date like "2026-11-23", got ${JSON.stringify(value)}`);
}

/**
 * A calendar date without time or zone, kept as the "YYYY-MM-DD" string PostgreSQL's `date`
 * uses (a JavaScript Date would drag a time zone in and shift days).
 */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, "YYYY-MM-DD" (RFC 3339 full-date).',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && FULL_DATE.test(value)) return value;
    throw new GraphQLError('Date cannot represent this value');
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseDate(ast.value);
    throw new GraphQLError('Date must be given as a string, e.g. "2026-11-23"');
  },
});

const DECIMAL = /^-?\d{1,12}(\.\d{1,4})?$/;

/** The documented form only: no spaces, no sign +, no exponent (src/input holds the same rule for the legacy surfaces). */
function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e12) return String(value);
  throw new GraphQLError(`Decimal must be a string like "12.30" (up to 12 digits and 4 decimals), got ${JSON.stringify(value)}`);
}

export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "49.99". Used for money and rates; never a binary float.',
  serialize: (value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    throw new GraphQLError('Decimal cannot represent this value');
  },
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseDecimal(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new GraphQLError('Decimal must be given as a string, e.g. "49.99"');
  },
});

/**
 * ISO 4217 currency codes: graphql-scalars' `Currency` rule under the name clients know from
 * Shopify (`CurrencyCode`); its serializer returns a valid code unchanged.
 */
export const CurrencyCodeScalar = new GraphQLScalarType({
  ...CurrencyResolver.toConfig(),
  name: 'CurrencyCode',
  description: 'An ISO 4217 currency code, e.g. "EUR".',
});

function parseTimeZone(value: unknown): string {
  if (typeof value === 'string' && isTimeZone(value)) return value;
  throw new GraphQLError(`TimeZone must be an IANA time zone name like "Europe/Dublin", got ${JSON.stringify(value)}`);
}

/** An IANA zone name, checked with the runtime's own zone database (Intl.DateTimeFormat), as the operator service checks it. */
export const TimeZoneScalar = new GraphQLScalarType({
  name: 'TimeZone',
  description: 'An IANA time zone name, e.g. "Europe/Dublin".',
  serialize: parseTimeZone,
  parseValue: parseTimeZone,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseTimeZone(ast.value);
    throw new GraphQLError('TimeZone must be given as a string, e.g. "Europe/Dublin"');
  },
});

const DIGITS = /^-?\d{1,19}$/;

function serializeBigInt(value: unknown): string {
  const text = typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value)) ? String(value) : value;
  if (typeof text === 'string' && DIGITS.test(text)) return text;
  throw new GraphQLError(`BigInt must be a whole number, got ${JSON.stringify(String(value))}`);
}

/**
 * A whole number that may exceed 32 bits (up to 64), written as a decimal string: GraphQL's
 * `Int` stops at 2^31 − 1, and JSON numbers above 2^53 lose digits in JavaScript and many
 * other parsers. GitHub's API uses the same shape for its `fullDatabaseId`.
 */
export const BigIntScalar = new GraphQLScalarType({
  name: 'BigInt',
  description: 'A whole number of up to 64 bits, as a decimal string, e.g. "4294967296".',
  serialize: serializeBigInt,
  parseValue: serializeBigInt,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return serializeBigInt(ast.value);
    throw new GraphQLError('BigInt must be given as a string of digits, e.g. "4294967296"');
  },
});

/**
 * graphql-scalars' EmailAddress for what clients send; what we serve is the stored value as it
 * is: the legacy surfaces store addresses under the services' looser rule (customer.rules.ts),
 * and an address they accepted must not turn a read into an error.
 */
export const EmailAddressScalar = new GraphQLScalarType({
  ...EmailAddressResolver.toConfig(),
  serialize: (value) => {
    if (typeof value === 'string') return value;
    throw new GraphQLError('EmailAddress cannot represent this value');
  },
});
