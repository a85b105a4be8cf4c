/**
 * Where the compiled read path (src/graphql/compiled) finds the address book (areas, streets,
 * buildings, in location.service's orders) and a customer's place in it (`location`, made of
 * the customer row's own columns, as CustomerLocationFieldResolver builds it).
 */
import { customers } from '../customers/customer.table';
import { geoPointSql } from '../graphql/geo-point';
import { addSqlFields, mapTypeToSql, sameNamedColumns, type ListQuery } from '../graphql/compiled/mapping';
import { areaStreetsQuery, streetBuildingsQuery, type BuildingSortField, type StreetSortField } from './location.service';
import { areas } from './area.table';
import { buildings } from './building.table';
import { streets } from './street.table';

mapTypeToSql('Area', {
  table: areas,
  idColumn: areas.id,
  operatorColumn: areas.operatorId,
  fields: {
    ...sameNamedColumns(areas, ['name', 'internal', 'createdAt']),
    streets: {
      connection: 'Street',
      by: streets.areaId,
      query: (args, operatorId): ListQuery => {
        const orderBy = args.orderBy as { field: StreetSortField; direction?: 'asc' | 'desc' } | undefined;
        return { ...areaStreetsQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
      },
    },
  },
});

mapTypeToSql('Street', {
  table: streets,
  idColumn: streets.id,
  operatorColumn: streets.operatorId,
  fields: {
    ...sameNamedColumns(streets, ['name', 'internal', 'createdAt']),
    area: { one: 'Area', via: streets.areaId },
    buildings: {
      connection: 'Building',
      by: buildings.streetId,
      query: (args, operatorId): ListQuery => {
        const orderBy = args.orderBy as { field: BuildingSortField; direction?: 'asc' | 'desc' } | undefined;
        return { ...streetBuildingsQuery(operatorId, orderBy?.field, orderBy?.direction), page: args };
      },
    },
  },
});

mapTypeToSql('Building', {
  table: buildings,
  idColumn: buildings.id,
  operatorColumn: buildings.operatorId,
  fields: { ...sameNamedColumns(buildings, ['name', 'internal', 'createdAt']), street: { one: 'Street', via: buildings.streetId } },
});

addSqlFields('Customer', {
  location: {
    embedded: {
      area: { one: 'Area', via: customers.areaId },
      street: { one: 'Street', via: customers.streetId },
      building: { one: 'Building', via: customers.buildingId },
      coordinates: geoPointSql(customers.latitude, customers.longitude),
    },
  },
});
