/**
 * Where the compiled read path (src/graphql/compiled) finds a Customer: the customers table,
 * its columns by the fields' names, and the relations other areas declare beside their types.
 * Fields not named anywhere are answered by the resolvers.
 */
import { asc, isNotNull, sql } from 'drizzle-orm';
import { addressSql } from '../graphql/address';
import { geoPointSql } from '../graphql/geo-point';
import { addSqlFields, mapRootFieldToSql, mapTypeToSql, sameNamedColumns, type SqlField } from '../graphql/compiled/mapping';
import { customerContacts } from './contact.table';
import { customerFilterOf, customerIdOf, customerSortOf } from './customer.mapping';
import { customerConditions } from './customer.service';
import { customers } from './customer.table';
import type { CustomerFilterInput, CustomerOrder } from './customer.types';

// The installation address has no country of its own (customer.mapping.ts INSTALLATION_ADDRESS).
const address = (install: boolean): SqlField =>
  addressSql({
    street1: install ? customers.installStreet1 : customers.street1,
    street2: install ? customers.installStreet2 : customers.street2,
    town: install ? customers.installTown : customers.town,
    county: install ? customers.installCounty : customers.county,
    postcode: install ? customers.installPostcode : customers.postcode,
    state: install ? customers.installState : customers.state,
    country: customers.country,
  });

/** Fields other areas add to Customer (plan, billing, reseller…) are declared in their own files. */
export const customerFields: Record<string, SqlField> = {
  ...sameNamedColumns(customers, [
    'name', 'nickname', 'invoicingId', 'companyName', 'accountType', 'status', 'subStatus', 'accessState', 'customerTracking',
    'importance', 'note', 'privateNote', 'initDate', 'startDate', 'installDate', 'activatedAt', 'expiresAt', 'phone', 'altPhone',
    'fax', 'email', 'accountsEmail', 'supportEmail', 'website', 'installationArea', 'portalUsername', 'marketingCode',
    'marketingEmails', 'referenceText', 'referralFeeStatus', 'referralFeeAmount', 'invoicingEnabled', 'billingFrequencyMonths',
    'invoicingDay', 'paymentMethod', 'invoiceSendMethod', 'sendReceipt', 'creditDays', 'setupFees', 'vatExempt',
    'vatExemptionReference', 'vatExemptionDate', 'taxMode', 'taxRate', 'freeService', 'voipEnabled', 'monitor',
    'connectionLimit', 'createdAt', 'updatedAt',
  ]),
  billingAddress: address(false),
  installationAddress: address(true),
  coordinates: geoPointSql(customers.latitude, customers.longitude),
  hasPortalPassword: { expression: () => sql`${isNotNull(customers.portalPasswordHash)}` },
};

mapTypeToSql('Customer', { table: customers, idColumn: customers.id, operatorColumn: customers.operatorId, fields: customerFields });

mapRootFieldToSql('customers', {
  connection: 'Customer',
  query: (args, operatorId) => ({
    where: customerConditions(operatorId, customerFilterOf(args.filter as CustomerFilterInput | undefined)),
    sort: customerSortOf(args.orderBy as CustomerOrder | undefined),
    page: args,
  }),
});

mapRootFieldToSql('customer', { lookup: 'Customer', id: (args) => customerIdOf(args) });

mapTypeToSql('Contact', {
  table: customerContacts,
  idColumn: customerContacts.id,
  operatorColumn: customerContacts.operatorId,
  fields: sameNamedColumns(customerContacts, ['name', 'phone', 'role', 'email']),
});

// The same order as the resolver's loader (contactsByCustomer).
addSqlFields('Customer', { contacts: { many: 'Contact', by: customerContacts.customerId, orderBy: [asc(customerContacts.position), asc(customerContacts.id)] } });
