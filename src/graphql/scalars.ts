/**
 * Scalars with meaning. Money is a decimal string ("12.30"), never a Float: binary floating
 * point cannot hold most cents exactly. The rest come from graphql-scalars.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
export {
  DateResolver as DateScalar,
  DateTimeResolver as DateTimeScalar,
  EmailAddressResolver as EmailAddressScalar,
  IPv4Resolver as IPv4Scalar,
  IPResolver as IPScalar,
  MACResolver as MACScalar,
  LatitudeResolver as LatitudeScalar,
  LongitudeResolver as LongitudeScalar,
  JSONResolver as JSONScalar,
} from 'graphql-scalars';

const DECIMAL = /^-?\d{1,12}(\.\d{1,4})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
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
