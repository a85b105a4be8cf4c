/**
 * Approximate town-centre coordinates (WGS84) the local geocoder knows: the towns of the demo
 * data. An address in any other town is reported as not placed, never guessed.
 */
export const TOWN_CENTROIDS: readonly { town: string; county: string; latitude: number; longitude: number }[] = [
  { town: 'Cork', county: 'Cork', latitude: 51.8985, longitude: -8.4756 },
  { town: 'Blarney', county: 'Cork', latitude: 51.9333, longitude: -8.5667 },
  { town: 'Mallow', county: 'Cork', latitude: 52.139, longitude: -8.6451 },
  { town: 'Fermoy', county: 'Cork', latitude: 52.1386, longitude: -8.2758 },
  { town: 'Kinsale', county: 'Cork', latitude: 51.7059, longitude: -8.5222 },
  { town: 'Killarney', county: 'Kerry', latitude: 52.0599, longitude: -9.5044 },
  { town: 'Tralee', county: 'Kerry', latitude: 52.2713, longitude: -9.6999 },
  { town: 'Limerick', county: 'Limerick', latitude: 52.6638, longitude: -8.6267 },
];
