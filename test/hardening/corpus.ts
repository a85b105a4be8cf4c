/**
 * A deterministic corpus of malformed and hostile requests against every surface, built from
 * the operation catalogues (so every parameter of every documented operation is covered) and a
 * seeded generator (so a failure names a case that replays identically). Each case is one HTTP
 * request — or raw bytes on a socket for request lines a client library would refuse to send.
 */
import { CRM_OPERATIONS } from '../../src/legacy/crm/catalogue';
import { JAZE_OPERATIONS } from '../../src/legacy/jaze/catalogue';
import type { LegacyOperation, ParamSpec } from '../../src/legacy/catalog/operation';
import { M4_OPERATIONS } from '../../src/legacy/m4/catalogue';
import { SIMPLER_OPERATIONS } from '../../src/legacy/simpler/catalogue';
import { DEMO_API, soapEnvelope } from '../helpers/simpler';

export type Surface = 'soap' | 'rest' | 'jaze' | 'crm' | 'm4' | 'graphql' | 'http';

export interface CorpusCase {
  family: string;
  surface: Surface;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Bytes written as they are on a fresh socket (request lines clients refuse to send). */
  raw?: Buffer;
  /** The reply must be a refusal: not HTTP 2xx with a success body (see isRefusal in the test). */
  mustRefuse?: boolean;
}

/** mulberry32: a small seeded generator, enough to pick cut points and payloads reproducibly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRM_AUTH = { userid: '5', api_key: '0f9895fb407c83e5ea128082098b47681aa75d6944576423c4' };
const JAZE_AUTH = { authorization: 'Bearer demo-token' };
const GQL_AUTH = { authorization: 'Bearer demo-token', 'content-type': 'application/json' };

export const SQL_META = [
  `' OR '1'='1`,
  `'; DROP TABLE customers; --`,
  `" OR ""="`,
  `1; SELECT pg_sleep(5)`,
  `\\'; --`,
  `%' OR name LIKE '%`,
  `$$; DELETE FROM resellers; $$`,
  `/* */ UNION SELECT NULL, version() --`,
  `E'\\x27'`,
  `) OR (1=1`,
];
const NUL_VALUES = ['a\u0000b', '\u0000', 'x\u0000\u0000'];
/** JSON lexemes (written into the body as they are) that no id or amount may accept. */
const TYPE_CONFUSION = ['true', 'false', '1.0', '1e0', '" 1 "', '"+1"', '[1,2]', '{"a":1}', '1.5', '"0x1"', '"1e3"', '"1_000"', '"١"', '1e400', '"Infinity"', '"NaN"'];
/** `1.0` and `1.5` are amounts as documented; every other confusion is wrong for money too. */
const confusionsFor = (p: ParamSpec) => (p.kind === 'money' ? TYPE_CONFUSION.filter((l) => l !== '1.0' && l !== '1.5') : TYPE_CONFUSION);
export const BAD_MONEY = ['+1', '1e2', '1E2', '1.005', '1,00', 'Infinity', 'NaN', ' 1', '1 ', '0x1', '١٢', '1.', '.5', '--1', '1234567890123', '1.0.0', '½', '1e-2', '0.001', '12,5'];
const BAD_PATH_ESCAPES = ['%ff', '%c3%28', '%zz', '%', '%e0%80', '%f0%28%8c%28', '%c0%af', '%ed%a0%80', 'a%00b', '%fe%ff'];

const isRead = (op: LegacyOperation) => /^(get|list|search|check)|^plan\/list|^reseller\/(list|wallet_txn)|^get_|^user_details/i.test(op.name);

function simplerRest(op: LegacyOperation, params: Record<string, string>, family: string, mustRefuse = false): CorpusCase {
  return { family, surface: 'rest', method: 'POST', path: `/API/${op.name}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...DEMO_API, ...params }), mustRefuse };
}

function simplerSoap(op: LegacyOperation, params: Record<string, string>, family: string, mustRefuse = false): CorpusCase {
  return { family, surface: 'soap', method: 'POST', path: '/API/operatorapi.pl', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: op.name }, body: soapEnvelope(op.name, { ...DEMO_API, ...params }), mustRefuse };
}

