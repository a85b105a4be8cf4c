/**
 * One canonical JSON for every system's reply, so "the same data" can be checked byte for byte.
 *
 * The canonical overview is `{customers: [{legacyId, name, servicePlan: {legacyId, name, price}
 * | null, subscriptions: [{legacyId, plan: {legacyId, name} | null}], invoices: [{legacyId,
 * number, issueDate, total, payments: [{legacyId, amount, paymentDate, method}]}], reseller:
 * {legacyId, name} | null}]}`, the point read `{customer: {legacyId, name, servicePlan} | null}`,
 * with keys in that order and:
 * - ids: the row's integer key (ispgraph `legacyId`, PostGraphile v5 `rowId`, v4 `id`);
 * - money: a decimal string with exactly 2 decimals ("29.90"), never a float;
 * - dates: `YYYY-MM-DD`;
 * - enum values: the stored value in lower case (`debit_card`; ispgraph and v4 say `DEBIT_CARD`);
 * - connections: their `nodes` as a plain list.
 * Anything missing, of the wrong type, or a reply with `errors` is refused with the path at
 * fault: a system that answers something else must not be measured as if it had answered.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

export class ShapeError extends Error {}

function object(value: Json | undefined, at: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ShapeError(`${at}: expected an object, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value;
}

function field(value: Json | undefined, key: string, at: string): Json {
  const obj = object(value, at);
  if (!(key in obj)) throw new ShapeError(`${at}.${key}: missing`);
  return obj[key]!;
}

function list(value: Json, at: string): Json[] {
  if (!Array.isArray(value)) throw new ShapeError(`${at}: expected a list, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value;
}

function int(value: Json, at: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ShapeError(`${at}: expected an integer, got ${JSON.stringify(value)}`);
  return value;
}

function text(value: Json, at: string): string {
  if (typeof value !== 'string') throw new ShapeError(`${at}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}

/** "29.9" / "29.90" / "29.900" → "29.90"; more than 2 significant decimals is refused, not rounded. */
export function money(value: Json, at: string): string {
  const raw = text(value, at);
  const match = /^(-?[0-9]+)(?:\.([0-9]+))?$/.exec(raw);
  if (!match) throw new ShapeError(`${at}: expected a decimal string, got ${JSON.stringify(raw)}`);
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) throw new ShapeError(`${at}: more than 2 decimals in ${raw}`);
  return `${match[1]}.${decimals.padEnd(2, '0')}`;
}

function date(value: Json, at: string): string {
  const raw = text(value, at);
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(raw)) throw new ShapeError(`${at}: expected YYYY-MM-DD, got ${JSON.stringify(raw)}`);
  return raw;
}

function enumValue(value: Json, at: string): string {
  return text(value, at).toLowerCase();
}

function nullable<T>(value: Json, map: (v: Json) => T): T | null {
  return value === null ? null : map(value);
}

/** How one system names the fields of the benchmark's reads. */
export interface Naming {
  id: string;
  customersRoot: string;
  customerRoot: string;
  plan: string;
  subscriptions: string;
  subscriptionPlan: string;
  invoices: string;
  payments: string;
  reseller: string;
  /** Which lists are connections that wrap their items in `nodes`. */
  inNodes: { customers: boolean; subscriptions: boolean; invoices: boolean; payments: boolean };
  /** The system sees every operator's rows: the point read's `operatorId` is checked. */
  seesAllOperators: boolean;
}

export const ISPGRAPH_NAMING: Naming = {
  id: 'legacyId',
  customersRoot: 'customers',
  customerRoot: 'customer',
  plan: 'servicePlan',
  subscriptions: 'subscriptions',
  subscriptionPlan: 'plan',
  invoices: 'invoices',
  payments: 'payments',
  reseller: 'reseller',
  inNodes: { customers: true, subscriptions: true, invoices: true, payments: false },
  seesAllOperators: false,
};

/** The floor answers in the canonical shape already; it is still read through the same checks. */
export const FLOOR_NAMING: Naming = {
  ...ISPGRAPH_NAMING,
  inNodes: { customers: false, subscriptions: false, invoices: false, payments: false },
};

