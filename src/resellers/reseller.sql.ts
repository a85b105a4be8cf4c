/** Where the compiled read path (src/graphql/compiled) finds a Reseller, and a customer's reseller. */
import { isNull } from 'drizzle-orm';
import { customers } from '../customers/customer.table';
import { addressSql } from '../graphql/address';
import { addSqlFields, mapTypeToSql, sameNamedColumns } from '../graphql/compiled/mapping';
import { resellers } from './reseller.table';

mapTypeToSql('Reseller', {
  table: resellers,
  idColumn: resellers.id,
  operatorColumn: resellers.operatorId,
  // As reseller.service's findByIds: a deleted reseller is not shown through a reference.
  visible: () => isNull(resellers.deletedAt),
  fields: {
    ...sameNamedColumns(resellers, ['type', 'name', 'code', 'mobile', 'email', 'invoiceBy', 'paymentBy', 'commissionPercent', 'creditLimit', 'createdAt']),
    // reseller.mapping.ts RESELLER_ADDRESS
    address: addressSql({ street1: resellers.address, state: resellers.state, country: resellers.country }),
  },
});

addSqlFields('Customer', { reseller: { one: 'Reseller', via: customers.resellerId } });
