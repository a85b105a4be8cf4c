/**
 * The OperatorAPI through the real legacy clients from Debian's packages: Perl SOAP::Lite
 * without a WSDL (named and positional arguments, non-ASCII data), PHP SoapClient without a WSDL
 * (SoapParam and an associative array sent as an Apache Map) and with the WSDL, and Python zeep
 * with the WSDL; and node-soap (npm `soap`) with the WSDL, in-process. Each runs the same
 * scenario, which calls every catalogue operation, and the effects are checked through GraphQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { clientAvailable, startClient, WSDL_CLIENTS, type ClientKind, type LegacyClient } from '../helpers/legacy-clients';
import { SIMPLER_OPERATIONS } from '../../src/legacy/simpler/catalogue';
import { DECLARED_PATTERN_IDS, PATTERN_PARAMETERS } from '../../src/legacy/soap/wsdl';
import { parseXml } from '../../src/legacy/xml/parse';
import { runScenario, SCENARIO_OPERATIONS } from './scenario';

/**
 * WSDL-driven clients can only send declared elements: the WSDL declares pattern parameters
 * (custom-table columns, custom fields) for ids up to DECLARED_PATTERN_IDS; higher ids travel as
 * its key/value `additional_parameters` items.
 */
function packPatterned(params: [string, string | null][]): [string, unknown][] {
  const patterned = params.filter(([name]) => /^(columnid|custom_field_)(\d+)$/.test(name) && Number(/\d+$/.exec(name)![0]) > DECLARED_PATTERN_IDS);
  if (patterned.length === 0) return params;
  const plain = params.filter((p) => !patterned.includes(p));
  return [...plain, [PATTERN_PARAMETERS, { item: patterned.map(([key, value]) => ({ key, value })) }]];
}

const KINDS: ClientKind[] = ['perl', 'php-nowsdl', 'php-wsdl', 'zeep', 'node-soap'];
const CREDENTIALS: [string, string][] = [
  ['api_username', 'demo'],
  ['api_password', 'demo'],
];

// Real PostgreSQL when configured (it is in CI), else the embedded engine: the clients, not the
// engine, are under test here.
const engine = enabledEngines().at(-1)!;

describe.each(KINDS)('the %s client', (kind) => {
  const available = clientAvailable(kind);
  let t: TestApp;
  let client: LegacyClient;

  beforeAll(async () => {
    if (!available) return;
    t = await startTestApp(engine);
    client = await startClient(kind, t.url);
  }, 60_000);
  afterAll(async () => {
    await client?.close();
    await t?.stop();
  });

  it.runIf(available)('pings with named arguments', async () => {
    expect(await client.call('pingAPI', CREDENTIALS)).toEqual({ result: 'OK' });
  });

  it.runIf(available)('gets the documented error string for bad credentials', async () => {
    expect(await client.call('pingAPI', [['api_username', 'demo'], ['api_password', 'nope']])).toEqual({ result: 'ERROR: invalid api_username/api_password' });
  });

  it.runIf(available && kind === 'perl')('pings with positional arguments (c-gensym)', async () => {
    expect(await client.call('pingAPI', CREDENTIALS, 'positional')).toEqual({ result: 'OK' });
  });

  it.runIf(available && kind === 'perl')('passes positional arguments in the documented order, undef for a skipped one', async () => {
    const [customer] = (await t.gql<{ customers: { nodes: { legacyId: number; name: string }[] } }>(`{ customers(first: 1) { nodes { legacyId name } } }`)).data.customers.nodes;
    // api_username, api_password, operator (undef: sent as xsi:nil), customerid
    const reply = await client.call('getCustomerData', [...CREDENTIALS, ['operator', null], ['customerid', String(customer!.legacyId)]], 'positional');
    expect(reply.result).toContain(`<customer id="${customer!.legacyId}">`);
  });

  it.runIf(available && kind === 'perl')('reads checkExistingEmail(user, password, email) positionally: its documented list has no operator', async () => {
    const customer = (await t.gql<{ customers: { nodes: { legacyId: number; email: string | null }[] } }>(`{ customers(first: 20) { nodes { legacyId email } } }`)).data.customers.nodes.find((c) => c.email);
    expect(await client.call('checkExistingEmail', [...CREDENTIALS, ['email', customer!.email]], 'positional')).toEqual({ result: String(customer!.legacyId) });
    expect(await client.call('checkExistingEmail', [...CREDENTIALS, ['email', 'nobody@nowhere.example']], 'positional')).toEqual({ result: '0' });
  });

  it.runIf(available && WSDL_CLIENTS.includes(kind))('still sends pattern parameters as additional_parameters items, the form for ids above the declared ones', async () => {
    const [customer] = (await t.gql<{ customers: { nodes: { legacyId: number }[] } }>(`{ customers(first: 1) { nodes { legacyId } } }`)).data.customers.nodes;
    const id = String(customer!.legacyId);
    const fields = async () => {
      const reply = await client.call('getCustomerData', [...CREDENTIALS, ['customerid', id], ['customFields', '1']]);
      return parseXml(reply.result as string).children.find((c) => c.local === 'customFields')!.children;
    };
    const field = (await fields()).find((f) => f.children.find((c) => c.local === 'label')?.text === 'Router model')!;
    const fieldId = field.attributes.find((a) => a.local === 'id')!.value;
    const map = { item: [{ key: `custom_field_${fieldId}`, value: `mapped by ${kind}` }] };
    expect(await client.call('modifyCustomer', [...CREDENTIALS, ['customerid', id], [PATTERN_PARAMETERS, map]])).toEqual({ result: 'OK' });
    const stored = (await fields()).find((f) => f.attributes.some((a) => a.local === 'id' && a.value === fieldId))!;
    expect(stored.children.find((c) => c.local === 'value')?.text).toBe(`mapped by ${kind}`);
  });

  it.runIf(available && kind === 'php-nowsdl')('pings with an associative array (Apache Map)', async () => {
    expect(await client.call('pingAPI', CREDENTIALS, 'map')).toEqual({ result: 'OK' });
  });

  it.runIf(available && (kind === 'perl' || kind === 'php-nowsdl'))('receives a SOAP 1.1 Fault with its faultstring for an unknown operation', async () => {
    const reply = await client.call('launchRocket', CREDENTIALS);
    expect(reply.fault).toBe('unknown operation launchRocket');
    expect(String(reply.faultcode)).toMatch(/Client$/);
  });

  it.runIf(available && (kind === 'zeep' || kind === 'node-soap'))('sees every catalogue operation in the WSDL', () => {
    expect(client.greeting?.operations).toEqual(SIMPLER_OPERATIONS.map((op) => op.name).sort());
  });

  it.runIf(available && kind === 'php-wsdl')('sees every catalogue operation in the WSDL', () => {
    expect(client.greeting?.operations).toBe(SIMPLER_OPERATIONS.length);
  });

  it.runIf(available)('runs the scenario over every operation, with effects visible in GraphQL', async () => {
    const wsdl = WSDL_CLIENTS.includes(kind);
    await runScenario({ call: (op, params) => client.call(op, [...CREDENTIALS, ...(wsdl ? packPatterned(params) : params)]), gql: t.gql, kind });
  }, 120_000);

  it('the scenario covers every catalogue operation', () => {
    expect([...SCENARIO_OPERATIONS].sort()).toEqual(SIMPLER_OPERATIONS.map((op) => op.name).sort());
  });
});
