import { boolean, check, date, index, integer, numeric, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, latitude, longitude, operatorColumn, updatedAt } from '../db/columns';

/** SIMPLer `interval`: 0 none, 1 Quarterly, 2 Semi-Annually, 3 Annually. */
export const siteMaintenanceInterval = pgEnum('site_maintenance_interval', ['none', 'quarterly', 'semi_annually', 'annually']);
/** SIMPLer `status`: 1 Potential, 2 Production, 3 Decommissioned, 4 Cancelled. */
export const siteStatus = pgEnum('site_status', ['potential', 'production', 'decommissioned', 'cancelled']);
/** SIMPLer `sitetype`: Network, Warehouse, Installer. */
export const siteType = pgEnum('site_type', ['network', 'warehouse', 'installer']);
/** SIMPLer `towertype`: Building, Grain, Guided Tower, Lattice, Monopole, Pole, Water Tower. */
export const towerType = pgEnum('tower_type', ['building', 'grain', 'guided_tower', 'lattice', 'monopole', 'pole', 'water_tower']);

/**
 * A physical place: tower, rooftop, warehouse or installer base (SIMPLer addSite/modifySite/
 * deleteSite, every documented field). Equipment is assigned to sites and basestations stand
 * on them. SIMPLer's `gpsx`/`gpsy` and `accessgpsx`/`accessgpsy` land in latitude/longitude;
 * the adapter owns which axis is which.
 */
export const sites = pgTable(
  'sites',
  {
    id: idColumn(),
    operatorId: operatorColumn(),
    /** SIMPLer `sitename`. */
    name: text().notNull(),
    /** SIMPLer `wibid`: the gateway's WIB number (gateways.wibNumber), kept as the wire gives it. */
    wibNumber: integer(),
    contactName: text(),
    accessInfo: text(),
    latitude: latitude(),
    longitude: longitude(),
    phone: text(),
    email: text(),
    accessHours: text(),
    maintenanceInterval: siteMaintenanceInterval().notNull().default('none'),
    status: siteStatus().notNull().default('potential'),
    siteType: siteType(),
    /** SIMPLer `maintenanceOption`: 0 disabled, 1 enabled. */
    maintenanceEnabled: boolean().notNull().default(false),
    frequency: numeric(),
    height: numeric(),
    /** SIMPLer `min_stock_level` (documented as TEXT). */
    minStockLevel: text(),
    common: text(),
    owner: text(),
    reference: text(),
    mlDuration: text(),
    towerType: towerType(),
    subStatus: text(),
    poNumber: text(),
    complianceNumber: text(),
    heightAllocation: text(),
    /** Where to enter the site from (SIMPLer `accessgpsx`/`accessgpsy`). */
    accessLatitude: latitude(),
    accessLongitude: longitude(),
    nextMaintenanceDate: date(),
    street1: text(),
    street2: text(),
    city: text(),
    county: text(),
    zip: text(),
    /** Full US state name; SIMPLer rejects abbreviations (validated by the service). */
    state: text(),
    /** Full country name (validated by the service). */
    country: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sites_operator_name_key').on(t.operatorId, t.name),
    index('sites_operator_wib_number_idx').on(t.operatorId, t.wibNumber),
    check('sites_latitude_check', sql`${t.latitude} between -90 and 90 and ${t.accessLatitude} between -90 and 90`),
    check('sites_longitude_check', sql`${t.longitude} between -180 and 180 and ${t.accessLongitude} between -180 and 180`),
  ],
);
