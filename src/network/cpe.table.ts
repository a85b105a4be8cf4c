import { boolean, check, index, integer, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, latitude, longitude, operatorColumn, updatedAt } from '../db/columns';
import { customers } from '../customers/customer.table';
import { equipment } from './equipment.table';

/**
 * Customer premises equipment: a piece of equipment installed at a customer (SIMPLer addCPE/
 * modifyCPE/deleteCPE/getCPEData: `equipid`, `customerid`, `gpsx`, `gpsy`, `distance`, `colour`,
 * `frequency`, `installedby`, `dishinstalled`, `groundingcompleted`, `additionalinfo`).
 * getCPEData's nickname/ipaddress/serialnumber/macaddress filters go through `equipment`.
 * A customer with CPE cannot be deleted (deleteCustomer rule 11), nor can equipment in use as one.
 */
export const cpes = pgTable(
  'cpes',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    equipmentId: integer()
      .notNull()
      .references(() => equipment.id, { onDelete: 'restrict' }),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    latitude: latitude(),
    longitude: longitude(),
    distance: numeric(),
    colour: text(),
    frequency: text(),
    installedBy: text(),
    dishInstalled: boolean().notNull().default(false),
    groundingCompleted: boolean().notNull().default(false),
    additionalInfo: text().array(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cpes_equipment_key').on(t.equipmentId),
    index('cpes_customer_idx').on(t.customerId),
    index('cpes_operator_idx').on(t.operatorId),
    check('cpes_latitude_check', sql`${t.latitude} between -90 and 90`),
    check('cpes_longitude_check', sql`${t.longitude} between -180 and 180`),
  ],
);
