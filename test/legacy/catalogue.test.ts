/**
 * The SIMPLer operation catalogue as a whole: all 72 documented operations are declared once,
 * each names a GraphQL equivalent that exists, the REST routes derived from it do not collide,
 * and the artefacts generated from it (WSDL, compatibility table) are the checked-in ones.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { positionalOrder, SIMPLER_OPERATIONS } from '../../src/legacy/simpler/catalogue';
import { AUTH_PARAMS } from '../../src/legacy/simpler/invoke';
import { readSpec } from '../helpers/spec';
import { JAZE_OPERATIONS } from '../../src/legacy/jaze/catalogue';
import { CRM_OPERATIONS } from '../../src/legacy/crm/catalogue';
import { M4_OPERATIONS } from '../../src/legacy/m4/catalogue';
import { resourceRoutes } from '../../src/legacy/rest/operator-api.routes';
import { legacyArtefacts, projectRoot } from '../../src/legacy/cli/emit';
import { parseXml } from '../../src/legacy/xml/parse';

/** The operations the SIMPLer document (shared/spec/004_…) describes, in its order. */
const DOCUMENTED = `pingAPI addCustomer modifyCustomer deleteCustomer addSubscription addIP listCustomTableEntries
addCustomTableEntries modifyCustomTableEntries deleteCustomTableEntries addSite modifySite deleteSite addCreditCardToken
addEFTToken addMaintenance modifyMaintenance addInstallerTracking modifyInstallerTracking deleteInstallerTracking
listEquipment addEquipment modifyEquipment addEquipmentLoginDetails deleteEquipmentLoginDetails updateWibFiles
updateGPSdetails generateInvoices addEFT addCPE modifyCPE deleteCPE addBasestation modifyBasestation deleteBasestation
payInvoice listRADIUSdetails addRADIUSdetails deleteRADIUSdetails addSalesmanTask modifySalesmanTask deleteSalesmanTask
updateBucketsFromSubscription checkExistingEmail addCustomerNote getActiveSubscriptionData deleteSubscription
getMaintenanceData getInvoicesData getCustomerData getCustomerStatuses getEFTData getIPData getCreditCardData getCPEData
getProducts searchCustomer synchronizeCustomerAttachments synchronizeMaintenanceAttachments addCommunityCode
modifyCommunityCode deleteCommunityCode listCommunityCode addSubaccount updateSubaccount deleteSubaccount generateIP
getInterfaceData getOverageAllowances customerRadius listRadiusSessions checkEUPLogin`.split(/\s+/);

