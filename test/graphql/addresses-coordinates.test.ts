/**
 * One address shape and one coordinate pair across the graph: every type with a postal address
 * (Customer, Site, CreditCard, Reseller) and every type with a position (Customer and its
 * location, Cpe, Site) is written and read back through the graph — round trip, omitted parts
 * kept, null clearing, parts a table does not store refused, bad coordinates refused by the
 * scalar — and the compiled read path answers the same JSON as the resolvers, a half-set pair
 * included.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import type { UserErrors } from '../helpers/mutation';
import { rows } from '../helpers/sql';

const ADDRESS = 'street1 street2 town county postcode state country';
const POINT = 'coordinates { latitude longitude }';
const NO_ADDRESS = { street1: null, street2: null, town: null, county: null, postcode: null, state: null, country: null };

type Body = { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };

describe.each(enabledEngines())('addresses and coordinates through the graph on %s', (engine) => {
  let pair: CompiledPair;
  let customer: { id: string; legacyId: number };

  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Body> => (await pair.send(pair.compiled, query, variables)).body as Body;
  const mutation = async (name: string, inputType: string, selection: string, input: Record<string, unknown>) => {
    const body = await gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { field message code } } }`, { input });
    expect(body.errors).toBeUndefined();
    return body.data![name] as Record<string, any> & { userErrors: UserErrors };
  };
  const refusedByScalar = async (name: string, inputType: string, input: Record<string, unknown>) => {
    const body = await gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { userErrors { field } } }`, { input });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  };
  /** The customer's addresses and positions (its own, its location's, its CPEs', cards' and reseller's), the same on both paths. */
  const customerView = () =>
    pair.expectSame(
      `query($id: Int!) { customer(legacyId: $id) { billingAddress { ${ADDRESS} } installationAddress { ${ADDRESS} } ${POINT}
        location { ${POINT} } cpes { legacyId ${POINT} } creditCards { legacyId address { ${ADDRESS} } } reseller { legacyId address { ${ADDRESS} } } } }`,
      { id: customer.legacyId },
    );

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    const made = await mutation('customerCreate', 'CustomerCreateInput', 'customer { id legacyId }', { name: 'Geo Test', nickname: 'geo_test', invoicingId: 'GEO-1' });
    customer = made.customer;
  });
  afterAll(async () => {
    await pair?.stop();
  });

  it("writes a customer's addresses and coordinates, keeps omitted parts, clears with null", async () => {
    const update = (input: Record<string, unknown>) =>
      mutation('customerUpdate', 'CustomerUpdateInput', `customer { billingAddress { ${ADDRESS} } installationAddress { ${ADDRESS} } ${POINT} location { ${POINT} } }`, {
        id: customer.id,
        ...input,
      });
    const set = await update({
      billingAddress: { street1: '1 Quay Street', street2: 'Unit 4', town: 'Cork', county: 'Cork', postcode: 'T12 AB34', state: 'Munster', country: 'Ireland' },
      installationAddress: { street1: '2 Harbour Row', town: 'Cobh' },
      coordinates: { latitude: 51.85, longitude: -8.2967 },
    });
    expect(set.userErrors).toEqual([]);
    expect(set.customer).toEqual({
      billingAddress: { street1: '1 Quay Street', street2: 'Unit 4', town: 'Cork', county: 'Cork', postcode: 'T12 AB34', state: 'Munster', country: 'Ireland' },
      // One country for both addresses.
      installationAddress: { ...NO_ADDRESS, street1: '2 Harbour Row', town: 'Cobh', country: 'Ireland' },
      coordinates: { latitude: 51.85, longitude: -8.2967 },
      location: { coordinates: { latitude: 51.85, longitude: -8.2967 } },
    });
    expect((await customerView()).customer).toMatchObject({ coordinates: { latitude: 51.85, longitude: -8.2967 }, installationAddress: { town: 'Cobh' } });

    const partly = await update({ billingAddress: { town: 'Mallow', postcode: null } });
    expect(partly.customer.billingAddress).toEqual({ street1: '1 Quay Street', street2: 'Unit 4', town: 'Mallow', county: 'Cork', postcode: null, state: 'Munster', country: 'Ireland' });
    expect(partly.customer.coordinates).toEqual({ latitude: 51.85, longitude: -8.2967 });

    const refused = await update({ installationAddress: { town: 'Youghal', country: 'France' } });
    expect(refused.customer).toBeNull();
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'installationAddress', 'country'], code: 'INVALID' })]);

    const cleared = await update({ coordinates: null, billingAddress: null });
    expect(cleared.customer).toMatchObject({ billingAddress: NO_ADDRESS, coordinates: null, location: { coordinates: null }, installationAddress: { town: 'Cobh', country: null } });
    expect((await customerView()).customer).toMatchObject({ billingAddress: NO_ADDRESS, coordinates: null, location: { coordinates: null } });

    await refusedByScalar('customerUpdate', 'CustomerUpdateInput', { id: customer.id, coordinates: { latitude: 90.5, longitude: 0 } });
    await refusedByScalar('customerUpdate', 'CustomerUpdateInput', { id: customer.id, coordinates: { latitude: 10 } });
  });

  it('shows no position, on both paths, when only one part of a pair is stored', async () => {
    await mutation('customerUpdate', 'CustomerUpdateInput', 'customer { id }', { id: customer.id, coordinates: { latitude: -33.5, longitude: 151.25 } });
    expect((await customerView()).customer.coordinates).toEqual({ latitude: -33.5, longitude: 151.25 });
    await pair.database.handle.db.execute(sql`update customers set longitude = null where id = ${customer.legacyId}`);
    expect((await customerView()).customer).toMatchObject({ coordinates: null, location: { coordinates: null } });
    await pair.database.handle.db.execute(sql`update customers set longitude = 151.25, latitude = null where id = ${customer.legacyId}`);
    expect((await customerView()).customer).toMatchObject({ coordinates: null, location: { coordinates: null } });
  });

  it("writes a CPE's coordinates and clears them", async () => {
    const device = await mutation('equipmentCreate', 'EquipmentCreateInput', 'equipment { id }', { nickname: 'GEO-CPE-1' });
    const made = await mutation('cpeCreate', 'CpeCreateInput', `cpe { id legacyId ${POINT} }`, {
      equipmentId: device.equipment.id,
      customerId: customer.id,
      coordinates: { latitude: 52.139, longitude: -8.6451 },
    });
    expect(made.userErrors).toEqual([]);
    expect(made.cpe.coordinates).toEqual({ latitude: 52.139, longitude: -8.6451 });
    expect((await customerView()).customer.cpes).toEqual([{ legacyId: made.cpe.legacyId, coordinates: { latitude: 52.139, longitude: -8.6451 } }]);

    const kept = await mutation('cpeUpdate', 'CpeUpdateInput', `cpe { ${POINT} }`, { id: made.cpe.id, colour: 'white' });
    expect(kept.cpe.coordinates).toEqual({ latitude: 52.139, longitude: -8.6451 });
    const cleared = await mutation('cpeUpdate', 'CpeUpdateInput', `cpe { ${POINT} }`, { id: made.cpe.id, coordinates: null });
    expect(cleared.cpe.coordinates).toBeNull();
    expect((await customerView()).customer.cpes).toEqual([{ legacyId: made.cpe.legacyId, coordinates: null }]);
    await refusedByScalar('cpeUpdate', 'CpeUpdateInput', { id: made.cpe.id, coordinates: { latitude: 0, longitude: -180.5 } });
  });

  it("writes a site's address, position and access point; refuses what the service refuses, at the part", async () => {
    const SITE = `site { id legacyId address { ${ADDRESS} } ${POINT} accessCoordinates { latitude longitude } }`;
    const made = await mutation('siteCreate', 'SiteCreateInput', SITE, {
      name: 'Geo Mast',
      address: { street1: 'Hill Road', street2: 'Gate 2', town: 'Albany', county: 'Albany', postcode: '12207', state: 'new york', country: 'Ireland' },
      coordinates: { latitude: 42.6526, longitude: -73.7562 },
      accessCoordinates: { latitude: 42.6527, longitude: -73.7561 },
    });
    expect(made.userErrors).toEqual([]);
    expect(made.site).toMatchObject({
      address: { street1: 'Hill Road', street2: 'Gate 2', town: 'Albany', county: 'Albany', postcode: '12207', state: 'New York', country: 'Ireland' },
      coordinates: { latitude: 42.6526, longitude: -73.7562 },
      accessCoordinates: { latitude: 42.6527, longitude: -73.7561 },
    });
    // Stored in the site's own columns, as the legacy operations read them.
    const stored = await rows<{ city: string; zip: string; lat: string }>(pair.database.handle.db, sql`select city, zip, latitude::text as lat from sites where id = ${made.site.legacyId}`);
    expect(stored).toEqual([{ city: 'Albany', zip: '12207', lat: '42.652600' }]);

    const changed = await mutation('siteUpdate', 'SiteUpdateInput', SITE, { id: made.site.id, address: { town: 'Troy', postcode: null }, accessCoordinates: null });
    expect(changed.site).toMatchObject({
      address: { street1: 'Hill Road', town: 'Troy', postcode: null, state: 'New York' },
      coordinates: { latitude: 42.6526, longitude: -73.7562 },
      accessCoordinates: null,
    });
    const read = await gql(`query($id: Int) { site(legacyId: $id) { address { ${ADDRESS} } ${POINT} accessCoordinates { latitude } } }`, { id: made.site.legacyId });
    expect(read.data!.site).toEqual({ address: changed.site.address, coordinates: changed.site.coordinates, accessCoordinates: null });

    const bad = await mutation('siteUpdate', 'SiteUpdateInput', SITE, { id: made.site.id, address: { state: 'NY', country: 'IE' } });
    expect(bad.userErrors.map((e) => [e.field.join('.'), e.code]).sort()).toEqual([
      ['input.address.country', 'INVALID'],
      ['input.address.state', 'INVALID'],
    ]);
    await refusedByScalar('siteUpdate', 'SiteUpdateInput', { id: made.site.id, accessCoordinates: { latitude: 'north', longitude: 0 } });
  });

  it("stores a card's billing address and shows it on both paths", async () => {
    const CARD = `creditCard { legacyId address { ${ADDRESS} } }`;
    const base = { customerId: customer.id, last4: '4242', token: 'gw_geo_1', moduleId: 3 };
    const made = await mutation('creditCardCreate', 'CreditCardCreateInput', CARD, {
      ...base,
      address: { street1: '5 Main St', town: 'Buffalo', county: 'Erie', postcode: '14201', state: 'New York', country: 'Ireland' },
    });
    expect(made.userErrors).toEqual([]);
    expect(made.creditCard.address).toEqual({ street1: '5 Main St', street2: null, town: 'Buffalo', county: 'Erie', postcode: '14201', state: 'New York', country: 'Ireland' });
    expect((await customerView()).customer.creditCards).toEqual([{ legacyId: made.creditCard.legacyId, address: made.creditCard.address }]);

    const bad = await mutation('creditCardCreate', 'CreditCardCreateInput', CARD, { ...base, token: 'gw_geo_2', address: { state: 'NY' } });
    expect(bad.userErrors).toEqual([expect.objectContaining({ field: ['input', 'address', 'state'], code: 'INVALID' })]);
  });

  it("keeps a reseller's one-line address in street1 and refuses the parts it does not store", async () => {
    const RESELLER = `reseller { id legacyId address { ${ADDRESS} } }`;
    const base = { type: 'RESELLER', invoiceBy: 'ISP', paymentBy: 'ISP', name: 'Geo Resale', mobile: '+353 21 123456', email: 'geo@resale.example' };
    const before = (await gql('{ resellers { totalCount } }')).data!.resellers.totalCount;
    const refused = await mutation('resellerCreate', 'ResellerCreateInput', RESELLER, { ...base, code: 'GEO1', address: { street1: '1 Main St', town: 'Cork', postcode: 'T12' } });
    expect(refused.reseller).toBeNull();
    expect(refused.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.address.town', 'INVALID'],
      ['input.address.postcode', 'INVALID'],
    ]);
    expect(refused.userErrors[0]!.message).toBe('town is not stored in this address; it takes street1, state, country');
    // The service's own refusal of its `address` column points at the part it became.
    const tooLong = await mutation('resellerCreate', 'ResellerCreateInput', RESELLER, { ...base, code: 'GEO1', address: { street1: 'x'.repeat(501) } });
    expect(tooLong.userErrors).toEqual([expect.objectContaining({ field: ['input', 'address', 'street1'], code: 'INVALID' })]);
    expect((await gql('{ resellers { totalCount } }')).data!.resellers.totalCount).toBe(before);

    const made = await mutation('resellerCreate', 'ResellerCreateInput', RESELLER, { ...base, code: 'GEO1', address: { street1: '1 Main St, Cork', state: 'Munster', country: 'Ireland', town: null } });
    expect(made.userErrors).toEqual([]);
    expect(made.reseller.address).toEqual({ ...NO_ADDRESS, street1: '1 Main St, Cork', state: 'Munster', country: 'Ireland' });
    await mutation('customerUpdate', 'CustomerUpdateInput', 'customer { id }', { id: customer.id, resellerId: made.reseller.id });
    expect((await customerView()).customer.reseller).toEqual({ legacyId: made.reseller.legacyId, address: made.reseller.address });

    const kept = await mutation('resellerUpdate', 'ResellerUpdateInput', RESELLER, { id: made.reseller.id, address: { state: null } });
    expect(kept.reseller.address).toEqual({ ...NO_ADDRESS, street1: '1 Main St, Cork', country: 'Ireland' });
    const cleared = await mutation('resellerUpdate', 'ResellerUpdateInput', RESELLER, { id: made.reseller.id, address: null });
    expect(cleared.reseller.address).toEqual(NO_ADDRESS);
    expect((await customerView()).customer.reseller.address).toEqual(NO_ADDRESS);
  });
});
