/**
 * SIMPLer customer operations (addCustomer, modifyCustomer, deleteCustomer, searchCustomer,
 * addCustomerNote, getCustomerData) over SOAP and REST/JSON, checked against the GraphQL graph
 * (and SQL where the graph does not show a field).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { callText, child, children, DIALECTS, leaves, postSoap, rest, soap, soapEnvelope, xmlResult, type Dialect, type Params } from '../helpers/simpler';

interface GraphCustomer {
  legacyId: number;
  name: string;
  nickname: string;
  invoicingId: string;
  phone: string | null;
  email: string | null;
  note: string | null;
  status: string;
  accountType: string;
  paymentMethod: string | null;
  invoiceSendMethod: string;
  monitor: string | null;
  referralFeeStatus: string | null;
  referenceText: string | null;
  billingFrequencyMonths: number;
  initDate: string | null;
  vatExempt: boolean;
  vatExemptionReference: string | null;
  vatExemptionDate: string | null;
  coordinates: { latitude: number; longitude: number } | null;
  billingAddress: Record<string, string | null>;
  installationAddress: Record<string, string | null>;
  contacts: { name: string; phone: string | null; role: string | null; email: string | null }[];
  notes: { nodes: { title: string; body: string }[] };
}

const CUSTOMER_FIELDS = `legacyId name nickname invoicingId phone email note status accountType paymentMethod invoiceSendMethod monitor
  referralFeeStatus referenceText billingFrequencyMonths initDate vatExempt vatExemptionReference vatExemptionDate coordinates { latitude longitude }
  billingAddress { street1 street2 town county postcode state country }
  installationAddress { street1 street2 town county postcode state }
  contacts { name phone role email } notes(first: 100) { nodes { title body } }`;

describe.each(enabledEngines())('SIMPLer customer operations on %s', (engine) => {
  let t: TestApp;
  let db: TestApp['database']['handle']['db'];
  let groupIds: number[];
  let customFieldId: number;
  let salesmanId: number;
  let operatorId: number;

  const graphCustomer = async (id: number): Promise<GraphCustomer | null> => {
    const res = await t.gql<{ customer: GraphCustomer | null }>(`query($id: Int!) { customer(legacyId: $id) { ${CUSTOMER_FIELDS} } }`, { id });
    expect(res.errors).toBeUndefined();
    return res.data.customer;
  };
  const customerCount = async () => (await rows<{ n: number }>(db, sql`select count(*)::int as n from customers`))[0]!.n;
  const idOf = (reply: string) => {
    expect(reply).toMatch(/^OK:\d+$/);
    return Number(reply.slice(3));
  };

  /** A document result: the parsed SOAP XML, or the REST JSON. */
  const document = async (dialect: Dialect, op: string, params: Params) => {
    if (dialect === 'soap') {
      const reply = await soap(t.url, op, params);
      expect(reply.fault).toBeUndefined();
      if (reply.result!.startsWith('ERROR:')) return { xml: undefined, json: undefined, text: reply.result! };
      return { xml: xmlResult(reply.result!), json: undefined, text: reply.result! };
    }
    const reply = await rest(t.url, op, params);
    return { xml: undefined, json: reply.result as Record<string, unknown>, text: typeof reply.result === 'string' ? reply.result : '' };
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    db = t.database.handle.db;
    groupIds = (await rows<{ id: number }>(db, sql`select id from customer_groups order by id limit 2`)).map((r) => r.id);
    customFieldId = (await rows<{ id: number }>(db, sql`select id from custom_fields where scope = 'customer' order by id limit 1`))[0]!.id;
    salesmanId = (await rows<{ id: number }>(db, sql`select id from sales_people where role = 'salesman' and name = 'Dennis Soap'`))[0]!.id;
    operatorId = (await rows<{ operator_id: number }>(db, sql`select operator_id from customers where id = 1`))[0]!.operator_id;
  });
  afterAll(() => t.stop());

  describe.each(DIALECTS)('over %s', (dialect) => {
    it('addCustomer stores every documented format and GraphQL shows the same row', async () => {
      const nickname = `zoe_${dialect}`;
      const reply = await callText(dialect, t.url, 'addCustomer', {
        name: 'Zoë Ó Súilleabháin',
        nickname,
        invoicingid: `INV-${dialect}-1`,
        init_date: '03/01/2011',
        frequency: 3,
        customerstatus: 'potential',
        address: 'Main Street 1:::Apt 2:::Cork:::Co. Cork:::T12 ABC1:::Munster',
        iaddress: 'Hill Road 9::::::Kinsale',
        country: 'Ireland',
        phone_list_main: '+353871234567',
        email: `zoe.${dialect}@example.ie`,
        contacts_list: 'Seán Ó Súilleabháin:::+35321000000:::Spouse:::sean@example.ie///Accounts Desk:::::::::',
        vat_exemption: 'Yes:::VAT-77:::29/12/2012',
        type: 'customer business',
        payment_method: 'direct debit',
        send_method: 'both',
        monitor: 'monitor+sms',
        referral_fee_status: 'pre-paid',
        reference: '5',
        gpsx: '-8.4706',
        gpsy: '51.8985',
        salesman: salesmanId,
        group: `${groupIds[0]},${groupIds[1]}`,
        [`custom_field_${customFieldId}`]: 'MikroTik hEX',
        sand_invoice_status: 'override',
        sand_invoice_billing_issue_date: '15 days',
        sand_invoice_deferred_to: '31/01/2025',
        sand_traffic_limit: 10,
        sand_traffic_do_not_prorate: '-1',
        note: 'Signed up online',
      });
      const id = idOf(reply);
      const c = (await graphCustomer(id))!;
      expect(c).toMatchObject({
        name: 'Zoë Ó Súilleabháin',
        nickname,
        invoicingId: `INV-${dialect}-1`,
        phone: '+353871234567',
        status: 'potential',
        accountType: 'CUSTOMER_BUSINESS',
        paymentMethod: 'DIRECT_DEBIT',
        invoiceSendMethod: 'BOTH',
        monitor: 'MONITOR_SMS',
        referralFeeStatus: 'PRE_PAID',
        billingFrequencyMonths: 3,
        initDate: '2011-03-01',
        vatExempt: true,
        vatExemptionReference: 'VAT-77',
        vatExemptionDate: '2012-12-29',
        note: 'Signed up online',
        billingAddress: { street1: 'Main Street 1', street2: 'Apt 2', town: 'Cork', county: 'Co. Cork', postcode: 'T12 ABC1', state: 'Munster', country: 'Ireland' },
        installationAddress: { street1: 'Hill Road 9', street2: null, town: 'Kinsale', county: null, postcode: null, state: null },
        contacts: [
          { name: 'Seán Ó Súilleabháin', phone: '+35321000000', role: 'Spouse', email: 'sean@example.ie' },
          { name: 'Accounts Desk', phone: null, role: null, email: null },
        ],
      });
      expect(c.coordinates!.longitude).toBeCloseTo(-8.4706);
      expect(c.coordinates!.latitude).toBeCloseTo(51.8985);

      // the list finds the same row by the non-ASCII name
      const list = await t.gql<{ customers: { nodes: { legacyId: number; name: string }[] } }>(`{ customers(first: 5, filter: { name: "súilleabháin", nickname: "${nickname}" }) { nodes { legacyId name } } }`);
      expect(list.data.customers.nodes).toEqual([{ legacyId: id, name: 'Zoë Ó Súilleabháin' }]);

      const [row] = await rows<Record<string, unknown>>(
        db,
        sql`select referrer_customer_id, reference_text, salesman_id,
              (select string_agg(group_id::text, ',' order by group_id) from customer_group_members where customer_id = c.id) as groups,
              (select value from custom_field_values where customer_id = c.id and field_id = ${customFieldId}) as router,
              s.invoice_status::text as sand_status, s.invoice_billing_issue_date, s.invoice_deferred_to::text as deferred, s.traffic_limit_gb, s.traffic_do_not_prorate
            from customers c left join customer_sand_settings s on s.customer_id = c.id where c.id = ${id}`,
      );
      expect(row).toMatchObject({
        referrer_customer_id: 5,
        reference_text: null,
        salesman_id: salesmanId,
        groups: `${groupIds[0]},${groupIds[1]}`,
        router: 'MikroTik hEX',
        sand_status: 'override',
        invoice_billing_issue_date: '15 days',
        deferred: '2025-01-31',
        traffic_limit_gb: 10,
        traffic_do_not_prorate: -1,
      });
    });

    it('addCustomer makes a taken nickname and invoicing id unique with a serial postfix', async () => {
      const params = { name: 'Twin Customer', nickname: `twin_${dialect}`, invoicingid: `TWIN-${dialect}` };
      const first = idOf(await callText(dialect, t.url, 'addCustomer', params));
      const second = idOf(await callText(dialect, t.url, 'addCustomer', params));
      expect((await graphCustomer(first))).toMatchObject({ nickname: `twin_${dialect}`, invoicingId: `TWIN-${dialect}` });
      expect((await graphCustomer(second))).toMatchObject({ nickname: `twin_${dialect}2`, invoicingId: `TWIN-${dialect}2` });
    });

    it('addCustomer generates the invoicing id from the operator sequence and the nickname from it', async () => {
      const id = idOf(
        await callText(dialect, t.url, 'addCustomer', {
          name: 'Generated Ids',
          reference: 'Met at the county show',
          use_invoicing_id_auto_generation_from_wisp_settings: 1,
          generate_nickname_based_on_invoicing_id: 1,
        }),
      );
      const c = (await graphCustomer(id))!;
      expect(c.invoicingId).not.toBe('');
      expect(c.nickname).toBe(c.invoicingId.replace(/[^A-Za-z0-9_]/g, '_'));
      expect(c.referenceText).toBe('Met at the county show');
    });

    it('addCustomer with password and sendCCPassword e-mails the portal login, which then works', async () => {
      const params = { name: 'Portal User', nickname: `portal_${dialect}`, invoicingid: `PORTAL-${dialect}`, password: 'open-sesame', email: `portal.${dialect}@example.ie`, sendCCPassword: 1 };
      const id = idOf(await callText(dialect, t.url, 'addCustomer', params));
      const sent = await rows<{ recipient: string; body: string }>(db, sql`select recipient, body from messages where customer_id = ${id} and channel = 'email'`);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.recipient).toBe(`portal.${dialect}@example.ie`);
      expect(sent[0]!.body).not.toContain('open-sesame');
      expect(await callText(dialect, t.url, 'checkEUPLogin', { eup_username: `PORTAL-${dialect}`, eup_password: 'open-sesame' })).toBe(`OK: ${id}`);
      const before = await customerCount();
      expect(await callText(dialect, t.url, 'addCustomer', { ...params, nickname: 'no_mail', invoicingid: 'NO-MAIL', email: undefined })).toBe(
        'ERROR: an e-mail address is needed to send the portal login (sendCCPassword)',
      );
      expect(await customerCount()).toBe(before);
    });

    it('addCustomer refuses bad input with every problem named, and stores nothing', async () => {
      const before = await customerCount();
      expect(await callText(dialect, t.url, 'addCustomer', { nickname: 'x', invoicingid: 'y' })).toBe('ERROR: name is required');
      expect(await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'New Customer!', invoicingid: `BAD-${dialect}` })).toBe(
        'ERROR: nickname may contain only letters, digits and "_" (no spaces or other signs)',
      );
      const formats = await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'ab', invoicingid: 'ab', init_date: '2011-03-01', type: 'alien', frequency: 'monthly' });
      expect(formats).toMatch(/^ERROR: /);
      expect(formats).toContain('init_date: expected a date as MM/DD/YYYY');
      expect(formats).toContain('type: must be one of customer business');
      expect(formats).toContain('frequency: expected a whole number');
      expect(await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'ab', invoicingid: 'ab', group: '999999' })).toBe('ERROR: group 999999 does not exist');
      expect(await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'ab', invoicingid: 'ab', custom_field_999999: 'x' })).toBe(
        'ERROR: custom field 999999 does not exist for customers',
      );
      expect(await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'ab', invoicingid: 'ab', address: '1:::2:::3:::4:::5:::6:::7' })).toMatch(
        /^ERROR: address has 7 parts/,
      );
      expect(await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'ab', invoicingid: 'ab', vat_exemption: 'Yes:::1:::31/02/2012' })).toMatch(
        /^ERROR: vat_exemption date must be a real date/,
      );
      expect(await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'ab', invoicingid: 'ab', sand_invoice_email_date_1: 'soon' })).toMatch(
        /^ERROR: invoiceEmailDate1 must be a number of days/,
      );
      expect(await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'ab', invoicingid: 'ab', customerstatus: 'happy' })).toBe(
        `ERROR: "happy" is not one of the operator's customer statuses`,
      );
      expect(await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'ab', invoicingid: 'ab', community_code: 'No Such Code' })).toBe(
        'ERROR: community code "No Such Code" does not exist',
      );
      expect(await callText(dialect, t.url, 'addCustomer', { name: 'A B', nickname: 'ab', invoicingid: 'ab', salesman: 999999 })).toBe('ERROR: salesman 999999 does not exist');
      expect(await customerCount()).toBe(before);
    });

    it('modifyCustomer changes only what is sent and clears what is sent empty', async () => {
      const id = idOf(await callText(dialect, t.url, 'addCustomer', { name: 'Modify Me', nickname: `modify_${dialect}`, invoicingid: `MOD-${dialect}`, note: 'first', phone_list_main: '021 000' }));
      expect(
        await callText(dialect, t.url, 'modifyCustomer', {
          customerid: id,
          phone_list_main: '+353 21 555',
          address: 'New Street:::::::::Cork',
          note: '',
          community_code: 'Community Code 2',
          type: 'partner',
          contacts_list: 'Only One:::1:::Boss:::one@example.ie',
        }),
      ).toBe('OK');
      const c = (await graphCustomer(id))!;
      expect(c).toMatchObject({
        name: 'Modify Me',
        nickname: `modify_${dialect}`,
        phone: '+353 21 555',
        note: null,
        accountType: 'PARTNER',
        billingAddress: { street1: 'New Street', street2: null, town: null, county: 'Cork', postcode: null, state: null },
        contacts: [{ name: 'Only One', phone: '1', role: 'Boss', email: 'one@example.ie' }],
      });
      const [code] = await rows<{ code: string }>(db, sql`select cc.code from customers c join community_codes cc on cc.id = c.community_code_id where c.id = ${id}`);
      expect(code?.code).toBe('Community Code 2');

      // clearing the contacts and the community code
      expect(await callText(dialect, t.url, 'modifyCustomer', { customerid: id, contacts_list: '', community_code: '' })).toBe('OK');
      expect((await graphCustomer(id))!.contacts).toEqual([]);
      expect((await rows<{ id: number | null }>(db, sql`select community_code_id as id from customers where id = ${id}`))[0]!.id).toBeNull();
    });

    it('modifyCustomer refuses unknown customers, taken nicknames and removing required fields, changing nothing', async () => {
      const id = idOf(await callText(dialect, t.url, 'addCustomer', { name: 'Keep Me', nickname: `keep_${dialect}`, invoicingid: `KEEP-${dialect}` }));
      expect(await callText(dialect, t.url, 'modifyCustomer', { customerid: 999999, note: 'x' })).toBe('ERROR: customer 999999 does not exist');
      expect(await callText(dialect, t.url, 'modifyCustomer', { note: 'x' })).toBe('ERROR: customerid is required');
      const taken = (await graphCustomer(1))!.nickname;
      expect(await callText(dialect, t.url, 'modifyCustomer', { customerid: id, nickname: taken, note: 'changed' })).toBe(`ERROR: nickname "${taken}" is already used by customer 1`);
      expect(await callText(dialect, t.url, 'modifyCustomer', { customerid: id, frequency: '', note: 'changed' })).toBe('ERROR: billingFrequencyMonths cannot be removed (give a value)');
      expect(await callText(dialect, t.url, 'modifyCustomer', { customerid: id, name: '' })).toBe('ERROR: name is required');
      expect(await callText(dialect, t.url, 'modifyCustomer', { customerid: id, reference: String(id) })).toBe('ERROR: a customer cannot refer itself');
      expect(await callText(dialect, t.url, 'modifyCustomer', { customerid: id, sand: 'sometimes' })).toMatch(/^ERROR: sand: must be one of override/);
      const c = (await graphCustomer(id))!;
      expect(c).toMatchObject({ name: 'Keep Me', nickname: `keep_${dialect}`, note: null, billingFrequencyMonths: 1 });
    });

    it('deleteCustomer names every failing condition of a live customer and deletes nothing', async () => {
      const reply = await callText(dialect, t.url, 'deleteCustomer', { customerid: 1 });
      expect(reply).toMatch(/^ERROR: customer 1 cannot be deleted: 1\. its status is 'current'; 2\. it has subscriptions;/);
      expect(reply).toContain('4. it has invoices');
      expect(await graphCustomer(1)).not.toBeNull();
      expect(await callText(dialect, t.url, 'deleteCustomer', { customerid: 999999 })).toBe('ERROR: customer 999999 does not exist');
      expect(await callText(dialect, t.url, 'deleteCustomer', {})).toBe('ERROR: customerid is required');
    });

    it('deleteCustomer with deleteMaintenance removes the account, its tickets and its RADIUS setup', async () => {
      const id = idOf(await callText(dialect, t.url, 'addCustomer', { name: 'Leaving Soon', nickname: `leaving_${dialect}`, invoicingid: `LEAVE-${dialect}` }));
      const username = `leaving-${dialect}@demo`;
      await db.execute(sql`insert into radius_accounts (operator_id, customer_id, username, password) values (${operatorId}, ${id}, ${username}, 'secret')`);
      await db.execute(sql`insert into radcheck (operator_id, customer_id, username, attribute, op, value) values (${operatorId}, ${id}, ${username}, 'Cleartext-Password', ':=', 'secret')`);
      await db.execute(sql`insert into maintenance_tickets (operator_id, customer_id, title) values (${operatorId}, ${id}, 'Collect the router')`);

      expect(await callText(dialect, t.url, 'deleteCustomer', { customerid: id })).toBe(`ERROR: customer ${id} cannot be deleted: 6. it has maintenance tickets`);
      expect(await graphCustomer(id)).not.toBeNull();

      expect(await callText(dialect, t.url, 'deleteCustomer', { customerid: id, deleteMaintenance: 1 })).toBe('OK');
      expect(await graphCustomer(id)).toBeNull();
      const [left] = await rows<{ accounts: number; checks: number; tickets: number }>(
        db,
        sql`select (select count(*)::int from radius_accounts where username = ${username}) as accounts,
                   (select count(*)::int from radcheck where username = ${username}) as checks,
                   (select count(*)::int from maintenance_tickets where title = 'Collect the router' and customer_id = ${id}) as tickets`,
      );
      expect(left).toEqual({ accounts: 0, checks: 0, tickets: 0 });
    });

    it('searchCustomer returns the documented document with the total of matches', async () => {
      const graph = await t.gql<{ customers: { totalCount: number; nodes: { legacyId: number }[] } }>(`{ customers(first: 100, filter: { status: ["current"] }) { totalCount nodes { legacyId } } }`);
      const expected = graph.data.customers;
      const doc = await document(dialect, 'searchCustomer', { customerstatus: 'current', limit: 3, offset: 1 });
      if (doc.xml) {
        expect(doc.xml.local).toBe('customerSearchRoot');
        expect(doc.xml.children.map((c) => c.local)).toEqual(['case_sensitive', 'customer', 'customer', 'customer', 'limit', 'offset', 'order', 'results']);
        expect(leaves(doc.xml)).toMatchObject({ case_sensitive: '0', limit: '3', offset: '1', order: 'customerid', results: String(expected.totalCount) });
        const records = children(doc.xml, 'customer');
        expect(records.map((r) => r.attributes.find((a) => a.local === 'id')!.value)).toEqual(expected.nodes.slice(1, 4).map((n) => String(n.legacyId)));
        expect(Object.keys(leaves(records[0]!))).toEqual(['city', 'country', 'county', 'customerid', 'customerstatus', 'email', 'firstname', 'lastname', 'phone', 'postcode', 'state', 'street1', 'street2']);
        expect(leaves(records[0]!).customerstatus).toBe('current');
      } else {
        const json = doc.json as { customers: Record<string, string>[]; results: string; limit: string; offset: string; order: string; case_sensitive: string };
        expect(json).toMatchObject({ case_sensitive: '0', limit: '3', offset: '1', order: 'customerid', results: String(expected.totalCount) });
        expect(json.customers.map((c) => c.customerid)).toEqual(expected.nodes.slice(1, 4).map((n) => String(n.legacyId)));
      }
    });

    it('searchCustomer matches parts of names, ignoring case unless case_sensitive=1, and orders by last name', async () => {
      await callText(dialect, t.url, 'addCustomer', { name: `Searchable Quixotic${dialect}`, nickname: `sq1_${dialect}`, invoicingid: `SQ1-${dialect}` });
      await callText(dialect, t.url, 'addCustomer', { name: `Findable Aquixotic${dialect}`, nickname: `sq2_${dialect}`, invoicingid: `SQ2-${dialect}` });
      const search = async (params: Params) => {
        const doc = await document(dialect, 'searchCustomer', params);
        if (doc.xml) return { results: child(doc.xml, 'results')!.text, last: children(doc.xml, 'customer').map((c) => leaves(c).lastname) };
        const json = doc.json as { customers: Record<string, string>[]; results: string };
        return { results: json.results, last: json.customers.map((c) => c.lastname) };
      };
      expect(await search({ lastname: `QUIXOTIC${dialect.toUpperCase()}`, order: 'lastname' })).toEqual({
        results: '2',
        last: [`Aquixotic${dialect}`, `Quixotic${dialect}`],
      });
      expect(await search({ lastname: `QUIXOTIC${dialect.toUpperCase()}`, case_sensitive: 1 })).toEqual({ results: '0', last: [] });
      expect(await search({ firstname: 'searchable', lastname: `quixotic${dialect}` })).toEqual({ results: '1', last: [`Quixotic${dialect}`] });
    });

    it('searchCustomer refuses a limit above the maximum and an unknown order', async () => {
      expect((await document(dialect, 'searchCustomer', { limit: 1001 })).text).toBe('ERROR: limit must be from 1 to 1000 (page with offset for more)');
      expect((await document(dialect, 'searchCustomer', { order: 'email' })).text).toMatch(/^ERROR: order: must be one of customerid, firstname, lastname/);
    });

    it('addCustomerNote adds a note the graph shows; refuses missing fields and unknown customers', async () => {
      expect(await callText(dialect, t.url, 'addCustomerNote', { customerid: 2, note_title: `Called ${dialect}`, note_text: 'Wants a faster plan' })).toBe('OK');
      const notes = (await graphCustomer(2))!.notes.nodes;
      expect(notes).toContainEqual({ title: `Called ${dialect}`, body: 'Wants a faster plan' });
      expect(await callText(dialect, t.url, 'addCustomerNote', { customerid: 2, note_text: 'x' })).toBe('ERROR: note_title is required');
      expect(await callText(dialect, t.url, 'addCustomerNote', { customerid: 999999, note_title: 'x', note_text: 'y' })).toBe('ERROR: customer 999999 does not exist');
      expect((await graphCustomer(2))!.notes.nodes.length).toBe(notes.length);
    });

    it('getCustomerData returns the customer record with the sales hierarchy names', async () => {
      const id = idOf(
        await callText(dialect, t.url, 'addCustomer', {
          name: 'Record Holder',
          nickname: `record_${dialect}`,
          invoicingid: `REC-${dialect}`,
          address: 'Street A:::Street B:::Town C:::County D:::P0STC0DE:::State E',
          iaddress: 'Install A',
          startdate: '12/31/2020',
          salesman: salesmanId,
          type: 'customer home',
          payment_method: 'standing order',
          vat_exemption: 'No',
          phone_list_main: '+353 1 234',
        }),
      );
      const doc = await document(dialect, 'getCustomerData', { customerid: id });
      const record = doc.xml ? leaves(child(doc.xml, 'customer')!) : (doc.json!.customer as Record<string, string>);
      if (doc.xml) {
        expect(doc.xml.local).toBe('customerDataRoot');
        expect(child(doc.xml, 'customer')!.attributes.find((a) => a.local === 'id')!.value).toBe(String(id));
      } else {
        expect(Object.keys(doc.json!)).toEqual(['customer']);
      }
      expect(record).toMatchObject({
        id: String(id),
        name: 'Record Holder',
        nickname: `record_${dialect}`,
        invoicingid: `REC-${dialect}`,
        street: 'Street A',
        street2: 'Street B',
        town: 'Town C',
        county: 'County D',
        zip: 'P0STC0DE',
        state: 'State E',
        installstreet: 'Install A',
        installtown: '',
        startdate: '2020-12-31',
        type: 'customer home',
        paymentmethod: 'standing order',
        sendmethod: 'pdf',
        vat_exemption: 'No',
        phone: '+353 1 234',
        status: 'potential',
        customerstatus1: 'potential',
        salesman_id: String(salesmanId),
        salesman: 'Dennis Soap',
        master_agent_id: '',
        master_agent: '',
        frequency: '1',
      });
      expect(await callText(dialect, t.url, 'getCustomerData', { customerid: 999999 })).toBe('ERROR: customer 999999 does not exist');
    });

    it('getCustomerData adds usage, statement and custom fields on request', async () => {
      const [expected] = await rows<Record<string, string>>(
        db,
        sql`select (select count(*)::text from radacct where customer_id = 1) as sessions,
                   (select (sum(acctinputoctets) + sum(acctoutputoctets))::text from radacct where customer_id = 1) as total_bytes,
                   (select sum(total)::text from invoices where customer_id = 1 and status <> 'void') as invoiced,
                   (select coalesce(sum(amount), 0)::text from payments where customer_id = 1) as paid,
                   (select value from custom_field_values where customer_id = 1 and field_id = ${customFieldId}) as router`,
      );
      const doc = await document(dialect, 'getCustomerData', { customerid: 1, usage: 1, statement: 1, customFields: 1 });
      let usage: Record<string, string>, statement: Record<string, string>, fieldsList: Record<string, string>[];
      if (doc.xml) {
        usage = leaves(child(doc.xml, 'usage')!);
        statement = leaves(child(doc.xml, 'statement')!);
        fieldsList = children(child(doc.xml, 'customFields')!, 'field').map((f) => ({ id: f.attributes.find((a) => a.local === 'id')!.value, ...leaves(f) }));
      } else {
        usage = doc.json!.usage as Record<string, string>;
        statement = doc.json!.statement as Record<string, string>;
        fieldsList = doc.json!.customFields as Record<string, string>[];
      }
      expect(usage.sessions).toBe(expected!.sessions);
      expect(usage.total_bytes).toBe(expected!.total_bytes ?? '0');
      expect(Number(statement.invoiced_total)).toBeCloseTo(Number(expected!.invoiced ?? 0), 2);
      expect(Number(statement.paid_total)).toBeCloseTo(Number(expected!.paid), 2);
      expect(Number(statement.balance)).toBeCloseTo(Number(expected!.invoiced ?? 0) - Number(expected!.paid), 2);
      expect(fieldsList.find((f) => f.id === String(customFieldId))).toMatchObject({ label: 'Router model', value: expected!.router ?? '' });
    });
  });

  it("keeps a '+353…' phone that SOAP::Lite types as xsd:long as text", async () => {
    const envelope = soapEnvelope('addCustomer', { api_username: 'demo', api_password: 'demo', name: 'Long Phone', nickname: 'long_phone', invoicingid: 'LONG-1', phone_list_main: 'PHONE' }).replace(
      '<phone_list_main xsi:type="xsd:string">PHONE</phone_list_main>',
      '<phone_list_main xsi:type="xsd:long">+353871112222</phone_list_main>',
    );
    const reply = await postSoap(t.url, envelope, '"http://127.0.0.1/OperatorAPI#addCustomer"');
    const id = idOf(reply.result!);
    expect((await graphCustomer(id))!.phone).toBe('+353871112222');
  });

  it('addCustomer over the REST resource route POST /restapi/customer', async () => {
    const reply = await rest(t.url, 'addCustomer', { name: 'Resource Route', nickname: 'resource_route', invoicingid: 'RES-1' }, { path: '/restapi/customer' });
    const id = idOf(reply.result as string);
    expect((await graphCustomer(id))!.name).toBe('Resource Route');
  });
});

