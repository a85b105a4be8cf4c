/**
 * The one shape of a postal address in the graph. Tables store addresses under their own
 * column names and some store fewer parts (a reseller keeps one free-text line); each area
 * declares once which column holds which part (`AddressColumns`), and the object, the input,
 * the userError paths and the compiled read path are all derived from that declaration, so
 * services and legacy surfaces keep their own field names.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { Field, InputType, ObjectType } from 'type-graphql';
import { DomainError, type FieldProblem } from '../shared/errors';
import type { SqlField } from './compiled/mapping';

@ObjectType({ description: 'A postal address. Parts the owner does not store are always null (see its input).' })
export class Address {
  @Field(() => String, { nullable: true, description: 'First street line.' }) street1!: string | null;
  @Field(() => String, { nullable: true, description: 'Second street line.' }) street2!: string | null;
  @Field(() => String, { nullable: true, description: 'Town or city.' }) town!: string | null;
  @Field(() => String, { nullable: true, description: 'County or district.' }) county!: string | null;
  @Field(() => String, { nullable: true, description: 'Postal or ZIP code.' }) postcode!: string | null;
  @Field(() => String, { nullable: true, description: 'State or province.' }) state!: string | null;
  @Field(() => String, { nullable: true, description: 'Country.' }) country!: string | null;
}

@InputType({
  description:
    'A postal address: omitted parts are left as they are, a null part clears it, and a null address clears every part. ' +
    'A part the owner does not store is refused (INVALID on that part).',
})
export class AddressInput {
  @Field(() => String, { nullable: true, description: 'First street line.' }) street1?: string | null;
  @Field(() => String, { nullable: true, description: 'Second street line.' }) street2?: string | null;
  @Field(() => String, { nullable: true, description: 'Town or city.' }) town?: string | null;
  @Field(() => String, { nullable: true, description: 'County or district.' }) county?: string | null;
  @Field(() => String, { nullable: true, description: 'Postal or ZIP code.' }) postcode?: string | null;
  @Field(() => String, { nullable: true, description: 'State or province.' }) state?: string | null;
  @Field(() => String, { nullable: true, description: 'Country.' }) country?: string | null;
}

export const ADDRESS_PARTS = ['street1', 'street2', 'town', 'county', 'postcode', 'state', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** Which column (by its name in the service's row and input) holds each part a table stores. */
export type AddressColumns = Partial<Record<AddressPart, string>>;

/** The Address of a row; parts the table does not store are null. */
export function addressOf(row: object, columns: AddressColumns): Address {
  const values = row as Record<string, string | null | undefined>;
  const out = {} as Address;
  for (const part of ADDRESS_PARTS) out[part] = columns[part] ? (values[columns[part]] ?? null) : null;
  return out;
}

/** The parts a table stores, for a refusal's message. */
const stored = (columns: AddressColumns): string => ADDRESS_PARTS.filter((part) => columns[part]).join(', ');

/**
 * An AddressInput as the service's fields: undefined changes nothing, null clears every stored
 * part, a part the table does not store is refused unless it is null or omitted.
 */
export function fromAddressInput(input: AddressInput | null | undefined, columns: AddressColumns, field: string): Record<string, string | null | undefined> {
  if (input === undefined) return {};
  const out: Record<string, string | null | undefined> = {};
  const refused: FieldProblem[] = [];
  for (const part of ADDRESS_PARTS) {
    const column = columns[part];
    const value = input === null ? null : input[part];
    // An omitted part is left out, so the service sees only what was sent.
    if (column) {
      if (value !== undefined) out[column] = value;
    } else if (value != null) refused.push({ field: [field, part], message: `${part} is not stored in this ${field}; it takes ${stored(columns)}`, code: 'INVALID' });
  }
  if (refused.length) throw new DomainError('INVALID', refused.map((p) => p.message).join('; '), refused);
  return out;
}

/** For `mutate`'s rename: the service's column names → their place in the input. */
export function addressRename(columns: AddressColumns, field: string): Record<string, readonly string[]> {
  return Object.fromEntries(ADDRESS_PARTS.flatMap((part) => (columns[part] ? [[columns[part], [field, part]]] : [])));
}

const NO_PART = { expression: (): SQL => sql`null::text` };

/** The compiled read path's Address: the stored parts' columns, null for the others. */
export function addressSql(columns: Partial<Record<AddressPart, PgColumn>>): SqlField {
  return { embedded: Object.fromEntries(ADDRESS_PARTS.map((part) => [part, columns[part] ? { column: columns[part] } : NO_PART])) };
}
