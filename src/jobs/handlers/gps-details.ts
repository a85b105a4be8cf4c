/**
 * `update_gps_details` (SIMPLer updateGPSdetails): fills missing customer coordinates from
 * their installation address (the billing address when there is none) through the geocoder,
 * and reports the addresses it could not place; those keep no coordinates.
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { customers } from '../../customers/customer.table';
import { audit } from '../../shared/audit';
import { adapters, type PostalAddress } from '../adapters';
import { onlyKeys, readInt, type JobKind } from '../job-kind';

export const updateGpsDetails: JobKind<{ customerId: number | null }> = {
  kind: 'update_gps_details',
  permission: 'customers.write',
  async validate(ctx, params, v) {
    onlyKeys(params, ['customerId'], v);
    const customerId = readInt(params, 'customerId', v, false);
    if (customerId != null) {
      const [row] = await ctx.db.select({ id: customers.id }).from(customers).where(and(eq(customers.operatorId, ctx.actor.operatorId), eq(customers.id, customerId)));
      if (!row) v.add('customerId', `customer ${customerId} does not exist`, 'NOT_FOUND');
    }
    return { customerId };
  },
  async run(ctx, params) {
    const missing = await ctx.db
      .select()
      .from(customers)
      .where(
        and(
          eq(customers.operatorId, ctx.actor.operatorId),
          params.customerId != null ? eq(customers.id, params.customerId) : undefined,
          or(isNull(customers.latitude), isNull(customers.longitude)),
        ),
      )
      .orderBy(asc(customers.id));
    const filled: { customerId: number; town: string | null; latitude: string; longitude: string }[] = [];
    const unplaced: { customerId: number; address: string }[] = [];
    for (const c of missing) {
      const install = c.installStreet1 || c.installTown || c.installPostcode;
      const address: PostalAddress = install
        ? { street1: c.installStreet1, street2: c.installStreet2, town: c.installTown, county: c.installCounty, postcode: c.installPostcode, country: c.country }
        : { street1: c.street1, street2: c.street2, town: c.town, county: c.county, postcode: c.postcode, country: c.country };
      const point = await adapters().geocoder.geocode(address);
      const valid = point && Number.isFinite(point.latitude) && Number.isFinite(point.longitude) && Math.abs(point.latitude) <= 90 && Math.abs(point.longitude) <= 180;
      if (!valid) {
        const text = [address.street1, address.street2, address.town, address.county, address.postcode, address.country].filter(Boolean).join(', ');
        unplaced.push({ customerId: c.id, address: text || '(no address)' });
        continue;
      }
      const latitude = point.latitude.toFixed(6);
      const longitude = point.longitude.toFixed(6);
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(customers)
          .set({ latitude, longitude })
          .where(and(eq(customers.id, c.id), or(isNull(customers.latitude), isNull(customers.longitude))));
        await audit(tx, ctx.actor, 'customer.gps.fill', 'customer', c.id, { latitude, longitude });
      });
      filled.push({ customerId: c.id, town: address.town, latitude, longitude });
    }
    return { examined: missing.length, filled, unplaced };
  },
};
