/**
 * Every mutation's `userErrors.field` names a field of the input the caller sent: a form that
 * highlights `["input", "customerId"]` finds nothing to highlight when the input field is `id`.
 * Each mutation that takes ids is called with ids of objects that do not exist (the right
 * type, learnt from the "not a X id" answer) and every path it returns is walked through the
 * schema's input types.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/global-id';
import { generateOperator } from '../../src/db/seed/generator';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';

const schema = buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../schema/schema.graphql'), 'utf8'));
const MISSING = 999_999;

const SCALARS: Record<string, unknown> = {
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  Decimal: '1.00',
  Date: '2026-01-01',
  DateTime: '2026-01-01T00:00:00Z',
  EmailAddress: 'x@example.com',
  IP: '10.0.0.1',
  MAC: '00:11:22:33:44:55',
  Latitude: 0,
  Longitude: 0,
};

/** A value for every required field; ids are of the type `idTypes` says (learnt), else Customer. */
function inputValue(type: GraphQLInputType, at: string, idTypes: Map<string, string>): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isScalarType(inner)) {
    if (inner.name === 'ID') return toGlobalId(idTypes.get(at) ?? 'Customer', MISSING);
    return SCALARS[inner.name] ?? 'x';
  }
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = inputValue(field.type, `${at}.${field.name}`, idTypes);
    }
    return value;
  }
  return null;
}

/** Whether `field` (["input", "x", 0, "y"]) walks through the mutation's arguments and input types. */
function pathExists(s: GraphQLSchema, mutation: string, field: string[]): boolean {
  if (field.length === 0) return true;
  const arg = s.getMutationType()!.getFields()[mutation]!.args.find((a) => a.name === field[0]);
  if (!arg) return false;
  let type: GraphQLInputType = arg.type;
  for (const step of field.slice(1)) {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      if (!/^\d+$/.test(step)) return false;
      type = inner.ofType;
      continue;
    }
    if (!isInputObjectType(inner)) return false;
    const next = inner.getFields()[step];
    if (!next) return false;
    type = next.type;
  }
  return true;
}

const takesIds = (name: string) => {
  const input = schema.getMutationType()!.getFields()[name]!.args.find((a) => a.name === 'input');
  const type = input && getNamedType(input.type);
  return !!type && isInputObjectType(type) && Object.values(type.getFields()).some((f) => isNonNullType(f.type) && getNamedType(f.type).name === 'ID');
};
const mutations = Object.keys(schema.getMutationType()!.getFields()).filter(takesIds);

for (const engine of enabledEngines()) {
  describe(`userErrors name input fields that exist, on ${engine}`, () => {
    let t: TestApp;
    let token: string;
    beforeAll(async () => {
      t = await startTestApp(engine, { seedDemo: false });
      ({ token } = await generateOperator(t.database.handle.db, { operatorCode: 'paths', customers: 0 }));
    });
    afterAll(() => t?.stop());

    it(`for each of the ${mutations.length} mutations taking ids, called with ids that do not exist`, async () => {
      expect(mutations).toEqual(expect.arrayContaining(['customerUpdate', 'customerDelete']));
      const wrong: string[] = [];
      for (const name of mutations) {
        const idTypes = new Map<string, string>();
        const inputType = schema.getMutationType()!.getFields()[name]!.args.find((a) => a.name === 'input')!.type;
        let errors: { field: string[]; message: string; code: string }[] = [];
        // Each answer "input.x is not a T id" teaches one id's type; then call again.
        for (let attempt = 0; attempt < 6; attempt++) {
          const result = await t.gql<Record<string, { userErrors: typeof errors }>>(
            `mutation($input: ${String(inputType)}) { ${name}(input: $input) { userErrors { field message code } } }`,
            { input: inputValue(inputType, 'input', idTypes) },
            token,
          );
          expect(result.errors, `${name}: ${JSON.stringify(result.errors)}`).toBeUndefined();
          errors = result.data[name]!.userErrors;
          const learnt = errors.map((e) => [e.field.join('.'), /^not a (\w+) id$/.exec(e.message)?.[1]] as const).find(([at, type]) => type && idTypes.get(at) !== type);
          if (!learnt) break;
          idTypes.set(learnt[0], learnt[1]!);
        }
        for (const error of errors) if (!pathExists(schema, name, error.field)) wrong.push(`${name}: ${JSON.stringify(error.field)} (${error.code}: ${error.message})`);
      }
      expect(wrong).toEqual([]);
    });

    it('customerUpdate and customerDelete blame ["input", "id"] for a customer that does not exist', async () => {
      const id = toGlobalId('Customer', MISSING);
      for (const name of ['customerUpdate', 'customerDelete']) {
        const result = await t.gql<Record<string, { userErrors: { field: string[]; code: string }[] }>>(
          `mutation($id: ID!) { ${name}(input: { id: $id }) { userErrors { field code } } }`,
          { id },
          token,
        );
        expect(result.data[name]!.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      }
    });
  });
}
