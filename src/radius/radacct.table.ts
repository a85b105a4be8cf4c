import { bigint, index, inet, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { operators } from '../tenancy/operator.table';
import { customers } from '../customers/customer.table';

/**
 * FreeRADIUS `radacct`, exactly FreeRADIUS 3's PostgreSQL shape and column names: one row per
 * session, inserted and updated by rlm_sql itself. Serves SIMPLer listRadiusSessions (every
 * field of its sample) and Jaze last log-off time / online status (E26)
 * and usage figures.
 *
 * `operator_id` and `customer_id` are ours and nullable: FreeRADIUS's stock accounting INSERT
 * does not know them (a NOT NULL column would make it fail and lose the session), so they are
 * filled afterwards from `radius_accounts` by username, which is unique across operators.
 * Sessions are history: deleting a customer keeps them, unattributed.
 */
export const radacct = pgTable(
  'radacct',
  {
    radacctid: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    operatorId: integer().references(() => operators.id, { onDelete: 'cascade' }),
    customerId: integer().references(() => customers.id, { onDelete: 'set null' }),
    acctsessionid: text().notNull(),
    acctuniqueid: text().notNull(),
    username: text(),
    realm: text(),
    nasipaddress: inet().notNull(),
    nasportid: text(),
    nasporttype: text(),
    acctstarttime: timestamp({ withTimezone: true }),
    acctupdatetime: timestamp({ withTimezone: true }),
    acctstoptime: timestamp({ withTimezone: true }),
    acctinterval: bigint({ mode: 'number' }),
    acctsessiontime: bigint({ mode: 'number' }),
    acctauthentic: text(),
    connectinfo_start: text(),
    connectinfo_stop: text(),
    acctinputoctets: bigint({ mode: 'number' }),
    acctoutputoctets: bigint({ mode: 'number' }),
    calledstationid: text(),
    callingstationid: text(),
    acctterminatecause: text(),
    servicetype: text(),
    framedprotocol: text(),
    framedipaddress: inet(),
    framedipv6address: inet(),
    framedipv6prefix: inet(),
    framedinterfaceid: text(),
    delegatedipv6prefix: inet(),
    class: text(),
    /** Ours, not FreeRADIUS's (its queries name their columns): when the row arrived, and last changed (touch_updated_at). */
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('radacct_acctuniqueid_key').on(t.acctuniqueid),
    index('radacct_username_acctstarttime_idx').on(t.username, t.acctstarttime),
    index('radacct_customer_idx').on(t.customerId),
    index('radacct_operator_acctstarttime_idx').on(t.operatorId, t.acctstarttime),
    index('radacct_nasipaddress_idx').on(t.nasipaddress),
    /** Open sessions, as FreeRADIUS's bulk close (NAS reboot) and online-status look-ups want. */
    index('radacct_open_sessions_idx')
      .on(t.nasipaddress, t.acctstarttime)
      .where(sql`${t.acctstoptime} is null`),
    index('radacct_framedipaddress_idx').on(t.framedipaddress),
  ],
);