/** A path-addressed call (Jaze, CRM, M4): path params filled from `params` (else "1"), the rest as a JSON or form body. */
function routed(surface: Surface, op: LegacyOperation, params: Record<string, string>, family: string, options: { json?: boolean; mustRefuse?: boolean; rawJson?: Record<string, string> } = {}): CorpusCase {
  const route = op.routes![0]!;
  const rest = { ...params };
  const path = route.path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = rest[name] ?? '1';
    delete rest[name];
    return encodeURIComponent(value);
  });
  const auth: Record<string, string> = surface === 'crm' ? CRM_AUTH : surface === 'm4' ? { u: 'admin', hash: '0' } : {};
  const headers: Record<string, string> = surface === 'jaze' ? { ...JAZE_AUTH } : {};
  const all = { ...auth, ...rest };
  if (route.method === 'GET') {
    return { family, surface, method: 'GET', path: `${path}?${new URLSearchParams(all)}`, headers, mustRefuse: options.mustRefuse };
  }
  if (options.json || options.rawJson) {
    const entries = [...Object.entries(all).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`), ...Object.entries(options.rawJson ?? {}).map(([k, lexeme]) => `${JSON.stringify(k)}:${lexeme}`)];
    return { family, surface, method: route.method, path, headers: { ...headers, 'content-type': 'application/json' }, body: `{${entries.join(',')}}`, mustRefuse: options.mustRefuse };
  }
  return { family, surface, method: route.method, path, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(all).toString(), mustRefuse: options.mustRefuse };
}

const textParams = (op: LegacyOperation) => op.params.filter((p) => p.kind === 'text' && !p.values);
const numberParams = (op: LegacyOperation) => op.params.filter((p) => p.kind === 'integer' || p.kind === 'money');
const moneyParams = (op: LegacyOperation) => op.params.filter((p) => p.kind === 'money');
/** Valid-looking values for the required parameters, so a call reaches the parameter under test. */
function requiredFill(op: LegacyOperation, except: string): Record<string, string> {
  const fill: Record<string, string> = {};
  for (const p of op.params) if (p.required && p.name !== except) fill[p.name] = sample(p);
  return fill;
}
function sample(p: ParamSpec): string {
  if (p.values) return p.values[0]!;
  switch (p.kind) {
    case 'integer':
    case 'integerList':
      return '1';
    case 'decimal':
    case 'money':
      return '1.00';
    case 'boolean':
      return '1';
    case 'email':
      return 'a@example.com';
    case 'usDate':
      return '01/02/2024';
    case 'euDate':
      return '02/01/2024';
    case 'isoDate':
      return '2024-01-02';
    default:
      return 'x';
  }
}

function* nulText(): Generator<CorpusCase> {
  for (const op of SIMPLER_OPERATIONS) {
    for (const p of textParams(op)) {
      for (const v of NUL_VALUES.slice(0, 2)) {
        yield simplerRest(op, { ...requiredFill(op, p.name), [p.name]: v }, 'nul-text', true);
        yield simplerSoap(op, { ...requiredFill(op, p.name), [p.name]: v }, 'nul-text', true);
      }
    }
    yield simplerRest(op, { api_username: 'demo\u0000' }, 'nul-text', true);
  }
  for (const [surface, ops] of [['jaze', JAZE_OPERATIONS], ['crm', CRM_OPERATIONS], ['m4', M4_OPERATIONS]] as const) {
    for (const op of ops) {
      for (const p of op.params.filter((q) => q.kind === 'text' || /:/.test(op.routes![0]!.path))) {
        for (const v of NUL_VALUES) yield routed(surface, op, { ...requiredFill(op, p.name), [p.name]: v }, 'nul-text', { mustRefuse: true, json: v.length > 1 });
      }
    }
  }
  for (const v of NUL_VALUES) {
    yield routed('m4', M4_OPERATIONS[0]!, { u: v, user_id: '1' }, 'nul-text', { mustRefuse: true });
    yield routed('crm', CRM_OPERATIONS[0]!, { userid: v, api_key: 'k' }, 'nul-text', { mustRefuse: true });
  }
}

function* sqlMeta(): Generator<CorpusCase> {
  for (const op of SIMPLER_OPERATIONS) {
    const read = isRead(op);
    for (const p of textParams(op)) {
      for (const v of read ? SQL_META : SQL_META.slice(0, 3)) {
        // Writes are sent with a wrong password: the payload must reach no table, and none may change.
        const params = { ...requiredFill(op, p.name), [p.name]: v, ...(read ? {} : { api_password: v }) };
        yield simplerRest(op, params, 'sql-meta');
        yield simplerSoap(op, params, 'sql-meta');
      }
    }
    for (const v of SQL_META) yield simplerRest(op, { api_username: v, api_password: v }, 'sql-meta', true);
  }
  for (const [surface, ops] of [['jaze', JAZE_OPERATIONS], ['crm', CRM_OPERATIONS]] as const) {
    for (const op of ops) {
      const read = isRead(op) || op.routes![0]!.method === 'GET';
      for (const p of textParams(op)) {
        for (const v of SQL_META) {
          if (read) yield routed(surface, op, { ...requiredFill(op, p.name), [p.name]: v }, 'sql-meta', { json: true });
          else yield { ...routed(surface, op, { ...requiredFill(op, p.name), [p.name]: v, ...(surface === 'crm' ? { api_key: v } : {}) }, 'sql-meta', { json: true }), ...(surface === 'jaze' ? { headers: { authorization: `Bearer ${encodeURIComponent(v)}`, 'content-type': 'application/json' } } : {}) };
        }
      }
    }
  }
  for (const v of SQL_META) yield routed('m4', M4_OPERATIONS[0]!, { u: v, user_id: v }, 'sql-meta', { mustRefuse: true });
}

function* jsonTypes(): Generator<CorpusCase> {
  for (const op of SIMPLER_OPERATIONS) {
    for (const p of numberParams(op)) {
      for (const lexeme of confusionsFor(p)) {
        const fill = requiredFill(op, p.name);
        const body = `{${[...Object.entries({ ...DEMO_API, ...fill }).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`), `${JSON.stringify(p.name)}:${lexeme}`].join(',')}}`;
        yield { family: 'json-type', surface: 'rest', method: 'POST', path: `/API/${op.name}`, headers: { 'content-type': 'application/json' }, body, mustRefuse: true };
      }
    }
  }
  for (const [surface, ops] of [['jaze', JAZE_OPERATIONS], ['crm', CRM_OPERATIONS]] as const) {
    for (const op of ops) {
      if (op.routes![0]!.method === 'GET') continue;
      for (const p of numberParams(op)) {
        if (op.routes![0]!.path.includes(`:${p.name}`)) continue;
        for (const lexeme of confusionsFor(p)) yield routed(surface, op, requiredFill(op, p.name), 'json-type', { rawJson: { [p.name]: lexeme }, mustRefuse: true });
      }
    }
  }
}

function* badMoney(): Generator<CorpusCase> {
  for (const op of SIMPLER_OPERATIONS) {
    for (const p of moneyParams(op)) {
      for (const v of BAD_MONEY) {
        yield simplerRest(op, { ...requiredFill(op, p.name), [p.name]: v }, 'bad-money', true);
        yield simplerSoap(op, { ...requiredFill(op, p.name), [p.name]: v }, 'bad-money', true);
      }
    }
  }
  for (const [surface, ops] of [['jaze', JAZE_OPERATIONS], ['crm', CRM_OPERATIONS]] as const) {
    for (const op of ops) {
      for (const p of moneyParams(op)) {
        for (const v of BAD_MONEY) {
          yield routed(surface, op, { ...requiredFill(op, p.name), [p.name]: v }, 'bad-money', { mustRefuse: true });
          yield routed(surface, op, { ...requiredFill(op, p.name), [p.name]: v }, 'bad-money', { mustRefuse: true, json: true });
        }
      }
    }
  }
  for (const v of BAD_MONEY) {
    yield graphql({ query: 'mutation($a: Decimal!) { resellerWalletAdjust(input: {resellerId: "UmVzZWxsZXI6MQ", action: TOP_UP, amount: $a}) { userErrors { message } } }', variables: { a: v } }, 'bad-money', true);
  }
}

function graphql(payload: unknown, family: string, mustRefuse = false): CorpusCase {
  return { family, surface: 'graphql', method: 'POST', path: '/graphql', headers: GQL_AUTH, body: typeof payload === 'string' ? payload : JSON.stringify(payload), mustRefuse };
}

function* badEncoding(): Generator<CorpusCase> {
  const pathRoutes = [...JAZE_OPERATIONS, ...CRM_OPERATIONS].flatMap((op) => (op.routes ?? []).filter((r) => r.path.includes(':')).map((r) => ({ op, route: r })));
  for (const { op, route } of pathRoutes) {
    for (const escape of BAD_PATH_ESCAPES) {
      const path = route.path.replace(/:[A-Za-z_]+/g, escape);
      yield { family: 'bad-encoding', surface: CRM_OPERATIONS.includes(op) ? 'crm' : 'jaze', method: route.method, path, headers: JAZE_AUTH, mustRefuse: true };
    }
  }
  const targets: [Surface, string, string][] = [
    ['rest', 'POST', '/API/getCustomer'],
    ['rest', 'GET', '/restapi/customer'],
    ['jaze', 'GET', '/api/v1/get_user_list'],
    ['crm', 'POST', '/api/plan/list'],
    ['crm', 'POST', '/api/reseller/wallet_update'],
    ['m4', 'GET', '/billing/api/user_details_raw_get'],
    ['graphql', 'GET', '/graphql'],
  ];
  for (const [surface, method, path] of targets) {
    for (const escape of BAD_PATH_ESCAPES) {
      yield { family: 'bad-encoding', surface, method, path: `${path}?api_username=${escape}&u=${escape}&query=${escape}&name=${escape}`, headers: JAZE_AUTH, mustRefuse: true };
      if (method === 'POST') {
        yield { family: 'bad-encoding', surface, method, path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `api_username=demo&api_password=demo&userid=5&name=${escape}`, mustRefuse: true };
      }
    }
    for (const bytes of [[0xff], [0xc3, 0x28], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf], [0xfe, 0xff]]) {
      const bad = Buffer.from(bytes);
      const json = Buffer.concat([Buffer.from('{"api_username":"demo","api_password":"demo","userid":"5","name":"'), bad, Buffer.from('"}')]);
      const form = Buffer.concat([Buffer.from('api_username=demo&api_password=demo&name='), bad]);
      const gql = Buffer.concat([Buffer.from('{"query":"{ customers(first: 1) { totalCount } }","variables":{"x":"'), bad, Buffer.from('"}}')]);
      if (surface === 'graphql') yield { family: 'bad-encoding', surface, method: 'POST', path, headers: GQL_AUTH, body: gql, mustRefuse: true };
      else {
        yield { family: 'bad-encoding', surface, method: 'POST', path, headers: { ...JAZE_AUTH, 'content-type': 'application/json' }, body: json, mustRefuse: true };
        yield { family: 'bad-encoding', surface, method: 'POST', path, headers: { ...JAZE_AUTH, 'content-type': 'application/x-www-form-urlencoded' }, body: form, mustRefuse: true };
      }
      const soap = Buffer.concat([Buffer.from(soapEnvelope('getCustomer', { ...DEMO_API, custId: '1' }).replace('<custId', '<name>x</name><custId').split('x</name>')[0]!), bad, Buffer.from(soapEnvelope('getCustomer', { ...DEMO_API, custId: '1' }).replace('<custId', '<name>x</name><custId').split('x</name>')[1]!).subarray(0), Buffer.alloc(0)]);
      yield { family: 'bad-encoding', surface: 'soap', method: 'POST', path: '/API/operatorapi.pl', headers: { 'content-type': 'text/xml' }, body: soap, mustRefuse: true };
      yield { family: 'bad-encoding', surface: 'soap', method: 'POST', path: '/API/operatorapi.pl', headers: { 'content-type': 'text/xml' }, body: soapEnvelope('getCustomer', { ...DEMO_API }).replace('</getCustomer>', `<custName xsi:type="xsd:base64Binary">${bad.toString('base64')}</custName></getCustomer>`), mustRefuse: true };
    }
  }
}

