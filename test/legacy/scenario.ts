/**
 * One walk through the whole OperatorAPI, run by every real legacy client: each step calls an
 * operation with wire parameters as a legacy script would, checks the reply, and checks the
 * effect through GraphQL. Steps run in order and pass ids along in `state`. The per-operation
 * suites (test/legacy/simpler-*.test.ts) cover the failures; this walk proves each client can
 * drive each operation end to end.
 */
import { expect } from 'vitest';
import type { TestApp } from '../helpers/app';
import type { ClientReply } from '../helpers/legacy-clients';
import { parseXml, type ParsedElement } from '../../src/legacy/xml/parse';

export interface ScenarioRunner {
  call(op: string, params: [string, string | null][]): Promise<ClientReply>;
  gql: TestApp['gql'];
  kind: string;
}

type State = Record<string, string>;
type P = Record<string, string | undefined>;

interface Step {
  ops: string[];
  run(r: ScenarioRunner, s: State): Promise<void>;
}

/** Calls and returns the string result, failing on faults and client-side errors. */
async function call(r: ScenarioRunner, op: string, params: P = {}): Promise<string> {
  const reply = await r.call(op, Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  expect(reply.fault ?? reply.error, `${r.kind} ${op}`).toBeUndefined();
  expect(typeof reply.result, `${r.kind} ${op}: ${JSON.stringify(reply)}`).toBe('string');
  const result = reply.result as string;
  expect(result.startsWith('ERROR'), `${r.kind} ${op}(${JSON.stringify(params)}) answered ${result}`).toBe(false);
  return result;
}

/** Calls an operation that answers an id in a documented pattern and returns the id. */
async function id(r: ScenarioRunner, op: string, params: P, pattern: RegExp): Promise<string> {
  const result = await call(r, op, params);
  const match = pattern.exec(result);
  expect(match, `${r.kind} ${op} answered ${result}`).not.toBeNull();
  return match![1]!;
}

async function doc(r: ScenarioRunner, op: string, params: P, root: string): Promise<ParsedElement> {
  const parsed = parseXml(await call(r, op, params));
  expect(parsed.local, `${r.kind} ${op}`).toBe(root);
  return parsed;
}

function all(element: ParsedElement, local: string): ParsedElement[] {
  const found: ParsedElement[] = [];
  const walk = (e: ParsedElement) => {
    if (e.local === local) found.push(e);
    e.children.forEach(walk);
  };
  walk(element);
  return found;
}

const attr = (e: ParsedElement, name: string) => e.attributes.find((a) => a.local === name)?.value;

async function graph<T>(r: ScenarioRunner, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await r.gql<T>(query, variables);
  expect(res.errors, query).toBeUndefined();
  return res.data;
}

/** The first demo customer (in id order) holding overage allowances; the demo seed gives a few some. */
async function demoCustomerWithOverageAllowances(r: ScenarioRunner) {
  type Page = { customers: { nodes: { legacyId: number; overageAllowances: { nodes: { legacyId: number; trafficLimitGb: string }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const data: Page = await graph<Page>(
      r,
      `query($after: String) { customers(first: 50, after: $after) { nodes { legacyId overageAllowances(first: 100) { nodes { legacyId trafficLimitGb } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    const holder = data.customers.nodes.find((c) => c.overageAllowances.nodes.length > 0);
    if (holder) return { legacyId: holder.legacyId, overageAllowances: holder.overageAllowances.nodes };
    if (!data.customers.pageInfo.hasNextPage) break;
    after = data.customers.pageInfo.endCursor;
  }
  throw new Error('no demo customer has overage allowances');
}

const customerQuery = `query($id: Int!) { customer(legacyId: $id) { legacyId name nickname email phone status billingAddress { street1 town postcode } } }`;

const STEPS: Step[] = [
  { ops: ['pingAPI'], run: async (r) => expect(await call(r, 'pingAPI')).toBe('OK') },
  {
    ops: ['getCustomerStatuses'],
    run: async (r) => expect(all(await doc(r, 'getCustomerStatuses', {}, 'customerStatusesRoot'), 'array').map((a) => a.text)).toContain('current'),
  },
  {
    ops: ['addCustomer', 'modifyCustomer', 'checkExistingEmail', 'checkEUPLogin'],
    run: async (r, s) => {
      s.customer = await id(
        r,
        'addCustomer',
        {
          name: 'Zoë Ó Súilleabháin',
          nickname: `zoe_${r.kind.replace(/-/g, '_')}`,
          invoicingid: `SCN-${r.kind}`,
          phone_list_main: '+353861234567',
          email: 'zoe@scenario.example',
          address: 'Sráid an Phríomh 1:::Apt 2:::Corcaigh:::Co. Cork:::T12 X1Y2:::',
          frequency: '1',
          customerstatus: 'potential',
          eup_username: `zoe-${r.kind}`,
          password: 'secret-pass',
        },
        /^OK:(\d+)$/,
      );
      let c = (await graph<{ customer: Record<string, unknown> & { billingAddress: Record<string, string> } }>(r, customerQuery, { id: Number(s.customer) })).customer;
      expect(c).toMatchObject({ name: 'Zoë Ó Súilleabháin', phone: '+353861234567', status: 'potential' });
      expect(c.billingAddress).toMatchObject({ street1: 'Sráid an Phríomh 1', town: 'Corcaigh', postcode: 'T12 X1Y2' });
      expect(await call(r, 'modifyCustomer', { customerid: s.customer, email: 'zoe.s@scenario.example', customerstatus: 'current' })).toBe('OK');
      c = (await graph<{ customer: Record<string, unknown> & { billingAddress: Record<string, string> } }>(r, customerQuery, { id: Number(s.customer) })).customer;
      expect(c).toMatchObject({ email: 'zoe.s@scenario.example', status: 'current' });
      // custom_field_<id> exactly as the document shows it, from every client: the WSDL declares the
      // concrete names, so WSDL-driven clients send it rather than dropping it.
      const customFields = async () => all(await doc(r, 'getCustomerData', { customerid: s.customer, customFields: '1' }, 'customerDataRoot'), 'field');
      const routerModel = attr((await customFields()).find((f) => all(f, 'label')[0]?.text === 'Router model')!, 'id')!;
      expect(await call(r, 'modifyCustomer', { customerid: s.customer, [`custom_field_${routerModel}`]: `RB4011 via ${r.kind}` })).toBe('OK');
      const stored = (await customFields()).find((f) => attr(f, 'id') === routerModel)!;
      expect(all(stored, 'value')[0]?.text).toBe(`RB4011 via ${r.kind}`);
      expect(await call(r, 'checkExistingEmail', { email: 'ZOE.S@scenario.example' })).toBe(s.customer);
      expect(await call(r, 'checkEUPLogin', { eup_username: `zoe-${r.kind}`, eup_password: 'secret-pass' })).toBe(`OK: ${s.customer}`);
      s.other = await id(r, 'addCustomer', { name: 'Sub Account', nickname: 'sub_account', invoicingid: 'SCN-SUB' }, /^OK:(\d+)$/);
    },
  },
  {
    ops: ['searchCustomer', 'getCustomerData', 'addCustomerNote'],
    run: async (r, s) => {
      const found = await doc(r, 'searchCustomer', { lastname: 'Súilleabháin', limit: '5' }, 'customerSearchRoot');
      expect(all(found, 'customer').map((c) => attr(c, 'id'))).toEqual([s.customer]);
      expect(all(found, 'results')[0]!.text).toBe('1');
      const data = await call(r, 'getCustomerData', { customerid: s.customer, subscription: '1' });
      expect(data).toContain('Zoë Ó Súilleabháin');
      expect(await call(r, 'addCustomerNote', { customerid: s.customer, note_title: 'Welcome call', note_text: 'Prefers e-mail.' })).toBe('OK');
      const notes = await graph<{ customer: { notes: { nodes: { title: string }[] } } }>(r, `query($id: Int!) { customer(legacyId: $id) { notes(first: 100) { nodes { title } } } }`, { id: Number(s.customer) });
      expect(notes.customer.notes.nodes.map((n) => n.title)).toContain('Welcome call');
    },
  },
  {
    ops: ['addCommunityCode', 'modifyCommunityCode', 'listCommunityCode', 'deleteCommunityCode'],
    run: async (r) => {
      expect(await call(r, 'addCommunityCode', { code: 'SCN-A' })).toBe('OK');
      expect(await call(r, 'modifyCommunityCode', { code: 'SCN-A', new_code: 'SCN-B' })).toBe('OK');
      const listed = await call(r, 'listCommunityCode');
      expect(listed).toContain('SCN-B');
      const renamed = await graph<{ communityCodes: { code: string }[] }>(r, `{ communityCodes { code } }`);
      expect(renamed.communityCodes.map((c) => c.code)).toEqual(expect.arrayContaining(['SCN-B']));
      expect(renamed.communityCodes.map((c) => c.code)).not.toContain('SCN-A');
      expect(await call(r, 'deleteCommunityCode', { code: 'SCN-B' })).toBe('OK');
      const codes = await graph<{ communityCodes: { code: string }[] }>(r, `{ communityCodes { code } }`);
      expect(codes.communityCodes.map((c) => c.code)).not.toContain('SCN-B');
    },
  },
  {
    ops: ['listCustomTableEntries', 'addCustomTableEntries', 'modifyCustomTableEntries', 'deleteCustomTableEntries'],
    run: async (r, s) => {
      const tables = await doc(r, 'listCustomTableEntries', {}, 'customTableEntriesRoot');
      const table = all(tables, 'table')[0]!;
      const column = attr(all(table, 'column')[0]!, 'id')!;
      const rowId = await id(r, 'addCustomTableEntries', { customerid: s.customer, tablename: attr(table, 'name')!, [`columnid${column}`]: 'first value' }, /^OK: (\d+)$/);
      expect(await call(r, 'modifyCustomTableEntries', { customerid: s.customer, rowid: rowId, [`columnid${column}`]: 'second value' })).toBe('OK');
      const mine = await doc(r, 'listCustomTableEntries', { customerid: s.customer }, 'customTableEntriesRoot');
      expect(all(mine, 'cell').map((c) => c.text)).toContain('second value');
      const rows = await graph<{ customer: { customTableRows: { legacyId: number; cells: { columnId: number; value: string }[] }[] } }>(
        r,
        `query($id: Int!) { customer(legacyId: $id) { customTableRows { legacyId cells { columnId value } } } }`,
        { id: Number(s.customer) },
      );
      expect(rows.customer.customTableRows.find((row) => String(row.legacyId) === rowId)?.cells).toContainEqual({ columnId: Number(column), value: 'second value' });
      expect(await call(r, 'deleteCustomTableEntries', { customerid: s.customer, rowid: rowId })).toBe('OK');
    },
  },
  {
    ops: ['addSubaccount', 'updateSubaccount', 'deleteSubaccount'],
    run: async (r, s) => {
      const link = { masterCustomerId: s.customer!, subCustomerId: s.other! };
      expect(await call(r, 'addSubaccount', { ...link, master_display_subaccount_invoices: 't' })).toBe('OK');
      expect(await call(r, 'updateSubaccount', { ...link, subaccount_display_master_invoices: 't' })).toBe('OK');
      const linked = await graph<{ customer: { subaccounts: { nodes: { subaccount: { legacyId: number }; subaccountDisplayMasterInvoices: boolean }[] } } }>(
        r,
        `query($id: Int!) { customer(legacyId: $id) { subaccounts(first: 100) { nodes { subaccount { legacyId } subaccountDisplayMasterInvoices } } } }`,
        { id: Number(s.customer) },
      );
      expect(linked.customer.subaccounts.nodes).toEqual([{ subaccount: { legacyId: Number(s.other) }, subaccountDisplayMasterInvoices: true }]);
      expect(await call(r, 'deleteSubaccount', link)).toBe('OK');
    },
  },
  {
    ops: ['getInterfaceData', 'addIP', 'getIPData', 'generateIP'],
    run: async (r, s) => {
      const { gateways } = await graph<{ gateways: { legacyId: number; wibNumber: number; interfaces: { legacyId: number; network: string }[] }[] }>(
        r,
        `{ gateways { legacyId wibNumber interfaces { legacyId network } } }`,
      );
      s.wib = String(gateways[0]!.wibNumber);
      const iface = gateways.flatMap((g) => g.interfaces).find((i) => i.network === '198.51.100.0/26')!;
      const interfaces = await doc(r, 'getInterfaceData', { id: String(iface.legacyId) }, 'interfaceDataRoot');
      expect(all(interfaces, 'interfaces')).toHaveLength(1);
      expect(await call(r, 'addIP', { customerid: s.customer, ip: '203.0.113.77', mac: '00:11:22:33:44:55', label: 'Router', type: '1' })).toBe('OK');
      const ips = await doc(r, 'getIPData', { customerid: s.customer }, 'ipDataRoot');
      expect(all(ips, 'ipentry')).toHaveLength(1);
      const generated = await doc(r, 'generateIP', { customerid: s.customer, interface_id: String(iface.legacyId), quantity: '1', saveInDb: '1' }, 'customerSearchRoot');
      const address = all(generated, 'ip')[0]!.text;
      const bound = await graph<{ customer: { ips: { ip: string }[] } }>(r, `query($id: Int!) { customer(legacyId: $id) { ips { ip } } }`, { id: Number(s.customer) });
      expect(bound.customer.ips.map((i) => i.ip)).toEqual(expect.arrayContaining(['203.0.113.77', address]));
    },
  },
  {
    ops: ['getProducts', 'addSubscription', 'getActiveSubscriptionData', 'generateInvoices', 'getInvoicesData', 'payInvoice', 'deleteSubscription'],
    run: async (r, s) => {
      const products = await doc(r, 'getProducts', {}, 'productsRoot');
      const productId = attr(products.children[0]!, 'id')!;
      expect(await call(r, 'addSubscription', { customerid: s.customer, productid: productId, quantity: '1', valid_from: '01/01/2026', type: 'Recurring' })).toBe('OK');
      const active = await doc(r, 'getActiveSubscriptionData', { customerid: s.customer }, 'activeSubscriptionsRoot');
      const subscriptionId = attr(active.children[0]!, 'id')!;
      expect(await call(r, 'generateInvoices', { type: 'new', customerid: s.customer })).toBe('OK');
      const invoices = await doc(r, 'getInvoicesData', { customerid: s.customer }, 'invoicesRoot');
      const invoice = invoices.children[0]!;
      const number = all(invoice, 'number')[0]?.text ?? all(invoice, 'invoice_number')[0]?.text;
      const total = all(invoice, 'total')[0]!.text;
      expect(await call(r, 'payInvoice', { invoiceNo: number!, amount: total, paymentType: 'cash', paymentDate: '2026-02-01' })).toBe('OK');
      const paid = await graph<{ invoices: { nodes: { status: string }[] } }>(r, `query($n: Int!) { invoices(first: 1, filter: { number: $n }) { nodes { status } } }`, { n: Number(number) });
      expect(paid.invoices.nodes[0]!.status).toBe('PAID');
      expect(await call(r, 'deleteSubscription', { subscriptionid: subscriptionId })).toBe('OK');
    },
  },
  {
    ops: ['addCreditCardToken', 'getCreditCardData', 'addEFTToken', 'addEFT', 'getEFTData', 'getOverageAllowances'],
    run: async (r, s) => {
      await id(r, 'addCreditCardToken', { customerid: s.customer, cc_last4: '4242', module_id: '1', cc_token: `tok_${r.kind}_card`, cc_month: '12', cc_year: String(new Date().getUTCFullYear() + 5), cc_type: 'visa', cc_preferred: 't' }, /^OK: (\d+)$/);
      const cards = await call(r, 'getCreditCardData', { customerid: s.customer });
      expect(cards).toContain('4242');
      expect(cards).not.toContain(`tok_${r.kind}_card`);
      await id(
        r,
        'addEFTToken',
        { customerid: s.customer, eft_last4: '0077', eft_token: `tok_${r.kind}_eft`, eft_banksortcode: '012345', eft_bankonlineref: 'REF-1', eft_bankaccountname: 'Zoë S', eft_bankaccounttype: 'savings', module_id: '2' },
        /^OK: (\d+)$/,
      );
      expect(await call(r, 'addEFT', { customerid: s.customer, bankaccountnumber: '12345678', banksortcode: '900017', bankaccountname: 'Zoë S', bankaccounttype: 'checking' })).toMatch(/^OK/);
      const accounts = await doc(r, 'getEFTData', { customerid: s.customer }, 'eftAccountsRoot');
      expect(accounts.children).toHaveLength(2);
      // the scenario's customer has no allowances; a demo customer has some: both must agree with GraphQL
      const none = await doc(r, 'getOverageAllowances', { customerid: s.customer }, 'overageAllowancesRoot');
      expect(all(none, 'interfaces')).toEqual([]);
      const holder = await demoCustomerWithOverageAllowances(r);
      const listed = await doc(r, 'getOverageAllowances', { customerid: String(holder.legacyId) }, 'overageAllowancesRoot');
      expect(all(listed, 'interfaces').map((e) => [attr(e, 'id'), all(e, 'traffic_limit')[0]?.text])).toEqual(
        holder.overageAllowances.map((a) => [String(a.legacyId), String(Number(a.trafficLimitGb))]),
      );
    },
  },
  {
    ops: ['addSite', 'modifySite', 'addEquipment', 'modifyEquipment', 'addEquipmentLoginDetails', 'deleteEquipmentLoginDetails', 'listEquipment'],
    run: async (r, s) => {
      s.site = await id(r, 'addSite', { sitename: `Scenario hill ${r.kind}`, status: '2', sitetype: 'Network', country: 'Ireland' }, /^OK:(\d+)$/);
      expect(await call(r, 'modifySite', { siteid: s.site, contactname: 'Niamh' })).toBe(`OK:${s.site}`);
      const modifiedSite = await graph<{ site: { name: string; contactName: string | null } }>(r, `query($id: Int!) { site(legacyId: $id) { name contactName } }`, { id: Number(s.site) });
      expect(modifiedSite.site).toEqual({ name: `Scenario hill ${r.kind}`, contactName: 'Niamh' });
      s.router = await id(r, 'addEquipment', { nickname: `scn-router-${r.kind}`, ipaddress: '10.99.0.1', status: 'use', type: 'router', assigned_site: s.site }, /^OK: (\d+)$/);
      expect(await call(r, 'modifyEquipment', { equipid: s.router, description: 'Core router' })).toBe('OK');
      expect((await graph<{ equipmentItem: unknown }>(r, `query($id: Int!) { equipmentItem(legacyId: $id) { nickname description } }`, { id: Number(s.router) })).equipmentItem).toEqual({
        nickname: `scn-router-${r.kind}`,
        description: 'Core router',
      });
      expect(await call(r, 'addEquipmentLoginDetails', { equipid: s.router, username: 'admin', password: 'pw' })).toBe('OK');
      expect(await call(r, 'deleteEquipmentLoginDetails', { equipid: s.router, username: 'admin' })).toBe('OK');
      const listed = await doc(r, 'listEquipment', { nickname: `scn-router-${r.kind}` }, 'Equipment');
      expect(all(listed, 'equipment').map((e) => attr(e, 'id'))).toEqual([s.router]);
      const site = await graph<{ site: { equipment: { nodes: { legacyId: number }[] } } }>(r, `query($id: Int!) { site(legacyId: $id) { equipment { nodes { legacyId } } } }`, { id: Number(s.site) });
      expect(site.site.equipment.nodes.map((e) => String(e.legacyId))).toEqual([s.router]);
    },
  },
  {
    ops: ['addCPE', 'modifyCPE', 'getCPEData', 'deleteCPE', 'addBasestation', 'modifyBasestation', 'deleteBasestation', 'deleteSite'],
    run: async (r, s) => {
      const dish = await id(r, 'addEquipment', { nickname: `scn-dish-${r.kind}`, status: 'use', type: 'genericSM' }, /^OK: (\d+)$/);
      const cpe = await id(r, 'addCPE', { equipid: dish, customerid: s.customer!, installedby: 'Ian' }, /^OK :(\d+)$/);
      expect(await call(r, 'modifyCPE', { cpeid: cpe, colour: 'white' })).toBe('OK');
      const dishItem = await graph<{ equipmentItem: { cpe: unknown } }>(r, `query($id: Int!) { equipmentItem(legacyId: $id) { cpe { legacyId colour installedBy customer { legacyId } } } }`, { id: Number(dish) });
      expect(dishItem.equipmentItem.cpe).toEqual({ legacyId: Number(cpe), colour: 'white', installedBy: 'Ian', customer: { legacyId: Number(s.customer) } });
      const cpes = await doc(r, 'getCPEData', { customerid: s.customer! }, 'cpeDataRoot');
      expect(all(cpes, 'cpe').map((c) => attr(c, 'id'))).toEqual([cpe]);
      expect(await call(r, 'deleteCPE', { cpeid: cpe })).toBe('OK');
      const ap = await id(r, 'addEquipment', { nickname: `scn-ap-${r.kind}`, status: 'use', type: 'genericAP', assigned_site: s.site! }, /^OK: (\d+)$/);
      const bs = await id(r, 'addBasestation', { equipid: ap, siteid: s.site!, sector: 'north' }, /^OK :(\d+)$/);
      expect(await call(r, 'modifyBasestation', { basestationid: bs, equipid: ap, direction: '15' })).toBe('OK');
      const apItem = await graph<{ equipmentItem: { basestation: unknown } }>(r, `query($id: Int!) { equipmentItem(legacyId: $id) { basestation { legacyId sector direction } } }`, { id: Number(ap) });
      expect(apItem.equipmentItem.basestation).toEqual({ legacyId: Number(bs), sector: 'north', direction: '15' });
      expect(await call(r, 'deleteBasestation', { basestationid: bs })).toBe('OK');
      const empty = await id(r, 'addSite', { sitename: `Scenario empty ${r.kind}`, status: '1', sitetype: 'Warehouse' }, /^OK:(\d+)$/);
      expect(await call(r, 'deleteSite', { siteid: empty })).toBe('OK');
      expect((await graph<{ site: unknown }>(r, `query($id: Int!) { site(legacyId: $id) { id } }`, { id: Number(empty) })).site).toBeNull();
    },
  },
  {
    ops: ['addMaintenance', 'modifyMaintenance', 'getMaintenanceData', 'addInstallerTracking', 'modifyInstallerTracking', 'deleteInstallerTracking'],
    run: async (r, s) => {
      s.ticket = await id(r, 'addMaintenance', { title: 'No signal', customerid: s.customer!, type: 'support', status: 'open', dateReported: '2026-03-01' }, /^OK:(\d+)$/);
      expect(await call(r, 'modifyMaintenance', { id: s.ticket, resolution: 'Realigned dish.', status: 'closed', dateClosed: '2026-03-02' })).toBe('OK');
      const ticket = async () =>
        (await graph<{ customer: { maintenanceTickets: { nodes: { legacyId: number; status: string; resolution: string | null; dateClosed: string | null; installerTracking: { legacyId: number; status: string; installerFee: string | null }[] }[] } } }>(
          r,
          `query($id: Int!) { customer(legacyId: $id) { maintenanceTickets(first: 5) { nodes { legacyId status resolution dateClosed installerTracking { legacyId status installerFee } } } } }`,
          { id: Number(s.customer) },
        )).customer.maintenanceTickets.nodes.find((t) => String(t.legacyId) === s.ticket)!;
      expect(await ticket()).toMatchObject({ status: 'CLOSED', resolution: 'Realigned dish.', dateClosed: '2026-03-02' });
      const tickets = await doc(r, 'getMaintenanceData', { customerid: s.customer! }, 'maintenanceRoot');
      expect(all(tickets, 'maintenance').map((t) => attr(t, 'id'))).toEqual([s.ticket]);
      const tracking = await id(r, 'addInstallerTracking', { maintenanceId: s.ticket, installerId: '4', installerFee: '25.50', dueDate: '2026-03-05', dueHour: '9' }, /^(\d+)OK$/);
      expect((await ticket()).installerTracking).toEqual([{ legacyId: Number(tracking), status: 'OPEN', installerFee: '25.50' }]);
      expect(await call(r, 'modifyInstallerTracking', { installerTrackingId: tracking, status: 'paid' })).toBe(`${tracking}OK`);
      expect((await ticket()).installerTracking).toEqual([{ legacyId: Number(tracking), status: 'PAID', installerFee: '25.50' }]);
      expect(await call(r, 'deleteInstallerTracking', { installerTrackingId: tracking })).toBe(`${tracking}OK`);
      expect((await ticket()).installerTracking).toEqual([]);
    },
  },
  {
    ops: ['addSalesmanTask', 'modifySalesmanTask', 'deleteSalesmanTask'],
    run: async (r, s) => {
      const base = { custId: s.customer!, date_reported: '2026-05-01', description: 'Wants business plan', type: 'upsell' };
      const task = await id(r, 'addSalesmanTask', base, /^OK:(\d+)$/);
      expect(await call(r, 'modifySalesmanTask', { ...base, issueId: task, status: 'closed', resolution: 'Won.' })).toBe(`OK:${task}`);
      const tasks = async () =>
        (await graph<{ customer: { salesmanTasks: { nodes: { legacyId: number; status: string; resolution: string | null; description: string }[] } } }>(
          r,
          `query($id: Int!) { customer(legacyId: $id) { salesmanTasks(first: 100) { nodes { legacyId status resolution description } } } }`,
          { id: Number(s.customer) },
        )).customer.salesmanTasks.nodes;
      expect(await tasks()).toEqual([{ legacyId: Number(task), status: 'CLOSED', resolution: 'Won.', description: 'Wants business plan' }]);
      expect(await call(r, 'deleteSalesmanTask', { issueId: task })).toBe('OK');
      expect(await tasks()).toEqual([]);
    },
  },
  {
    ops: ['addRADIUSdetails', 'listRADIUSdetails', 'customerRadius', 'deleteRADIUSdetails', 'listRadiusSessions'],
    run: async (r, s) => {
      const username = `zoe-${r.kind}@radius`;
      expect(await call(r, 'addRADIUSdetails', { customerid: s.customer!, radius_username: username, radius_password: 'radpass' })).toBe('OK');
      expect(await call(r, 'listRADIUSdetails', { customerid: s.customer! })).toContain(username);
      expect(await call(r, 'customerRadius', { table: 'radreply', action: 'add', customerid: s.customer!, username, attribute: 'Framed-Pool', op: ':=', value: 'gold' })).toContain('OK');
      expect(await call(r, 'customerRadius', { table: 'radreply', action: 'list', customerid: s.customer! })).toContain('Framed-Pool');
      const accounts = await graph<{ customer: { radiusAccounts: { username: string }[] } }>(r, `query($id: Int!) { customer(legacyId: $id) { radiusAccounts { username } } }`, { id: Number(s.customer) });
      expect(accounts.customer.radiusAccounts.map((a) => a.username)).toContain(username);
      expect(await call(r, 'deleteRADIUSdetails', { radius_username: username })).toBe('OK');
      const sessions = await doc(r, 'listRadiusSessions', { customerid: '1' }, 'radiusSessionsRoot');
      expect(all(sessions, 'radius_session').length).toBeGreaterThan(0);
    },
  },
  {
    ops: ['updateWibFiles', 'updateGPSdetails', 'updateBucketsFromSubscription', 'synchronizeCustomerAttachments', 'synchronizeMaintenanceAttachments'],
    run: async (r, s) => {
      expect(await call(r, 'updateWibFiles', { wibnumber: s.wib!, force: '1' })).toBe('OK');
      expect(await call(r, 'updateGPSdetails')).toBe('OK');
      expect(await call(r, 'updateBucketsFromSubscription', { customerid: s.customer! })).toBe('OK');
      expect(await call(r, 'synchronizeCustomerAttachments', { customerid: s.customer!, filenameregexp: '\\.pdf$', description: 'Contract', rights: '{"billing information","maintenance"}' })).toBe('OK');
      expect(await call(r, 'synchronizeMaintenanceAttachments', { issuenumber: s.ticket!, filenameregexp: '^photo', description: 'Site photos', dateadded: '2026-03-02' })).toBe('OK');
      const jobs = await graph<{ backgroundJobs: { nodes: { kind: string }[] } }>(r, `{ backgroundJobs(first: 20) { nodes { kind } } }`);
      expect(jobs.backgroundJobs.nodes.map((j) => j.kind)).toEqual(
        expect.arrayContaining(['UPDATE_WIB_FILES', 'UPDATE_GPS_DETAILS', 'UPDATE_BUCKETS_FROM_SUBSCRIPTION', 'SYNC_CUSTOMER_ATTACHMENTS', 'SYNC_MAINTENANCE_ATTACHMENTS']),
      );
    },
  },
  {
    ops: ['deleteCustomer'],
    run: async (r) => {
      const doomed = await id(r, 'addCustomer', { name: 'Short Lived', nickname: 'short_lived', invoicingid: 'SCN-DEL', customerstatus: 'potential' }, /^OK:(\d+)$/);
      expect(await call(r, 'deleteCustomer', { customerid: doomed })).toBe('OK');
      expect((await graph<{ customer: unknown }>(r, customerQuery, { id: Number(doomed) })).customer).toBeNull();
    },
  },
];

export const SCENARIO_OPERATIONS = new Set(STEPS.flatMap((s) => s.ops));

export async function runScenario(runner: ScenarioRunner): Promise<void> {
  const state: State = {};
  for (const step of STEPS) await step.run(runner, state);
}
