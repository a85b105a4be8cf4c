/**
 * Every Jaze sample output, key by key: the samples are read from the vendor document itself
 * (shared/spec/000_…, sections E1–E41) with a tolerant reader, and each endpoint's reply on the
 * demo data must have the sample's keys, object by object, with the sample's grouping (three
 * parts per user in get_all and get_user_from_all_accounts). Where ispgraph answers more than a
 * sample shows, each extra key is declared below with its reason; nothing else may differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { jaze } from '../helpers/jaze';
import { rows } from '../helpers/sql';

// ---------------------------------------------------------------- reading the document

/** The vendor documents sit beside the checkout (../shared/spec); a worktree nested one level deeper finds them one further up. */
const SPEC = ['../../../shared/spec', '../../../../shared/spec']
  .map((dir) => path.resolve(import.meta.dirname, dir, '000_b3ca87d7f7be5a01.txt'))
  .find((file) => existsSync(file)) ?? path.resolve(import.meta.dirname, '../../../shared/spec/000_b3ca87d7f7be5a01.txt');

/** The text of each section, by number: `E21` → everything up to the next `E<n> - ` heading. */
function sections(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const headings = [...text.matchAll(/^E(\d+) - .*$/gm)];
  headings.forEach((h, i) => {
    const end = i + 1 < headings.length ? headings[i + 1]!.index : text.length;
    const n = Number(h[1]);
    // E2's heading is its sample ("E2 - Sample output"): its sample belongs to get_details (E1)
    out.set(n, text.slice(h.index + h[0].length, end));
  });
  return out;
}

type Sample = unknown;

/**
 * The sample of a section: from the first line opening with `{` or `[` after "Sample output"
 * (or after the input table where the document leaves the label out) to the section's end,
 * read tolerantly: smart and doubled single quotes are quotes, `"errorCode" = 200` is a pair,
 * the page footer is dropped, line breaks inside values are joined, a missing colon, comma or
 * closing bracket is supplied, and a bare key missing its opening quote is mended.
 */
