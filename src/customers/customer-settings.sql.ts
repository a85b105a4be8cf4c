/**
 * The compiled read path's form of customer-settings.resolver.ts where it is a plain relation:
 * bucket, sales people, referrer and sand settings. Groups and custom field values (through
 * link tables) are answered by the resolvers.
 */
import { buckets } from '../catalog/bucket.table';
import { addSqlFields, mapTypeToSql, sameNamedColumns } from '../graphql/compiled/mapping';
import { customers } from './customer.table';
import { salesPeople } from './sales-person.table';
import { customerSandSettings } from './sand-settings.table';

mapTypeToSql('Bucket', {
  table: buckets,
  idColumn: buckets.id,
  operatorColumn: buckets.operatorId,
  fields: { legacyId: { column: buckets.id }, ...sameNamedColumns(buckets, ['name', 'trafficLimitGb', 'radiusGroup']) },
});

mapTypeToSql('SalesPerson', {
  table: salesPeople,
  idColumn: salesPeople.id,
  operatorColumn: salesPeople.operatorId,
  fields: { legacyId: { column: salesPeople.id }, ...sameNamedColumns(salesPeople, ['role', 'name', 'email', 'phone']) },
});

mapTypeToSql('CustomerSandSettings', {
  table: customerSandSettings,
  idColumn: customerSandSettings.customerId,
  operatorColumn: customerSandSettings.operatorId,
  fields: sameNamedColumns(customerSandSettings, [
    'invoiceStatus', 'invoiceEmailFrom', 'invoiceEmailTo', 'invoiceEmailBcc', 'invoiceBillingIssueDate', 'invoiceEmailDate1', 'invoiceEmailDate2',
    'invoiceDisconnectionDate', 'invoiceThrottlingDate', 'invoiceDeferredTo', 'lodgementFailureEmail2', 'lodgementFailureEmail3',
    'lodgementFailureDisconnection', 'trafficLimitGb', 'trafficStatus', 'trafficEmailFrom', 'trafficEmailTo', 'trafficEmailBcc',
    'trafficEmailThreshold1', 'trafficEmailThreshold2', 'trafficDisconnectionThreshold', 'trafficOverageThreshold', 'trafficDoNotProrate',
    'trafficDoNotCarryOverage', 'trafficDeferredTo',
  ]),
});

addSqlFields('Customer', {
  bucket: { one: 'Bucket', via: customers.bucketId },
  salesman: { one: 'SalesPerson', via: customers.salesmanId },
  valueAddedReseller: { one: 'SalesPerson', via: customers.valueAddedResellerId },
  masterAgent: { one: 'SalesPerson', via: customers.masterAgentId },
  regionalSalesManager: { one: 'SalesPerson', via: customers.regionalSalesManagerId },
  referrer: { one: 'Customer', via: customers.referrerCustomerId },
  sand: { one: 'CustomerSandSettings', by: customerSandSettings.customerId },
});
