import {
  type AnyPgColumn,
  check,
  date,
  index,
  inet,
  integer,
  macaddr,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, money, operatorColumn, updatedAt } from '../db/columns';
import { sites } from './site.table';

/** SIMPLer equipment `status`: in stock or in use. */
export const equipmentStatus = pgEnum('equipment_status', ['stock', 'use']);

/**
 * The inventory: every device an operator owns, in stock or deployed (SIMPLer listEquipment/
 * addEquipment/modifyEquipment). A device becomes a CPE or a basestation by a row in `cpes` or
 * `basestations`. `type` stays text: the documented list (AirOSBH … canopy320ap) is open-ended
 * across vendors and the vendor's own sample returns `telradltecpe`, which is not on it.
 * The SIM fields (imsi, ki, opcode, msisdn, sqn, pin1, pin2, puk1, adm1, iccid) serve LTE CPEs;
 * operators read them back to provision the core, so they are stored as given.
 * `assigned_site_name` and `parentNickname` on the wire are look-ups resolved to `siteId` and
 * `parentId`; `custom_field_*` values live in `custom_field_values` (customers folder).
 */
export const equipment = pgTable(
  'equipment',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    nickname: text().notNull(),
    ipAddress: inet(),
    description: text(),
    serialNumber: text(),
    /** SIMPLer `mac` on writes, `macaddress` on reads. */
    mac: macaddr(),
    status: equipmentStatus().notNull().default('stock'),
    invDetails: text(),
    /** SIMPLer `parent`: the device this one hangs off. */
    parentId: integer().references((): AnyPgColumn => equipment.id, { onDelete: 'set null' }),
    type: text(),
    typeLabel: text(),
    snmpCommunity: text(),
    /** Equipment cost. */
    value: money(),
    /** SIMPLer `assigned_site`. */
    siteId: integer().references(() => sites.id, { onDelete: 'set null' }),
    /** Overrides the operator's default maintenance e-mail address. */
    maintEmail: text(),
    dhcpOptions: text(),
    /** Free-form operator data; SIMPLer itself never reads it. */
    equipmentData: text(),
    supplier: text(),
    supplierOrderNo: text(),
    receiveBy: text(),
    receiveDate: date(),
    internalGroupNo: text(),
    port: text(),
    /** SIMPLer `equipnote`. */
    note: text(),
    imsi: text(),
    ki: text(),
    opcode: text(),
    msisdn: text(),
    sqn: text(),
    pin1: text(),
    pin2: text(),
    puk1: text(),
    adm1: text(),
    iccid: text(),
    /** SIMPLer `date_added`. */
    dateAdded: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('equipment_operator_nickname_key').on(t.operatorId, t.nickname),
    index('equipment_operator_type_idx').on(t.operatorId, t.type),
    index('equipment_operator_ip_address_idx').on(t.operatorId, t.ipAddress),
    index('equipment_operator_mac_idx').on(t.operatorId, t.mac),
    index('equipment_operator_serial_number_idx').on(t.operatorId, t.serialNumber),
    index('equipment_parent_idx').on(t.parentId),
    index('equipment_site_idx').on(t.siteId),
    check('equipment_not_own_parent_check', sql`${t.parentId} <> ${t.id}`),
  ],
);