function soapRaw(body: string | Buffer, family: string): CorpusCase {
  return { family, surface: 'soap', method: 'POST', path: '/API/operatorapi.pl', headers: { 'content-type': 'text/xml; charset=utf-8' }, body, mustRefuse: true };
}

function* xml(random: () => number): Generator<CorpusCase> {
  const env = (inner: string) => `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${inner}</s:Body></s:Envelope>`;
  const laughs = (levels: number) =>
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: levels }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>` +
    env(`<getCustomer><api_username>&lol${levels};</api_username></getCustomer>`);
  for (let levels = 1; levels <= 12; levels++) yield soapRaw(laughs(levels), 'xml-bomb');
  for (const target of ['file:///etc/passwd', 'http://127.0.0.1:1/', 'file:///dev/random', 'expect://id', 'php://filter/resource=/etc/passwd']) {
    yield soapRaw(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "${target}">]>${env('<getCustomer><api_username>&xxe;</api_username></getCustomer>')}`, 'xxe');
    yield soapRaw(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "${target}"> %p;]>${env('<getCustomer/>')}`, 'xxe');
    yield soapRaw(`<?xml version="1.0"?><!DOCTYPE x SYSTEM "${target}">${env('<getCustomer/>')}`, 'xxe');
  }
  for (const doctype of ['<!DOCTYPE s:Envelope>', '<!DOCTYPE x [<!ELEMENT x ANY>]>', '<!DOCTYPE x [<!ATTLIST x a CDATA "b">]>', '<!DOCTYPE x PUBLIC "-//X//EN" "x.dtd">', '<!DOCTYPE', '<!DOCTYPE x [']) {
    yield soapRaw(`<?xml version="1.0"?>${doctype}${env('<getCustomer><api_username>demo</api_username></getCustomer>')}`, 'doctype');
  }
  for (const depth of [50, 100, 200, 500, 1000, 5000, 20000, 100000]) {
    yield soapRaw(env(`<getCustomer>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</getCustomer>`), 'deep-xml');
    yield soapRaw(`${'<a>'.repeat(depth)}`, 'deep-xml');
  }
  yield soapRaw(env(`<getCustomer>${'<a/>'.repeat(200_000)}</getCustomer>`), 'deep-xml');
  yield soapRaw(env(`<getCustomer ${Array.from({ length: 5000 }, (_, i) => `a${i}="x"`).join(' ')}/>`), 'deep-xml');
  // Read operations only: a byte flipped outside the XML syntax may leave a valid call, which must not write.
  const samples = SIMPLER_OPERATIONS.filter(isRead).slice(0, 40).map((op) => soapEnvelope(op.name, { ...DEMO_API, ...requiredFill(op, '') }));
  for (let i = 0; i < 1200; i++) {
    const whole = samples[Math.floor(random() * samples.length)]!;
    yield soapRaw(whole.slice(0, Math.floor(random() * (whole.length - 1))), 'truncated-envelope');
  }
  for (let i = 0; i < 200; i++) {
    const whole = Buffer.from(samples[Math.floor(random() * samples.length)]!);
    const at = Math.floor(random() * whole.length);
    whole[at] = Math.floor(random() * 256);
    // One byte changed may still leave a valid call: only the server's survival is asserted.
    yield { ...soapRaw(whole, 'truncated-envelope'), mustRefuse: false };
  }
  for (const body of ['', ' ', 'null', '{}', '<a/>', '<?xml version="1.0"?>', env(''), env('<x:getCustomer xmlns:x="urn:x"><![CDATA[&lol;]]></x:getCustomer>'),
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><getCustomer/></s:Body></s:Envelope>', env('<getCustomer><api_username>&#0;</api_username></getCustomer>'),
    env('<getCustomer><api_username>&#xD800;</api_username></getCustomer>'), env('<getCustomer><custId xsi:type="xsd:base64Binary">!!!</custId></getCustomer>'), env('<getCustomer><param0><item><key/></item></param0></getCustomer>'),
    `<?xml version="1.0" encoding="UTF-16"?>${env('<getCustomer/>')}`, `<?xml version="1.0" encoding="ISO-8859-1"?>${env('<getCustomer/>')}`, '\ufeff' + env('<getCustomer/>'), env('<getCustomer>'.repeat(3)), env('<notAnOperation/>')]) {
    yield soapRaw(body, 'malformed-envelope');
  }
}

function* oversized(): Generator<CorpusCase> {
  const big = 'x'.repeat(2 * 1024 * 1024 + 10);
  yield soapRaw(`<a>${big}</a>`, 'oversized');
  yield { family: 'oversized', surface: 'rest', method: 'POST', path: '/API/getCustomer', headers: { 'content-type': 'application/json' }, body: `{"a":"${big}"}` };
  yield { family: 'oversized', surface: 'jaze', method: 'POST', path: '/api/v1/add_area', headers: { ...JAZE_AUTH, 'content-type': 'application/json' }, body: `{"a":"${big}"}` };
  yield { family: 'oversized', surface: 'crm', method: 'POST', path: '/api/plan/list', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `a=${big}` };
  yield { family: 'oversized', surface: 'm4', method: 'POST', path: '/billing/api/user_details_raw_get', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `u=${big}` };
  yield graphql(`{"query":"${big}"}`, 'oversized');
}

function* graphqlAbuse(random: () => number): Generator<CorpusCase> {
  const nestType = (depth: number) => `{ __type(name: "Query") { ${'fields { type { '.repeat(depth)} name ${'} } '.repeat(depth)} } }`;
  for (const depth of [11, 15, 25, 40, 100, 1000, 3000]) yield graphql({ query: nestType(depth) }, 'graphql-depth', true);
  for (const depth of [100, 1000, 5000, 10000, 50000]) {
    yield graphql({ query: `{${'a{'.repeat(depth)}b${'}'.repeat(depth)}}` }, 'graphql-depth', true);
    yield graphql({ query: `{customer(id: ${'['.repeat(depth)}1${']'.repeat(depth)}) { id }}` }, 'graphql-depth', true);
    yield graphql(`{"query":"query($v: ID) { customer(id: $v) { id } }","variables":{"v":${'['.repeat(depth)}1${']'.repeat(depth)}}}`, 'graphql-depth', true);
  }
  for (const n of [21, 51, 100, 500, 1000, 2000]) {
    yield graphql({ query: `{${Array.from({ length: n }, (_, i) => `a${i}: customers(first: 1) { totalCount }`).join(' ')}}` }, 'graphql-alias', true);
    if (n > 50) yield graphql({ query: `{ customers(first: 1) { edges { node { ${Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ')} } } } }` }, 'graphql-alias', true);
    yield graphql({ query: `{${Array.from({ length: n }, (_, i) => `a${i}: __schema { types { name } }`).join(' ')}}` }, 'graphql-introspection', true);
  }
  for (const n of [2, 3, 10, 100, 1000]) yield graphql(JSON.stringify(Array.from({ length: n }, () => ({ query: '{ customers(first: 1) { totalCount } }' }))), 'graphql-batch', true);
  yield graphql('[]', 'graphql-batch', true);
  for (let n = 2; n <= 20; n++) {
    const names = Array.from({ length: n }, (_, i) => `F${i}`);
    yield graphql({ query: `{ ...F0 } ${names.map((name, i) => `fragment ${name} on Query { ...${names[(i + 1) % n]} __typename }`).join(' ')}` }, 'graphql-fragment-cycle', true);
    const laughs = names.map((name, i) => `fragment ${name} on Query { ${i + 1 < n ? `...${names[i + 1]} `.repeat(10) : '__typename'} }`).join(' ');
    if (n >= 3) yield graphql({ query: `{ customers(first: 1) { totalCount } ...F0 } ${laughs}` }, 'graphql-fragment-cycle', true);
  }
  const introspection = ['{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }', '{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }'];
  for (const q of introspection) for (let i = 1; i <= 20; i++) yield graphql({ query: `{${Array.from({ length: i * 3 }, (_, j) => `x${j}: ${q.slice(1, -1)}`).join(' ')}}` }, 'graphql-introspection', true);
  const wrongVariables: [string, string, unknown][] = [
    ['Int', 'customers(first: $v) { totalCount }', 1.5],
    ['Int', 'customers(first: $v) { totalCount }', 'x'],
    ['Int', 'customers(first: $v) { totalCount }', true],
    ['Int', 'customers(first: $v) { totalCount }', 2 ** 40],
    ['Int', 'customers(first: $v) { totalCount }', [1]],
    ['Int', 'customers(first: $v) { totalCount }', { a: 1 }],
    ['ID', 'customer(id: $v) { id }', 'a\u0000b'],
    ['ID', 'customer(id: $v) { id }', '\ud800'],
    ['ID', 'customer(id: $v) { id }', { a: 1 }],
    ['ID', 'customer(id: $v) { id }', 1.5],
  ];
  for (const [type, field, value] of wrongVariables) yield graphql({ query: `query($v: ${type}) { ${field} }`, variables: { v: value } }, 'graphql-variables', true);
  for (const value of ['not-an-email', 'a@', '@b.c', 'a\u0000@b.c', 12, true]) {
    yield graphql({ query: 'mutation($e: EmailAddress!) { customerCreate(input: { firstName: "A", lastName: "B", email: $e }) { userErrors { message } } }', variables: { e: value } }, 'graphql-variables', true);
  }
  for (const value of ['2024-13-01', '2024-02-30', 'yesterday', '', 20240101, '2024-01-01T00:00:00Z']) {
    yield graphql({ query: 'query($d: Date) { customers(first: 1, createdAfter: $d) { totalCount } }', variables: { d: value } }, 'graphql-variables', true);
  }
  for (const body of ['', '{', '{"query": 1}', '{"query": null}', '{"query": "{", "variables": 5}', '{"query": "{ __typename }", "variables": "x"}', '{"query": "{ __typename }", "operationName": 5}',
    '{"query": "query A { __typename } query B { __typename }"}', '{"query": "subscription { x }"}', '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}', 'null', '"x"', '1e400']) {
    yield graphql(body, 'graphql-malformed', true);
  }
  yield graphql({ query: `{ ${'__typename '.repeat(7000)} }` }, 'graphql-alias', true);
  yield graphql({ query: `{ customer(id: "${'x'.repeat(100_000)}") { id } }` }, 'graphql-malformed', true);
  yield graphql({ query: 'mutation { a: customerDelete(id: "x") { userErrors { message } } }' }, 'graphql-malformed');
  for (let i = 0; i < 200; i++) {
    const query = '{ customers(first: 2) { totalCount edges { node { id nickname } } } }';
    yield graphql({ query: query.slice(0, Math.floor(random() * query.length)) }, 'graphql-malformed', true);
  }
}

function* httpAbuse(): Generator<CorpusCase> {
  const rawLines = [
    'GET /api/v1/get_details/%ff HTTP/1.1', 'GET /%zz%zz HTTP/1.1', 'GET http://[::1 HTTP/1.1', 'GET * HTTP/1.1', 'GET //// HTTP/1.1', 'GET http://x/api/v1/get_details/%ff HTTP/1.1',
    'GET /\u0000 HTTP/1.1', 'BREW /graphql HTTP/1.1', 'GET /graphql HTTP/9.9', 'GET', 'GET /healthz HTTP/1.1\r\nContent-Length: -1', 'POST /graphql HTTP/1.1\r\nContent-Length: 10\r\nContent-Length: 20',
    'POST /API/getCustomer HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz', `GET /healthz HTTP/1.1\r\nX-Long: ${'a'.repeat(20_000)}`, 'GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b', 'GET /healthz HTTP/1.1\r\nbad header',
    'POST /API/getCustomer HTTP/1.1\r\nContent-Length: 100\r\n\r\n{"api_username"', 'GET /api/v1/get_details/%c0%af HTTP/1.1', 'OPTIONS * HTTP/1.1', 'CONNECT 127.0.0.1:1 HTTP/1.1',
  ];
  for (const line of rawLines) yield { family: 'http-raw', surface: 'http', method: 'RAW', path: line, raw: Buffer.from(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1') };
  for (const method of ['PROPFIND', 'TRACE', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'SEARCH', 'PURGE']) {
    for (const path of ['/graphql', '/API/operatorapi.pl', '/api/v1/get_details/1', '/api/plan/list', '/billing/api/user_details_raw_get', '/nope']) {
      yield { family: 'http-method', surface: 'http', method, path };
    }
  }
  const headerSets: Record<string, string>[] = [
    { 'content-type': 'application/json; charset=latin1' }, { 'content-type': 'multipart/form-data; boundary=x' }, { 'content-type': '\t' }, { 'x-request-id': 'a b\tc' },
    { 'x-request-id': 'x'.repeat(5000) }, { authorization: 'Bearer' }, { authorization: 'Bearer ' + 'x'.repeat(8000) }, { authorization: 'Basic %%%' }, { 'content-encoding': 'gzip' }, { accept: 'text/html' },
  ];
  for (const headers of headerSets) {
    for (const [surface, path] of [['graphql', '/graphql'], ['rest', '/API/getCustomer'], ['jaze', '/api/v1/add_area'], ['crm', '/api/plan/list'], ['soap', '/API/operatorapi.pl']] as const) {
      yield { family: 'http-headers', surface, method: 'POST', path, headers, body: '{"query":"{ __typename }"}' };
    }
  }
}

/** Every case, in a fixed order. */
export function buildCorpus(seed = 20261202): CorpusCase[] {
  const random = seeded(seed);
  return [...nulText(), ...sqlMeta(), ...jsonTypes(), ...badMoney(), ...badEncoding(), ...xml(random), ...oversized(), ...graphqlAbuse(random), ...httpAbuse()];
}