describe.each(enabledEngines())('SIMPLer customer reads on %s: cost and embedded documents', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.stop());

  const statements = async (fn: () => Promise<unknown>) => {
    const read = async () => Number(/^db_queries_total (\d+)$/m.exec(await (await fetch(`${t.url}/metrics`)).text())![1]);
    const before = await read();
    await fn();
    return (await read()) - before;
  };

  it('searchCustomer and getCustomerData cost a fixed, small number of statements', async () => {
    const ping = await statements(() => rest(t.url, 'pingAPI'));
    const search = await statements(() => rest(t.url, 'searchCustomer', { lastname: 'a', limit: 500 }));
    const record = await statements(() => rest(t.url, 'getCustomerData', { customerid: 1 }));
    expect(search - ping).toBeLessThanOrEqual(2);
    expect(record - ping).toBeLessThanOrEqual(1);
  });

  it.each(DIALECTS)('getCustomerData embeds the documents of the other get operations over %s', async (dialect) => {
    const flags = { ip: 'getIPData', cpe: 'getCPEData', creditcard: 'getCreditCardData', eft: 'getEFTData', subscription: 'getActiveSubscriptionData', maintenance: 'getMaintenanceData', invoices: 'getInvoicesData' };
    const { findSimplerOperation } = await import('../../src/legacy/simpler/catalogue');
    const present = Object.entries(flags).filter(([, op]) => findSimplerOperation(op));
    expect(present.length).toBeGreaterThan(0);
    const params = Object.fromEntries(present.map(([flag]) => [flag, 1]));
    if (dialect === 'soap') {
      const doc = xmlResult((await soap(t.url, 'getCustomerData', { customerid: 1, ...params })).result!);
      const expected = ['customer'];
      for (const [, op] of present) expected.push(xmlResult((await soap(t.url, op, { customerid: 1 })).result!).local);
      expect(doc.children.map((c) => c.local)).toEqual(expected);
    } else {
      const result = (await rest(t.url, 'getCustomerData', { customerid: 1, ...params })).result as Record<string, unknown>;
      expect(Object.keys(result)).toEqual(['customer', ...present.map(([flag]) => flag)]);
      for (const [flag, op] of present) expect(result[flag]).toEqual((await rest(t.url, op, { customerid: 1 })).result);
    }
  });
});
