/** Where the compiled read path (src/graphql/compiled) finds a TaxZone, and a customer's default zone. */
import { customers } from '../customers/customer.table';
import { addSqlFields, mapTypeToSql, sameNamedColumns } from '../graphql/compiled/mapping';
import { taxZones } from './tax-zone.table';

mapTypeToSql('TaxZone', {
  table: taxZones,
  idColumn: taxZones.id,
  operatorColumn: taxZones.operatorId,
  fields: sameNamedColumns(taxZones, ['name', 'rate', 'createdAt']),
});

addSqlFields('Customer', { taxZone: { one: 'TaxZone', via: customers.taxZoneId } });
