/**
 * Fail-closed coverage of the permission matrix: every GraphQL mutation in the schema and every
 * legacy write operation in the catalogues is called by a `readonly` staff user, and each must
 * refuse in its surface's own shape (GraphQL userError FORBIDDEN, SIMPLer `ERROR: …` over SOAP
 * and REST, Jaze `errorCode: 403`, CRM `{result: null, error}`). A new mutation or operation is
 * covered the day it is added: the arguments are synthesised from the schema and the catalogue.
 * The check runs before validation, so dummy arguments reach it. Every read operation is called
 * too, and must not be refused; afterwards the audit log shows that the readonly user changed
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { toGlobalId } from '../../src/graphql/global-id';
import type { LegacyOperation, ParamSpec } from '../../src/legacy/catalog/operation';
import { CRM_OPERATIONS } from '../../src/legacy/crm/catalogue';
import { JAZE_OPERATIONS } from '../../src/legacy/jaze/catalogue';
import { M4_OPERATIONS } from '../../src/legacy/m4/catalogue';
import { SIMPLER_OPERATIONS } from '../../src/legacy/simpler/catalogue';
import { PERMISSIONS } from '../../src/tenancy/permissions';
import { auditLog } from '../../src/tenancy/audit-log.table';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { jaze } from '../helpers/jaze';
import { makeRoleUser, operatorIdOf, type RoleUser } from '../helpers/roles';
import { rest, soap, type Params } from '../helpers/simpler';

/** Mutations that are not writes of the operator's data: logging in and out (helper A's). */
const NOT_WRITES = new Set(['staffLogin', 'staffLogout']);

/** Argument values a closed set or a kind cannot tell: the one action of customerRadius that writes. */
const WRITE_ARGS: Record<string, Params> = { customerRadius: { action: 'add' } };

const refusal = (permission: keyof typeof PERMISSIONS) => `the readonly role may not ${PERMISSIONS[permission]}`;

function sampleParam(p: ParamSpec): string | string[] {
  if (p.values?.length) return p.values[0]!;
  switch (p.kind) {
    case 'integer':
    case 'integerList':
      return '1';
    case 'decimal':
      return '1';
    case 'money':
      return '1.00';
    case 'boolean':
      return '1';
    case 'email':
      return 'someone@example.com';
    case 'usDate':
      return '01/15/2026';
    case 'isoDate':
      return '2026-01-15';
    case 'euDate':
      return '15/01/2026';
    case 'textList':
      return ['x'];
    case 'text':
      return 'x';
  }
}

function sampleArgs(op: LegacyOperation): Params {
  const args: Params = {};
  for (const p of op.params) if (p.required) args[p.name] = sampleParam(p);
  return { ...args, ...WRITE_ARGS[op.name] };
}

/** A route's path with its `:name` segments filled from the arguments (which they then leave). */
function routed(op: LegacyOperation, args: Params): { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; rest: Params } {
  const route = op.routes![0]!;
  const left = { ...args };
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const param = op.params.find((p) => p.name === name);
    const value = left[name] ?? (param ? sampleParam(param) : '1');
    delete left[name];
    return encodeURIComponent(String(value));
  });
  return { method: route.method, path, rest: left };
}

const SCALARS: Record<string, unknown> = {
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  ID: toGlobalId('Customer', 1),
  Date: '2026-01-15',
  DateTime: '2026-01-15T12:00:00Z',
  Decimal: '1.00',
  EmailAddress: 'someone@example.com',
  IP: '192.0.2.10',
  MAC: '00:11:22:33:44:55',
  Latitude: 53.3,
  Longitude: -6.2,
  JSON: {},
};

/** Minimal variables for an input type: required fields only, lists of one, the first enum value. */
function sampleInput(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType);
  if (isListType(type)) return [sampleInput(type.ofType)];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = sampleInput(field.type);
    }
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  const name = getNamedType(type).name;
  if (!(name in SCALARS)) throw new Error(`no sample value for the scalar ${name}: add one to SCALARS`);
  return SCALARS[name];
}

