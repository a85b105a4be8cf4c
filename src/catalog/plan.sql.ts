/** Where the compiled read path (src/graphql/compiled) finds a Plan, and a customer's plan. */
import { customers } from '../customers/customer.table';
import { addSqlFields, mapTypeToSql, sameNamedColumns } from '../graphql/compiled/mapping';
import { plans } from './plan.table';

mapTypeToSql('Plan', {
  table: plans,
  idColumn: plans.id,
  operatorColumn: plans.operatorId,
  fields: sameNamedColumns(plans, [
    'kind', 'name', 'description', 'protocol', 'connectivity', 'period', 'periodUnit', 'locationCode', 'subLocationCode', 'enabled',
    'dataCarryover', 'hideBandwidthLimit', 'limit1Gb', 'bw1DownloadKbps', 'bw1UploadKbps', 'bw2DownloadKbps', 'bw2UploadKbps',
    'radiusGroup', 'price', 'frequencyMonths', 'taxRate', 'createdAt',
  ]),
});

addSqlFields('Customer', { servicePlan: { one: 'Plan', via: customers.servicePlanId } });