describe('the SIMPLer operation catalogue', () => {
  it('declares each of the 72 documented operations exactly once', () => {
    expect(DOCUMENTED).toHaveLength(72);
    expect(SIMPLER_OPERATIONS.map((op) => op.name).sort()).toEqual([...DOCUMENTED].sort());
  });

  it('names a GraphQL root field that exists as each operation’s equivalent, in every dialect', () => {
    const schema = buildSchema(readFileSync(path.join(projectRoot, 'schema/schema.graphql'), 'utf8'));
    const fields = { query: schema.getQueryType()!.getFields(), mutation: schema.getMutationType()!.getFields() };
    for (const op of [...SIMPLER_OPERATIONS, ...JAZE_OPERATIONS, ...CRM_OPERATIONS, ...M4_OPERATIONS]) {
      if (op.graphql.startsWith('— ')) continue;
      const match = /^(query|mutation) ([A-Za-z]+)/.exec(op.graphql);
      expect(match, `${op.name}: "${op.graphql}" should read "query <field>…" or "mutation <field>…"`).not.toBeNull();
      expect(fields[match![1] as 'query'][match![2]!], `${op.name}: ${match![1]} ${match![2]} does not exist`).toBeDefined();
    }
  });

  it('gives every parameter a unique name and positional calls a documented order', () => {
    for (const op of SIMPLER_OPERATIONS) {
      const names = op.params.map((p) => p.name.toLowerCase());
      expect(new Set(names).size, op.name).toBe(names.length);
      expect(names, op.name).not.toContain('api_username');
    }
  });

  it('assigns positional arguments in each operation’s own documented order, authentication parameters included', () => {
    const lines = readSpec('004_fc0c8e3de8a47125.txt').split('\n');
    const auth: ReadonlySet<string> = new Set(AUTH_PARAMS);
    const lower = (names: readonly string[]) => names.map((n) => n.toLowerCase());
    for (const op of SIMPLER_OPERATIONS) {
      // The operation's heading (`• addEFTToken- this function…`), then its `name => TYPE` lines up to `• Result`.
      const start = lines.findIndex((line) => new RegExp(`^\\s*•\\s*${op.name}\\s*-`).test(line));
      expect(start, `${op.name} has a heading in the document`).toBeGreaterThan(0);
      const documented: string[] = [];
      for (let i = start + 1; i < lines.length && !/^\s*•\s*Result/.test(lines[i]!); i++) {
        const param = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=>/.exec(lines[i]!);
        if (param) documented.push(param[1]!);
      }
      const order = positionalOrder(op);
      const documentedAuth = documented.filter((name) => auth.has(name));
      // Authentication parameters lead the documented list, and positional calls read them so.
      expect(documented.slice(0, documentedAuth.length), op.name).toEqual(documentedAuth);
      expect(order.slice(0, documentedAuth.length), op.name).toEqual(documentedAuth);
      expect(order.filter((name) => auth.has(name)), op.name).toEqual(documentedAuth);
      // The entry's other parameters keep the document's relative order (the entry may add
      // parameters the examples use, the document may list pattern families like columnid1).
      const shared = lower(order).filter((name) => lower(documented).includes(name));
      expect(shared, op.name).toEqual(lower(documented).filter((name) => shared.includes(name)));
    }
    // The one operation whose list has no `operator` (the document: api_username, api_password, email).
    expect(SIMPLER_OPERATIONS.filter((op) => op.authParams).map((op) => [op.name, positionalOrder(op)])).toEqual([['checkExistingEmail', ['api_username', 'api_password', 'email']]]);
  });

  it('derives REST resource routes without collisions', () => {
    const routes = resourceRoutes(SIMPLER_OPERATIONS);
    for (const op of SIMPLER_OPERATIONS) expect(routes.get(`POST ${op.name}`)).toBe(op);
  });
});

describe('the catalogues of the path-addressed dialects', () => {
  // Jaze's E1–E41 are 40 endpoints: E2 is the sample output of E1.
  it('declare the 40 Jaze endpoints, the 8 CRM endpoints and the M4 endpoint, each with its routes', () => {
    expect(JAZE_OPERATIONS).toHaveLength(40);
    expect(CRM_OPERATIONS).toHaveLength(8);
    expect(M4_OPERATIONS).toHaveLength(1);
    for (const op of [...JAZE_OPERATIONS, ...CRM_OPERATIONS, ...M4_OPERATIONS]) expect(op.routes?.length, op.name).toBeGreaterThan(0);
  });

  it('never give two operations the same route', () => {
    const seen = new Map<string, string>();
    for (const op of [...JAZE_OPERATIONS, ...CRM_OPERATIONS, ...M4_OPERATIONS]) {
      for (const route of op.routes ?? []) {
        const key = `${route.method} ${route.path}`;
        expect(seen.get(key), `${key}: ${op.name}`).toBeUndefined();
        seen.set(key, op.name);
      }
    }
  });
});

describe('artefacts generated from the catalogue', () => {
  for (const [file, content] of legacyArtefacts()) {
    it(`${file} is up to date (run \`npm run legacy:emit\` when this fails)`, () => {
      expect(readFileSync(path.join(projectRoot, file), 'utf8')).toBe(content);
    });
  }

  it('the WSDL is well-formed and lists every operation in its binding', () => {
    const wsdl = parseXml(readFileSync(path.join(projectRoot, 'wsdl/operatorapi.wsdl'), 'utf8'));
    const binding = wsdl.children.find((c) => c.local === 'binding')!;
    const operations = binding.children.filter((c) => c.local === 'operation').map((c) => c.attributes.find((a) => a.local === 'name')!.value);
    expect(operations).toEqual(SIMPLER_OPERATIONS.map((op) => op.name));
  });
});
