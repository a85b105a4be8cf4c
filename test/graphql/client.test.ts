import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type IspgraphClient } from '../../src/client';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';

// The documented operations, run through the generated typed client: proves the client.
describe.each(enabledEngines())('the typed client on %s', (engine) => {
  let t: TestApp;
  let api: IspgraphClient;
  beforeAll(async () => {
    t = await startTestApp(engine);
    api = createClient(`${t.url}/graphql`, 'demo-token');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('pages customers with a filter and ordering', async () => {
    const first = (await api.CustomerPage({ first: 10, filter: { status: ['current'] }, orderBy: { field: 'NAME', direction: 'ASC' } })).customers!;
    expect(first.nodes).toHaveLength(10);
    expect(first.nodes.every((c) => c.status === 'current')).toBe(true);
    const next = (await api.CustomerPage({ first: 10, after: first.pageInfo.endCursor, filter: { status: ['current'] }, orderBy: { field: 'NAME', direction: 'ASC' } })).customers!;
    expect(next.nodes[0]!.name >= first.nodes[9]!.name).toBe(true);
  });

  it('creates, reads, updates and deletes a customer', async () => {
    const created = await api.CreateCustomer({ input: { name: 'Client Test', nickname: 'client_test', invoicingId: 'CT-1', status: 'enquiry', contacts: [{ name: 'Pat', email: 'pat@example.ie' }] } });
    expect(created.customerCreate.userErrors).toEqual([]);
    const legacyId = created.customerCreate.customer!.legacyId;
    const read = await api.CustomerByLegacyId({ legacyId });
    expect(read.customer?.contacts).toEqual([{ name: 'Pat', phone: null, email: 'pat@example.ie' }]);
    const updated = await api.UpdateCustomer({ input: { id: read.customer!.id, name: 'Client Tested', status: 'potential' } });
    expect(updated.customerUpdate.customer).toMatchObject({ name: 'Client Tested', status: 'potential' });
    const invalid = await api.UpdateCustomer({ input: { id: read.customer!.id, status: 'no-such-status' } });
    expect(invalid.customerUpdate.userErrors[0]).toMatchObject({ field: ['input', 'status'], code: 'INVALID' });
    const deleted = await api.DeleteCustomer({ input: { id: read.customer!.id } });
    expect(deleted.customerDelete.deletedId).toBe(read.customer!.id);
    expect((await api.CustomerByLegacyId({ legacyId })).customer).toBeNull();
  });
});
