/**
 * The OperatorAPI through the real legacy clients from Debian's packages: Perl SOAP::Lite
 * without a WSDL (named and positional arguments, non-ASCII data), PHP SoapClient without a WSDL
 * (SoapParam and an associative array sent as an Apache Map) and with the WSDL, and Python zeep
 * with the WSDL. Each runs the same scenario, which calls every catalogue operation, and the
 * effects are checked through GraphQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { clientAvailable, startClient, type ClientKind, type LegacyClient } from '../helpers/legacy-clients';
import { SIMPLER_OPERATIONS } from '../../src/legacy/simpler/catalogue';
import { PATTERN_PARAMETERS } from '../../src/legacy/soap/wsdl';
import { runScenario, SCENARIO_OPERATIONS } from './scenario';

/**
 * WSDL-driven clients can only send declared elements: parameters named by pattern (custom-table
 * columns, custom fields) travel as the WSDL's key/value `additional_parameters` items.
 */
function packPatterned(params: [string, string | null][]): [string, unknown][] {
  const patterned = params.filter(([name]) => /^(columnid\d+|custom_field_\d+)$/.test(name));
  if (patterned.length === 0) return params;
  const plain = params.filter((p) => !patterned.includes(p));
  return [...plain, [PATTERN_PARAMETERS, { item: patterned.map(([key, value]) => ({ key, value })) }]];
}

const KINDS: ClientKind[] = ['perl', 'php-nowsdl', 'php-wsdl', 'zeep'];
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
    const [customer] = (await t.gql<{ customers: { nodes: { legacyId: number; email: string }[] } }>(`{ customers(first: 1) { nodes { legacyId email } } }`)).data.customers.nodes;
    // api_username, api_password, operator (undef: sent as xsi:nil), email
    expect(await client.call('checkExistingEmail', [...CREDENTIALS, ['operator', null], ['email', customer!.email]], 'positional')).toEqual({ result: String(customer!.legacyId) });
  });

  it.runIf(available && kind === 'php-nowsdl')('pings with an associative array (Apache Map)', async () => {
    expect(await client.call('pingAPI', CREDENTIALS, 'map')).toEqual({ result: 'OK' });
  });

  it.runIf(available && (kind === 'perl' || kind === 'php-nowsdl'))('receives a SOAP 1.1 Fault with its faultstring for an unknown operation', async () => {
    const reply = await client.call('launchRocket', CREDENTIALS);
    expect(reply.fault).toBe('unknown operation launchRocket');
    expect(String(reply.faultcode)).toMatch(/Client$/);
  });

  it.runIf(available && kind === 'zeep')('sees every catalogue operation in the WSDL', () => {
    expect(client.greeting?.operations).toEqual(SIMPLER_OPERATIONS.map((op) => op.name).sort());
  });

  it.runIf(available && kind === 'php-wsdl')('sees every catalogue operation in the WSDL', () => {
    expect(client.greeting?.operations).toBe(SIMPLER_OPERATIONS.length);
  });

  it.runIf(available)('runs the scenario over every operation, with effects visible in GraphQL', async () => {
    const wsdl = kind === 'zeep' || kind === 'php-wsdl';
    await runScenario({ call: (op, params) => client.call(op, [...CREDENTIALS, ...(wsdl ? packPatterned(params) : params)]), gql: t.gql, kind });
  }, 120_000);

  it('the scenario covers every catalogue operation', () => {
    expect([...SCENARIO_OPERATIONS].sort()).toEqual(SIMPLER_OPERATIONS.map((op) => op.name).sort());
  });
});
