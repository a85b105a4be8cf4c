/**
 * The one coordinate pair of the graph. Tables keep latitude and longitude as two numeric
 * columns under their own names; the graph shows them as one GeoPoint, null unless both are
 * set, and takes them as one GeoPointInput (null clears both, omitted keeps both).
 */
import type { PgColumn } from 'drizzle-orm/pg-core';
import { Field, InputType, ObjectType } from 'type-graphql';
import type { SqlField } from './compiled/mapping';
import { LatitudeScalar, LongitudeScalar } from './scalars';

@ObjectType({ description: 'A position on the earth (WGS 84), in decimal degrees.' })
export class GeoPoint {
  @Field(() => LatitudeScalar, { description: 'Degrees north of the equator (negative: south), -90 to 90.' }) latitude!: string;
  @Field(() => LongitudeScalar, { description: 'Degrees east of Greenwich (negative: west), -180 to 180.' }) longitude!: string;
}

@InputType({ description: 'A position on the earth (WGS 84), in decimal degrees; both parts are required.' })
export class GeoPointInput {
  @Field(() => LatitudeScalar, { description: 'Degrees north of the equator (negative: south), -90 to 90.' }) latitude!: number;
  @Field(() => LongitudeScalar, { description: 'Degrees east of Greenwich (negative: west), -180 to 180.' }) longitude!: number;
}

/** Which columns (by their names in the service's row and input) hold the pair. */
export interface GeoPointColumns {
  latitude: string;
  longitude: string;
}

export const GEO_POINT_COLUMNS: GeoPointColumns = { latitude: 'latitude', longitude: 'longitude' };

/** The GeoPoint of a row; null unless both parts are set. */
export function geoPointOf(row: object, columns: GeoPointColumns = GEO_POINT_COLUMNS): GeoPoint | null {
  const values = row as Record<string, string | null | undefined>;
  const latitude = values[columns.latitude];
  const longitude = values[columns.longitude];
  return latitude == null || longitude == null ? null : { latitude, longitude };
}

/** A GeoPointInput as the service's fields (decimal strings): undefined keeps, null clears both. */
export function fromGeoPointInput(input: GeoPointInput | null | undefined, columns: GeoPointColumns = GEO_POINT_COLUMNS): Record<string, string | null> {
  if (input === undefined) return {};
  if (input === null) return { [columns.latitude]: null, [columns.longitude]: null };
  return { [columns.latitude]: String(input.latitude), [columns.longitude]: String(input.longitude) };
}

/** For `mutate`'s rename: the service's column names → their place in the input. */
export function geoPointRename(field: string, columns: GeoPointColumns = GEO_POINT_COLUMNS): Record<string, readonly string[]> {
  return { [columns.latitude]: [field, 'latitude'], [columns.longitude]: [field, 'longitude'] };
}

/** The compiled read path's GeoPoint: the two columns, null when either is. */
export function geoPointSql(latitude: PgColumn, longitude: PgColumn): SqlField {
  return { embedded: { latitude: { column: latitude }, longitude: { column: longitude } }, nullUnless: [latitude, longitude] };
}