const POSTGRAPHILE_RELATIONS = {
  customersRoot: 'allCustomers',
  plan: 'planByServicePlanId',
  subscriptions: 'subscriptionsByCustomerId',
  subscriptionPlan: 'planByPlanId',
  invoices: 'invoicesByCustomerId',
  payments: 'paymentsByInvoiceId',
  reseller: 'resellerByResellerId',
  inNodes: { customers: true, subscriptions: true, invoices: true, payments: true },
  seesAllOperators: true,
};
export const POSTGRAPHILE5_NAMING: Naming = { ...POSTGRAPHILE_RELATIONS, id: 'rowId', customerRoot: 'customerByRowId' };
export const POSTGRAPHILE4_NAMING: Naming = { ...POSTGRAPHILE_RELATIONS, id: 'id', customerRoot: 'customerById' };

/** The `data` of a GraphQL reply; a reply with `errors` (or without data) is refused. */
export function graphqlData(reply: Json): Obj {
  const body = object(reply, 'reply');
  if ('errors' in body && body.errors !== null) throw new ShapeError(`errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return object(field(body, 'data', 'reply'), 'data');
}

function plan(value: Json, n: Naming, at: string, withPrice: boolean): Json {
  const o = object(value, at);
  const out: Obj = { legacyId: int(field(o, n.id, at), `${at}.${n.id}`), name: text(field(o, 'name', at), `${at}.name`) };
  if (withPrice) out.price = nullable(field(o, 'price', at), (v) => money(v, `${at}.price`));
  return out;
}

function items(value: Json, inNodes: boolean, at: string): Json[] {
  return inNodes ? list(field(value, 'nodes', at), `${at}.nodes`) : list(value, at);
}

function customer(value: Json, n: Naming, at: string): Json {
  const c = object(value, at);
  const planOf = (v: Json) => plan(v, n, `${at}.${n.plan}`, true);
  return {
    legacyId: int(field(c, n.id, at), `${at}.${n.id}`),
    name: text(field(c, 'name', at), `${at}.name`),
    servicePlan: nullable(field(c, n.plan, at), planOf),
  };
}

export function canonicalOverview(data: Obj, n: Naming): Json {
  const root = `data.${n.customersRoot}`;
  return {
    customers: items(field(data, n.customersRoot, 'data'), n.inNodes.customers, root).map((value, i): Json => {
      const at = `${root}.nodes[${i}]`;
      const c = object(value, at);
      const subs = items(field(c, n.subscriptions, at), n.inNodes.subscriptions, `${at}.${n.subscriptions}`).map((s, j): Json => {
        const sat = `${at}.${n.subscriptions}[${j}]`;
        return {
          legacyId: int(field(s, n.id, sat), `${sat}.${n.id}`),
          plan: nullable(field(s, n.subscriptionPlan, sat), (v) => plan(v, n, `${sat}.${n.subscriptionPlan}`, false)),
        };
      });
      const invoices = items(field(c, n.invoices, at), n.inNodes.invoices, `${at}.${n.invoices}`).map((inv, j): Json => {
        const iat = `${at}.${n.invoices}[${j}]`;
        const payments = items(field(inv, n.payments, iat), n.inNodes.payments, `${iat}.${n.payments}`).map((p, k): Json => {
          const pat = `${iat}.${n.payments}[${k}]`;
          return {
            legacyId: int(field(p, n.id, pat), `${pat}.${n.id}`),
            amount: money(field(p, 'amount', pat), `${pat}.amount`),
            paymentDate: date(field(p, 'paymentDate', pat), `${pat}.paymentDate`),
            method: enumValue(field(p, 'method', pat), `${pat}.method`),
          };
        });
        return {
          legacyId: int(field(inv, n.id, iat), `${iat}.${n.id}`),
          number: int(field(inv, 'number', iat), `${iat}.number`),
          issueDate: date(field(inv, 'issueDate', iat), `${iat}.issueDate`),
          total: money(field(inv, 'total', iat), `${iat}.total`),
          payments,
        };
      });
      const head = object(customer(c, n, at), at);
      return {
        ...head,
        subscriptions: subs,
        invoices,
        reseller: nullable(field(c, n.reseller, at), (v) => plan(v, n, `${at}.${n.reseller}`, false)),
      };
    }),
  };
}

/**
 * PostGraphile sees every operator's rows: a customer of another operator is what ispgraph
 * answers as null, so `operatorId` (asked for by the peer queries) must be the seeded one.
 */
export function canonicalPoint(data: Obj, n: Naming, operatorId: number): Json {
  const value = field(data, n.customerRoot, 'data');
  if (value === null) return { customer: null };
  const at = `data.${n.customerRoot}`;
  if (n.seesAllOperators && int(field(value, 'operatorId', at), `${at}.operatorId`) !== operatorId) return { customer: null };
  return { customer: customer(value, n, at) };
}
