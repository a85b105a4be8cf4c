/**
 * Where the compiled read path (src/graphql/compiled) finds a customer's profile overrides
 * (at most one of each kind per customer: unique customer_id) and their parts, as
 * override.service reads them: items by set, then as added.
 */
import { asc } from 'drizzle-orm';
import { bandwidthTemplates } from '../catalog/bandwidth-template.table';
import { addSqlFields, mapTypeToSql, sameNamedColumns } from '../graphql/compiled/mapping';
import { bandwidthOverrides } from './bandwidth-override.table';
import { vendorAttributeOverrideItems, vendorAttributeOverrides } from './vendor-attribute-override.table';

const resetFields = ['restrictionOn', 'reset', 'resetLimit', 'resetUnit', 'resetEvery', 'resetEveryValue', 'resetEveryDay', 'reset2', 'updatedAt'];

mapTypeToSql('BandwidthTemplate', {
  table: bandwidthTemplates,
  idColumn: bandwidthTemplates.id,
  operatorColumn: bandwidthTemplates.operatorId,
  fields: sameNamedColumns(bandwidthTemplates, [
    'name', 'downloadKbps', 'uploadKbps', 'mikrotikRateLimit', 'burstDownloadKbps', 'burstUploadKbps', 'burstThresholdDownloadKbps',
    'burstThresholdUploadKbps', 'burstTimeSeconds', 'createdAt',
  ]),
});

mapTypeToSql('BandwidthOverride', {
  table: bandwidthOverrides,
  idColumn: bandwidthOverrides.id,
  operatorColumn: bandwidthOverrides.operatorId,
  fields: {
    ...sameNamedColumns(bandwidthOverrides, [...resetFields, 'excludeUpload', 'carryForwardPreviousData']),
    bandwidthTemplate: { one: 'BandwidthTemplate', via: bandwidthOverrides.bandwidthTemplateId },
    bandwidthTemplate2: { one: 'BandwidthTemplate', via: bandwidthOverrides.bandwidthTemplate2Id },
  },
});

mapTypeToSql('VendorAttributeOverrideItem', {
  table: vendorAttributeOverrideItems,
  idColumn: vendorAttributeOverrideItems.id,
  operatorColumn: vendorAttributeOverrideItems.operatorId,
  fields: sameNamedColumns(vendorAttributeOverrideItems, ['set', 'kind', 'vendor', 'attribute', 'op', 'value']),
});

mapTypeToSql('VendorAttributeOverride', {
  table: vendorAttributeOverrides,
  idColumn: vendorAttributeOverrides.id,
  operatorColumn: vendorAttributeOverrides.operatorId,
  fields: {
    ...sameNamedColumns(vendorAttributeOverrides, resetFields),
    items: { many: 'VendorAttributeOverrideItem', by: vendorAttributeOverrideItems.overrideId, orderBy: [asc(vendorAttributeOverrideItems.set), asc(vendorAttributeOverrideItems.id)] },
  },
});

addSqlFields('Customer', {
  bandwidthOverride: { one: 'BandwidthOverride', by: bandwidthOverrides.customerId },
  vendorAttributeOverride: { one: 'VendorAttributeOverride', by: vendorAttributeOverrides.customerId },
});
