/**
 * GraphQL enums for network fields. Each TypeScript value is the stored database value, so rows
 * pass through unchanged; GraphQL shows the conventional UPPER_CASE names.
 */
import { registerEnumType } from 'type-graphql';

export enum SiteStatus {
  POTENTIAL = 'potential',
  PRODUCTION = 'production',
  DECOMMISSIONED = 'decommissioned',
  CANCELLED = 'cancelled',
}
registerEnumType(SiteStatus, {
  name: 'SiteStatus',
  description: 'SIMPLer site status 1-4.',
  valuesConfig: {
    PRODUCTION: { description: 'In service (SIMPLer 2).' },
    POTENTIAL: { description: 'Planned or under survey (SIMPLer 1).' },
    DECOMMISSIONED: { description: 'Taken out of service (SIMPLer 3).' },
    CANCELLED: { description: 'Given up before it went into production (SIMPLer 4).' },
  },
});

export enum SiteType {
  NETWORK = 'network',
  WAREHOUSE = 'warehouse',
  INSTALLER = 'installer',
}
registerEnumType(SiteType, {
  name: 'SiteType',
  description: 'What a site is used for.',
  valuesConfig: {
    WAREHOUSE: { description: 'A store for equipment.' },
    NETWORK: { description: 'Part of the network: a tower, rooftop or other mount.' },
    INSTALLER: { description: 'A base installers work from.' },
  },
});

export enum TowerType {
  BUILDING = 'building',
  GRAIN = 'grain',
  GUIDED_TOWER = 'guided_tower',
  LATTICE = 'lattice',
  MONOPOLE = 'monopole',
  POLE = 'pole',
  WATER_TOWER = 'water_tower',
}
registerEnumType(TowerType, {
  name: 'TowerType',
  description: 'The kind of structure at a site.',
  valuesConfig: {
    WATER_TOWER: { description: 'A water tower.' },
    POLE: { description: 'A pole.' },
    MONOPOLE: { description: 'A monopole.' },
    LATTICE: { description: 'A self-supporting lattice tower.' },
    GUIDED_TOWER: { description: 'A guyed tower.' },
    GRAIN: { description: 'A grain elevator or silo.' },
    BUILDING: { description: 'A building or rooftop.' },
  },
});

export enum MaintenanceInterval {
  NONE = 'none',
  QUARTERLY = 'quarterly',
  SEMI_ANNUALLY = 'semi_annually',
  ANNUALLY = 'annually',
}
registerEnumType(MaintenanceInterval, {
  name: 'MaintenanceInterval',
  description: 'How often a site is due for maintenance.',
  valuesConfig: {
    SEMI_ANNUALLY: { description: 'Every six months.' },
    QUARTERLY: { description: 'Every three months.' },
    NONE: { description: 'No scheduled maintenance.' },
    ANNUALLY: { description: 'Once a year.' },
  },
});

export enum EquipmentStatus {
  STOCK = 'stock',
  USE = 'use',
}
registerEnumType(EquipmentStatus, {
  name: 'EquipmentStatus',
  description: 'In stock, or in use.',
  valuesConfig: {
    USE: { description: 'Installed and in use.' },
    STOCK: { description: 'In stock, not installed anywhere.' },
  },
});

export enum InterfaceRole {
  CANOPY = 'canopy',
  PUBLIC = 'public',
  CUSTOMER = 'customer',
  PRIVATE = 'private',
}
registerEnumType(InterfaceRole, {
  name: 'InterfaceRole',
  description: 'What the addresses of a gateway interface serve.',
  valuesConfig: {
    PUBLIC: { description: 'Public, internet-routable addresses.' },
    PRIVATE: { description: 'Private addresses.' },
    CUSTOMER: { description: 'Addresses handed to customers.' },
    CANOPY: { description: 'Addresses of Canopy radio equipment.' },
  },
});