function sampleOf(section: string): Sample[] {
  const labelled = /Sample [Oo]utput\s*:?/.exec(section);
  const from = labelled ? labelled.index + labelled[0].length : 0;
  const rest = section.slice(from);
  const start = rest.search(/^\s*[{[]/m);
  if (start < 0) throw new Error('no sample in section');
  let text = rest.slice(start);
  // E15–E17 show two identical samples (add and edit): the first is read
  const second = text.search(/\nTo edit /);
  if (second > 0) text = text.slice(0, second);
  text = text
    .replace(/^\s*API Usage Guide API-Document Page \d+ of \d+\s*$/gm, '')
    // E2's comments value is itself in smart quotes inside straight ones
    .replace(/"“([^”]*)”"/g, '"$1"')
    .replace(/[“”]/g, '"')
    .replace(/''/g, '"')
    .replace(/\r?\n/g, '')
    .replace(/"errorCode"\s*=/g, '"errorCode":')
    .replace(/([{,\s])([A-Za-z_]+)":/g, '$1"$2":');
  return readValues(tokens(text));
}

type Token = { kind: 'punct'; text: string } | { kind: 'string'; text: string } | { kind: 'word'; text: string };

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if ('{}[]:,'.includes(c)) {
      out.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push({ kind: 'string', text: text.slice(i + 1, j) });
      i = j + 1;
    } else if (/\s/.test(c)) i++;
    else {
      const m = /^[^\s{}[\]:,"]+/.exec(text.slice(i))!;
      out.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** The values one after another (E3's sample is a run of objects with no list around them). */
function readValues(toks: Token[]): Sample[] {
  const at = { i: 0 };
  const values: Sample[] = [];
  while (at.i < toks.length) {
    const t = toks[at.i]!;
    if (t.kind === 'punct' && (t.text === ',' || t.text === '}' || t.text === ']')) {
      at.i++;
      continue;
    }
    values.push(readValue(toks, at));
  }
  return values;
}

function readValue(toks: Token[], at: { i: number }): Sample {
  const t = toks[at.i++];
  if (!t) return null;
  if (t.kind === 'punct' && t.text === '{') return readObject(toks, at);
  if (t.kind === 'punct' && t.text === '[') return readList(toks, at);
  return t.text;
}

function readObject(toks: Token[], at: { i: number }): Record<string, Sample> {
  const obj: Record<string, Sample> = {};
  while (at.i < toks.length) {
    const t = toks[at.i]!;
    if (t.kind === 'punct' && t.text === '}') {
      at.i++;
      return obj;
    }
    // a list closing inside an object: its `}` is missing, close the object here
    if (t.kind === 'punct' && t.text === ']') return obj;
    if (t.kind === 'punct' && t.text === ',') {
      at.i++;
      continue;
    }
    if (t.kind === 'punct' && (t.text === '{' || t.text === '[')) {
      // E9's `{ [ … ] }`: a list with no key; kept under "" so the reader goes on
      obj[''] = readValue(toks, at);
      continue;
    }
    at.i++;
    const colon = toks[at.i];
    if (colon?.kind === 'punct' && colon.text === ':') at.i++;
    obj[t.text] = readValue(toks, at);
  }
  return obj;
}

function readList(toks: Token[], at: { i: number }): Sample[] {
  const list: Sample[] = [];
  while (at.i < toks.length) {
    const t = toks[at.i]!;
    if (t.kind === 'punct' && t.text === ']') {
      at.i++;
      return list;
    }
    // an object closing inside a list: the list's `]` is missing, close the list here
    if (t.kind === 'punct' && t.text === '}') return list;
    if (t.kind === 'punct' && t.text === ',') {
      at.i++;
      continue;
    }
    // E7's `["success":"2,3", …]`: pairs in brackets are an object
    const next = toks[at.i + 1];
    if (t.kind === 'string' && next?.kind === 'punct' && next.text === ':') {
      const obj: Record<string, Sample> = {};
      while (at.i < toks.length && !(toks[at.i]!.kind === 'punct' && toks[at.i]!.text === ']')) {
        const key = toks[at.i++]!;
        if (key.kind === 'punct') continue;
        if (toks[at.i]?.kind === 'punct' && toks[at.i]!.text === ':') at.i++;
        obj[key.text] = readValue(toks, at);
      }
      at.i++;
      return [obj];
    }
    list.push(readValue(toks, at));
  }
  return list;
}

// ---------------------------------------------------------------- comparing

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys a reply may have beyond its sample at a path (`data[].User`), each with its reason. */
type Allowances = Record<string, readonly string[]>;

/**
 * The differences, as lines `path: missing [..] / extra [..]`: objects must have the sample's
 * keys plus only the allowed extras; lists are compared element by element against the sample's
 * element at the same place in its cycle (element i against sample element i mod n), so the
 * E3 grouping of three parts per user is checked for every user, not only the first.
 */
function differences(sample: unknown, reply: unknown, allowed: Allowances, at = ''): string[] {
  if (isObject(sample)) {
    if (!isObject(reply)) return [`${at || '(root)'}: expected an object, got ${JSON.stringify(reply)?.slice(0, 80)}`];
    const extra = allowed[at] ?? [];
    const missing = Object.keys(sample).filter((k) => !(k in reply));
    const surplus = Object.keys(reply).filter((k) => !(k in sample) && !extra.includes(k));
    const out = missing.length || surplus.length ? [`${at || '(root)'}: missing [${missing.join(', ')}] extra [${surplus.join(', ')}]`] : [];
    for (const key of Object.keys(sample)) if (key in reply) out.push(...differences(sample[key], reply[key], allowed, at ? `${at}.${key}` : key));
    return out;
  }
  if (Array.isArray(sample)) {
    if (!Array.isArray(reply)) return [`${at}: expected a list, got ${JSON.stringify(reply)?.slice(0, 80)}`];
    if (sample.length === 0) return [];
    if (sample.length > 1 && reply.length % sample.length !== 0 && sample.every((s) => isObject(s) && Object.keys(s).length === 1)) {
      return [`${at}: ${reply.length} parts, not whole groups of ${sample.length}`];
    }
    return reply.flatMap((item, i) => differences(sample[i % sample.length], item, allowed, `${at}[]`));
  }
  return [];
}

// ---------------------------------------------------------------- allowances

/** Every User record answers the union of the fields the samples show (E2, E3, E4, E8, E9, E13, E41), so each sample lacks some of the others'. */
const USER_UNION = [
  'id', 'username', 'account_id', 'groupId', 'group_name', 'status', 'name', 'last_name', 'phone', 'alt_phone', 'email', 'alt_email', 'address',
  'address_line1', 'address_line2', 'address_city', 'address_pin', 'address_state', 'country_code', 'comments', 'activationTime', 'createdTime',
  'expirationTime', 'installationTime', 'modified', 'timezone', 'billing_id', 'type', 'company_name',
];
/** E2's location fields, inside `User` where a list keeps the samples' three parts per user. */
const LOCATION = ['latitude', 'longitude', 'area_id', 'area', 'street_id', 'street', 'block_id', 'block'];
/** E2 shows the usage without the quota fields E3/E13 show, and E3 without the template fields E2/E13 show: one record for all. */
const USAGE_UNION = [
  'bandwidthTemplateId', 'bandwidthTemplateName', 'bandwidthTemplateMikrotik', 'billingResetType', 'billingStartDate', 'billingEndDate',
  'uploadDataUsage', 'downloadDataUsage', 'totalDataUsage', 'usedBandwidthQuota', 'totalBandwidthQuota', 'dataLimit',
];

// ---------------------------------------------------------------- the test

const document = readFileSync(SPEC, 'utf8');
const bySection = sections(document);

describe('the tolerant reader of the Jaze document', () => {
  it('finds a sample in every section that has one, with the keys the document prints', () => {
    const e3 = sampleOf(bySection.get(3)!);
    expect(e3.map((part) => Object.keys(part as object))).toEqual([['User'], ['currentBillingCycleUsage'], ['staticIpMac']]);
    expect(Object.keys((e3[1] as { currentBillingCycleUsage: object }).currentBillingCycleUsage)).toContain('usedBandwidthQuota');
    const e2 = sampleOf(bySection.get(2)!)[0] as { data: object[] };
    expect(e2.data.map((part) => Object.keys(part))).toEqual([['User'], ['currentBillingCycleUsage'], ['staticIpMac'], ['location']]);
    expect(Object.keys((e2.data[0] as { User: object }).User)).toEqual(expect.arrayContaining(['comments', 'createdTime', 'timezone', 'group_name']));
    const e21 = sampleOf(bySection.get(21)!)[0] as { data: Record<string, Record<string, unknown>>[][] };
    expect(Object.keys(e21.data[0]![1]!.UserLocation!)).toEqual(['user_id', 'latitude', 'longitude', 'account_id']);
    expect(Object.keys(sampleOf(bySection.get(41)!)[0] as object)).toEqual(['status', 'errorCode', 'data']);
    expect(sampleOf(bySection.get(7)!)).toEqual([[{ success: '2,3', errorCode: '200' }]]);
  });
});

describe.each(enabledEngines())('Jaze replies against the document’s samples, key by key, on %s', (engine) => {
  let t: TestApp;
  const get = (p: string, params: Record<string, string | number | undefined> = {}) => jaze(t.url, 'GET', p, params);
  const post = (p: string, params: Record<string, string | number | undefined> = {}) => jaze(t.url, 'POST', p, params);
  let phone: string;
  let username: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const res = await t.gql<{ customer: { phone: string; radiusAccounts: { username: string }[] } }>('{ customer(legacyId: 1) { phone radiusAccounts { username } } }');
    phone = res.data.customer.phone;
    username = res.data.customer.radiusAccounts[0]!.username;
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The section's sample, the reply, the extras allowed; the reply must be a success. */
  async function expectLikeSample(section: number, reply: { body: unknown }, allowed: Allowances = {}, pick: (samples: Sample[]) => Sample = (s) => s[0]) {
    const sample = pick(sampleOf(bySection.get(section)!));
    expect(JSON.stringify(reply.body)).not.toMatch(/"status":"failure"/);
    expect(differences(sample, reply.body, allowed), `E${section}: ${JSON.stringify(reply.body).slice(0, 400)}`).toEqual([]);
  }

  it('E2 get_details: four one-key parts, each with its sample keys', async () => {
    await expectLikeSample(2, await get('/api/v1/get_details/1'), { 'data[].User': USER_UNION, 'data[].currentBillingCycleUsage': USAGE_UNION });
  });

  it('E3 get_all: three parts per user (User, currentBillingCycleUsage, staticIpMac) for every user, location inside User', async () => {
    const reply = await get('/api/v1/get_all');
    // the sample is the data list's content; the envelope is the usual one
    expect(Object.keys(reply.body)).toEqual(['status', 'errorCode', 'data']);
    const sample = sampleOf(bySection.get(3)!);
    expect(differences(sample, reply.body.data, { '[].User': [...USER_UNION, ...LOCATION], '[].currentBillingCycleUsage': USAGE_UNION })).toEqual([]);
    expect(reply.body.data.length % 3).toBe(0);
  });

  it('E4, E8, E9: the flat user records with staticIp', async () => {
    const flat = { 'data[]': USER_UNION };
    const byDate = await get('/api/v1/get_users_by_date', { FromDate: '2000-01-01', toDate: '2999-12-31', basedON: 'created' });
    expect(byDate.body.data.length).toBeGreaterThan(0);
    await expectLikeSample(4, byDate, flat);
    await expectLikeSample(8, await get(`/api/v1/get_user_by_phone/${encodeURIComponent(phone)}`), flat);
    // E9's `{ [ … ] }` is no JSON: the reply is the usual envelope with the list in data (see COMPATIBILITY.md)
    const e9 = await get(`/api/v1/get_user_by_username/${encodeURIComponent(username)}`);
    expect(Object.keys(e9.body)).toEqual(['status', 'errorCode', 'data']);
    expect(differences((sampleOf(bySection.get(9)!)[0] as { '': unknown })[''], e9.body.data, { '[]': USER_UNION })).toEqual([]);
  });

  it('E5 get_group_details and E29 get_allowed_groups', async () => {
    await expectLikeSample(5, await get('/api/v1/get_group_details'));
    await expectLikeSample(29, await get('/api/v1/get_allowed_groups/1'));
  });

  it('E6 get_all_user_ids and E7 get_users_by_phone', async () => {
    const ids = await get('/api/v1/get_all_user_ids');
    expect(ids.body.every((id: unknown) => typeof id === 'string')).toBe(true);
    // E7's `[ "success": …, "errorCode" = 200 ]` is no JSON: its pairs are served as an object (see COMPATIBILITY.md)
    const e7 = await post('/api/v1/get_users_by_phone', { phone });
    expect(differences((sampleOf(bySection.get(7)!)[0] as unknown[])[0], e7.body, {})).toEqual([]);
  });

  it('E11 get_user_password, E26 get_logofftime_onlinestatus, E37 get_users_count, E41 get_basic_user_details', async () => {
    await expectLikeSample(11, await get('/api/v1/get_user_password/1'));
    await expectLikeSample(26, await get('/api/v1/get_logofftime_onlinestatus/1'));
    await expectLikeSample(37, await get('/api/v1/get_users_count'));
    await expectLikeSample(41, await get('/api/v1/get_basic_user_details'), { 'data[]': USER_UNION });
  });

  it('E13 get_user_from_all_accounts: three parts per user; the sample’s credentials are never returned', async () => {
    const reply = await get(`/api/v1/get_user_from_all_accounts/username/${encodeURIComponent(username)}`);
    const sample = sampleOf(bySection.get(13)!)[0] as { data: Record<string, Record<string, unknown>>[] };
    // api_token / api_key are credentials: declared missing here, and asserted absent
    const { api_token: _token, api_key: _key, ...user } = sample.data[0]!.User!;
    const mended = { ...sample, data: [{ User: user }, ...sample.data.slice(1)] };
    expect(differences(mended, reply.body, { 'data[].User': [...USER_UNION, ...LOCATION], 'data[].currentBillingCycleUsage': USAGE_UNION })).toEqual([]);
    expect(reply.body.data[0].User).not.toHaveProperty('api_key');
    expect(reply.body.data[0].User).not.toHaveProperty('api_token');
  });

  it('E10, E12, E14: writes answer the sample’s envelope', async () => {
    const plans = await t.gql<{ plans: { nodes: { legacyId: number }[] } }>('{ plans(first: 100, filter: { kind: SERVICE, enabled: true }) { nodes { legacyId } } }');
    await expectLikeSample(10, await post('/api/v1/move_group', { userId: 2, groupId: plans.data.plans.nodes[0]!.legacyId, type: 'moveImmediately', clearUserDataUsage: 'no', clearUserPolicies: 'no', moveBilling: 'no' }));
    // a delayed move adds effectiveDate beside the documented message (see COMPATIBILITY.md)
    await expectLikeSample(10, await post('/api/v1/move_group', { userId: 3, groupId: plans.data.plans.nodes[1]!.legacyId, type: 'customDate', customDateTo: '2090-06-15', clearUserDataUsage: 'no', clearUserPolicies: 'no', moveBilling: 'no' }), { '': ['effectiveDate'] });
    await expectLikeSample(14, await post('/api/v1/add_grace_period', { userId: 2, days: 1 }));
    const [deletable] = await rows<{ id: number }>(t.database.handle.db, sql`select c.id from customers c join operators o on o.id = c.operator_id and o.code = 'demo'
      where c.status <> 'current' and not exists (select 1 from invoices i where i.customer_id = c.id) and not exists (select 1 from payments p where p.customer_id = c.id)
      and not exists (select 1 from customer_ips i where i.customer_id = c.id) order by c.id desc limit 1`);
    expect(deletable).toBeDefined();
    await expectLikeSample(12, await get(`/api/v1/delete_user/${deletable!.id}/yes`));
  });

  it('E15–E20: areas, streets and buildings', async () => {
    await expectLikeSample(15, await post('/api/v1/add_area', { areaName: 'Sample Area' }));
    const areas = (await get('/api/v1/get_all_areas')).body;
    await expectLikeSample(18, { body: areas });
    const area = areas.data.find((a: { CollectionArea: { area: string } }) => a.CollectionArea.area === 'Sample Area').CollectionArea.id;
    await expectLikeSample(16, await post('/api/v1/add_street', { StreetName: 'Sample Street', inputAreaId: area }));
    const streets = await post('/api/v1/get_all_streets', { inputAreaId: area });
    await expectLikeSample(19, streets);
    const street = streets.body.data[0].CollectionStreet.id;
    await expectLikeSample(17, await post('/api/v1/add_block', { BlockName: 'Sample Block', inputStreetId: street }));
    await expectLikeSample(20, await post('/api/v1/get_all_buildings', { streetId: street }));
  });

  it('E21–E25, E27, E35, E39: the collection round, approvals and renewals', async () => {
    const COLLECTOR = 3;
    const round = await post('/api/v1/get_collection_users_areawise', { adminId: COLLECTOR });
    expect(round.body.data[0].length).toBeGreaterThan(0);
    await expectLikeSample(21, round);
    const customer = Number(round.body.data[0][0].UserLocation.user_id);
    await expectLikeSample(27, await post('/api/v1/assign_users_to_admin', { userId: customer, accountId: 'demo', adminId: COLLECTOR }), { '': ['errorCode'] });
    await expectLikeSample(39, await get(`/api/v1/payment_collection_request/${customer}/500`));
    for (let i = 0; i < 2; i++) {
      await expectLikeSample(25, await post('/api/v1/collect_user_payment', { userId: customer, amount: '10.00', statusOfCollection: 'cashCollected', method: 'cash', notes: 'sample' }), { '': ['errorCode'] });
    }
    const pending = await post('/api/v1/get_collection_approval_users', {});
    expect(pending.body.data[0].length).toBeGreaterThan(1);
    await expectLikeSample(22, pending);
    type Entry = { UserLocation: { user_id: string }; PaymentCollectionMode: { paymentcollectionId: string; amount: string } };
    const mine = (pending.body.data[0] as Entry[]).filter((e) => Number(e.UserLocation.user_id) === customer).map((e) => e.PaymentCollectionMode);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const [first, second] = mine as [Entry['PaymentCollectionMode'], Entry['PaymentCollectionMode']];
    await expectLikeSample(23, await post('/api/v1/collection_approval', { userId: customer, amount: first.amount, modelId: first.paymentcollectionId }));
    await expectLikeSample(24, await post('/api/v1/collection_disapproval', { userId: customer, modelId: second.paymentcollectionId }));
    const renewals = await post('/api/v1/get_renewal_details', {});
    expect(renewals.body.message.length).toBeGreaterThan(0);
    await expectLikeSample(35, renewals);
  });

  it('E28 override_user_bandwidth and E30 override_user_vendor_attributes', async () => {
    const [template] = await rows<{ id: number }>(t.database.handle.db, sql`select b.id from bandwidth_templates b join operators o on o.id = b.operator_id where o.code = 'demo' order by b.id limit 1`);
    await expectLikeSample(28, await post('/api/v1/override_user_bandwidth', { userId: 4, bandwidthTemplate: template!.id, bandwidthResetEveryValueDay: 1 }));
    await expectLikeSample(30, await post('/api/v1/override_user_vendor_attributes', {
      userId: 4, 'vendorData[0][type]': 'reply', 'vendorData[0][vendor]': 'Mikrotik', 'vendorData[0][attribute]': 'Mikrotik-Rate-Limit', 'vendorData[0][equals]': ':=', 'vendorData[0][value]': '2M/2M',
    }));
  });

  it('E34 release_ip_mac and E40 get_user_logs', async () => {
    const [bound] = await rows<{ customer_id: number }>(t.database.handle.db, sql`select i.customer_id from customer_ips i join operators o on o.id = i.operator_id and o.code = 'demo' order by i.id limit 1`);
    await expectLikeSample(34, await post('/api/v1/release_ip_mac', { userId: bound!.customer_id, whichIpMacRow: 0 }));
    const [logged] = await rows<{ customer_id: number }>(t.database.handle.db, sql`select m.customer_id from messages m join operators o on o.id = m.operator_id and o.code = 'demo'
      where m.channel = 'sms' order by m.id limit 1`);
    expect(logged).toBeDefined();
    const logs = await get(`/api/v1/get_user_logs/${logged!.customer_id}`);
    expect(logs.body.message.length).toBeGreaterThan(0);
    await expectLikeSample(40, logs);
  });
});