/** The input type at a userError's field path (`['input', 'customerId']`). */
function inputFieldType(args: readonly { name: string; type: GraphQLInputType }[], path: readonly string[]): GraphQLInputType | undefined {
  let type: GraphQLInputType | undefined = args.find((a) => a.name === path[0])?.type;
  for (const key of path.slice(1)) {
    const named = type && getNamedType(type);
    if (!named || !isInputObjectType(named)) return undefined;
    type = named.getFields()[key]?.type;
  }
  return type;
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): boolean {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = Array.isArray(node) ? node[Number(key)] ?? node[0] : (node as Record<string, unknown>)[key];
  }
  if (node === null || typeof node !== 'object') return false;
  const last = path[path.length - 1]!;
  if (Array.isArray(node)) node[Number.isInteger(Number(last)) ? Number(last) : 0] = value;
  else (node as Record<string, unknown>)[last] = value;
  return true;
}

interface UserErrorShape {
  field: string[];
  message: string;
  code: string;
}

for (const engine of enabledEngines()) {
  describe(`a readonly user is refused every write, on every surface, on ${engine}`, () => {
    let t: TestApp;
    let schema: GraphQLSchema;
    let readonly: RoleUser;

    beforeAll(async () => {
      t = await startTestApp(engine);
      schema = await getSchema();
      readonly = await makeRoleUser(t.database.handle.db, await operatorIdOf(t.database.handle.db, 'demo'), 'readonly');
    }, 120_000);
    afterAll(() => t?.stop());

    it('GraphQL: every mutation answers a FORBIDDEN userError', async () => {
      const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => !NOT_WRITES.has(f.name));
      expect(mutations.length).toBeGreaterThan(80);
      const wrong: string[] = [];
      for (const field of mutations) {
        const payload = getNamedType(field.type);
        // Every mutation follows the payload convention, or it could not refuse in this shape.
        expect(isObjectType(payload) && 'userErrors' in payload.getFields(), `${field.name} has a payload with userErrors`).toBe(true);
        const declared = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const query = `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { userErrors { field message code } } }`;
        const variables: Record<string, unknown> = {};
        for (const arg of field.args) if (isNonNullType(arg.type)) variables[arg.name] = sampleInput(arg.type);
        // The resolver reads its input before the service runs: a global id of the wrong type, or
        // neither of two alternative fields, is refused there (INVALID). Mend what the error
        // names and try again; the service's permission check then answers.
        let errors: UserErrorShape[] = [];
        for (let attempt = 0; attempt < 8; attempt++) {
          const res = await t.gql<Record<string, { userErrors: UserErrorShape[] }>>(query, variables, readonly.token);
          expect(res.errors, `${field.name}: ${JSON.stringify(res.errors)}`).toBeUndefined();
          errors = res.data[field.name]!.userErrors;
          const only = errors.length === 1 ? errors[0]! : undefined;
          const idType = only && /^not a (\w+) id$/.exec(only.message);
          const alternative = only && /^give exactly one of `\w+`/.test(only.message) ? inputFieldType(field.args, only.field) : undefined;
          const mended = idType ? toGlobalId(idType[1]!, 1) : alternative ? sampleInput(alternative) : undefined;
          if (mended === undefined || !setAt(variables, only!.field, mended)) break;
        }
        const refused = errors.length === 1 && errors[0]!.code === 'FORBIDDEN' && errors[0]!.message.startsWith('the readonly role may not ');
        if (!refused) wrong.push(`${field.name}: ${JSON.stringify(errors)}`);
      }
      expect(wrong).toEqual([]);
    }, 120_000);

    const simplerWrites = SIMPLER_OPERATIONS.filter((op) => op.access !== 'read');
    const simplerReads = SIMPLER_OPERATIONS.filter((op) => op.access === 'read');

    it('SIMPLer over SOAP and REST: every write answers `ERROR: the readonly role may not …` naming its permission', async () => {
      expect(simplerWrites.length).toBeGreaterThan(40);
      const wrong: string[] = [];
      for (const op of simplerWrites) {
        const expected = `ERROR: ${refusal(op.access as keyof typeof PERMISSIONS)}`;
        const args = { ...sampleArgs(op), ...readonly.simpler };
        const viaSoap = await soap(t.url, op.name, args);
        if (viaSoap.result !== expected) wrong.push(`SOAP ${op.name}: ${viaSoap.result ?? JSON.stringify(viaSoap.fault)}`);
        const viaRest = await rest(t.url, op.name, args);
        if (viaRest.status !== 200 || viaRest.result !== expected) wrong.push(`REST ${op.name}: ${viaRest.status} ${JSON.stringify(viaRest.result)}`);
      }
      expect(wrong).toEqual([]);
    }, 120_000);

    it('SIMPLer: every read operation still answers a readonly user', async () => {
      const wrong: string[] = [];
      for (const op of simplerReads) {
        const args = { ...sampleArgs(op), ...readonly.simpler };
        const viaSoap = await soap(t.url, op.name, args);
        if (viaSoap.fault || viaSoap.result!.startsWith('ERROR: the readonly role')) wrong.push(`SOAP ${op.name}: ${viaSoap.result ?? JSON.stringify(viaSoap.fault)}`);
        const viaRest = await rest(t.url, op.name, args);
        if (typeof viaRest.result === 'string' && viaRest.result.startsWith('ERROR: the readonly role')) wrong.push(`REST ${op.name}: ${viaRest.result}`);
      }
      expect(wrong).toEqual([]);
      // The one operation whose writes depend on an argument reads for everybody with `list`.
      const listed = await rest(t.url, 'customerRadius', { ...readonly.simpler, customerid: '1', table: 'radcheck', action: 'list' });
      expect(typeof listed.result === 'string' && listed.result.startsWith('ERROR')).toBe(false);
    }, 120_000);

    it('Jaze: every write answers {status: failure, errorCode: 403}, every read answers', async () => {
      const wrong: string[] = [];
      for (const op of JAZE_OPERATIONS) {
        const { method, path, rest: params } = routed(op, sampleArgs(op));
        const reply = await jaze(t.url, method, path, params as Record<string, string>, { token: readonly.token });
        if (op.access === 'read') {
          if (reply.body?.errorCode === 403) wrong.push(`${op.name} (read): ${JSON.stringify(reply.body)}`);
        } else if (JSON.stringify(reply.body) !== JSON.stringify({ status: 'failure', errorCode: 403, message: refusal(op.access) })) {
          wrong.push(`${op.name}: ${reply.status} ${JSON.stringify(reply.body)}`);
        }
      }
      expect(JAZE_OPERATIONS.filter((op) => op.access !== 'read').length).toBeGreaterThan(10);
      expect(wrong).toEqual([]);
    }, 120_000);

    it('CRM: every write answers {result: null, error}, every read answers', async () => {
      const wrong: string[] = [];
      for (const op of CRM_OPERATIONS) {
        const { method, path, rest: params } = routed(op, sampleArgs(op));
        const res = await fetch(`${t.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...params, ...readonly.crm }),
        });
        const body = (await res.json()) as { result: unknown; error: string | null };
        if (op.access === 'read') {
          if (body.error?.startsWith('the readonly role')) wrong.push(`${op.name} (read): ${JSON.stringify(body)}`);
        } else if (JSON.stringify(body) !== JSON.stringify({ result: null, error: refusal(op.access) })) {
          wrong.push(`${op.name}: ${res.status} ${JSON.stringify(body)}`);
        }
      }
      expect(CRM_OPERATIONS.filter((op) => op.access !== 'read').length).toBe(4);
      expect(wrong).toEqual([]);
    }, 60_000);

    it('M4 has no write operation (its one operation reads, and only admins and managers may call it)', () => {
      expect(M4_OPERATIONS.map((op) => op.access)).toEqual(['read']);
    });

    it('after all of it, the readonly user wrote nothing: its only audit entries are RADIUS password reads', async () => {
      const rows = await t.database.handle.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.operatorId, readonly.operatorId), eq(auditLog.staffUserId, readonly.staffUserId)));
      expect(rows.filter((r) => r.action !== 'radiusAccount.passwordRead')).toEqual([]);
    });
  });
}
