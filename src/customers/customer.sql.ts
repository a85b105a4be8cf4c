/**
 * Where the compiled read path (src/graphql/compiled) finds a Customer: the customers table,
 * its columns by the fields' names, and the relations other areas declare beside their types.
 * Fields not named anywhere are answered by the resolvers.
 */
import { asc, isNotNull, sql } from 'drizzle-orm';
import { addSqlFields, mapRootFieldToSql, mapTypeToSql, sameNamedColumns, type SqlField } from '../graphql/compiled/mapping';
import { customerContacts } from './contact.table';
import { customerFilterOf, customerIdOf, customerSortOf } from './customer.mapping';
import { customerConditions } from './customer.service';
import { customers } from './customer.table';
import type { CustomerFilterInput, CustomerOrder } from './customer.types';

const address = (install: boolean): SqlField => ({
  embedded: {
    street1: { column: install ? customers.installStreet1 : customers.street1 },
    street2: { column: install ? customers.installStreet2 : customers.street2 },
    town: { column: install ? customers.installTown : customers.town },
    county: { column: install ? customers.installCounty : customers.county },
    postcode: { column: install ? customers.installPostcode : customers.postcode },
    state: { column: install ? customers.installState : customers.state },
    // One country for both addresses (customer.mapping.ts toCustomer).
    country: { column: customers.country },
  },
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
    'connectionLimit', 'createdAt', 'updatedAt', 'latitude', 'longitude',
  ]),
  billingAddress: address(false),
  installationAddress: address(true),
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
