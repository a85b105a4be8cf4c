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
registerEnumType(SiteStatus, { name: 'SiteStatus', description: 'SIMPLer site status 1-4.' });

export enum SiteType {
  NETWORK = 'network',
  WAREHOUSE = 'warehouse',
  INSTALLER = 'installer',
}
registerEnumType(SiteType, { name: 'SiteType' });

export enum TowerType {
  BUILDING = 'building',
  GRAIN = 'grain',
  GUIDED_TOWER = 'guided_tower',
  LATTICE = 'lattice',
  MONOPOLE = 'monopole',
  POLE = 'pole',
  WATER_TOWER = 'water_tower',
}
registerEnumType(TowerType, { name: 'TowerType' });

export enum MaintenanceInterval {
  NONE = 'none',
  QUARTERLY = 'quarterly',
  SEMI_ANNUALLY = 'semi_annually',
  ANNUALLY = 'annually',
}
registerEnumType(MaintenanceInterval, { name: 'MaintenanceInterval', description: 'How often a site is due for maintenance.' });

export enum EquipmentStatus {
  STOCK = 'stock',
  USE = 'use',
}
registerEnumType(EquipmentStatus, { name: 'EquipmentStatus', description: 'In stock, or in use.' });

export enum InterfaceRole {
  CANOPY = 'canopy',
  PUBLIC = 'public',
  CUSTOMER = 'customer',
  PRIVATE = 'private',
}
registerEnumType(InterfaceRole, { name: 'InterfaceRole' });
