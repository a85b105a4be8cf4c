import { index, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { idColumn, operatorColumn } from '../db/columns';
import { radiusOperators, radiusOpCheck } from './radius-op';

/**
 * FreeRADIUS `radgroupcheck` in FreeRADIUS 3's own shape: check items shared by every user of a group
 * (the bandwidth profile a plan or bucket puts users in; Jaze groups, SIMPLer
 * updateBucketsFromSubscription). FreeRADIUS matches group names across all rows, so group
 * names are one namespace for all operators: the service names groups per operator.
 */
export const radgroupcheck = pgTable(
  'radgroupcheck',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    groupname: text().notNull().default(''),
    attribute: text().notNull().default(''),
    op: varchar({ length: 2, enum: radiusOperators }).notNull().default('=='),
    value: text().notNull().default(''),
  },
  (t) => [
    index('radgroupcheck_groupname_attribute_idx').on(t.groupname, t.attribute),
    index('radgroupcheck_operator_idx').on(t.operatorId),
    radiusOpCheck('radgroupcheck_op_check', t.op),
  ],
);
