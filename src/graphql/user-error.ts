/**
 * `userErrors` of mutation payloads: problems the caller can fix (bad input, a rule that
 * refuses the change). Faults of the server never appear here.
 */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DomainError, type ErrorCode } from '../shared/errors';

export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PRECONDITION_FAILED = 'PRECONDITION_FAILED',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input.',
  valuesConfig: {
    INVALID: { description: 'A value is malformed or breaks a rule; `field` names it.' },
    NOT_FOUND: { description: 'Something the input names does not exist (or is not visible to you).' },
    CONFLICT: { description: 'The change clashes with existing data, e.g. a name already taken.' },
    PRECONDITION_FAILED: { description: 'The object is not in a state that allows this action.' },
    FORBIDDEN: { description: 'Your role does not allow this action.' },
    UNAUTHENTICATED: { description: 'The credentials given are not accepted.' },
    TOO_MANY_REQUESTS: { description: 'Too many failed attempts; retry later.' },
  },
});

@ObjectType({ description: 'A problem with the input of a mutation that the caller can fix.' })
export class UserError {
  @Field(() => [String], { description: 'Path to the input field at fault, e.g. ["input", "email"]; empty for the whole input.' })
  field!: string[];

  @Field(() => String, { description: 'What is wrong, in English, fit to show to the user.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'The kind of problem, for a client that reacts to it in code.' })
  code!: UserErrorCode;
}

export interface Payload {
  userErrors: UserError[];
}

export interface MutateOptions {
  /** The argument the fields are in (default `input`). */
  inputName?: string;
  /**
   * Services name fields in their own words (`customerId`); where the input calls the field
   * otherwise (`id` of customerUpdate), this maps the first step of the path, so the caller is
   * pointed at a field it sent; a path names where the input nests a service's flat field
   * (`zip` → `["address", "postcode"]`) and applies to that field alone (a longer path is
   * already the input's, e.g. an address part the input mapping refused).
   */
  rename?: Record<string, string | readonly string[]>;
}

function inputPath(field: string[], rename: NonNullable<MutateOptions['rename']>): string[] {
  const [first, ...rest] = field as [string, ...string[]];
  const step = rename[first] ?? first;
  if (typeof step === 'string') return [step, ...rest];
  return rest.length ? field : [...step];
}

/**
 * Runs a mutation body; domain errors become `userErrors` (nothing was written: services
 * validate before writing and write in one transaction), other errors propagate as faults.
 */
export async function mutate<T extends object>(
  body: () => Promise<T>,
  empty: { [K in keyof T]: T[K] | null },
  { inputName = 'input', rename = {} }: MutateOptions = {},
): Promise<{ [K in keyof T]: T[K] | null } & Payload> {
  try {
    return { ...(await body()), userErrors: [] };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      ...empty,
      userErrors: error.problems.map((p) => ({
        field: p.field.length ? [inputName, ...inputPath(p.field, rename)] : [],
        message: p.message,
        code: p.code as ErrorCode as UserErrorCode,
      })),
    };
  }
}
