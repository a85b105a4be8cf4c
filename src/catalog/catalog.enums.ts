/**
 * GraphQL enums for catalogue fields. Each TypeScript value is the stored database value, so
 * rows pass through unchanged; GraphQL shows the conventional UPPER_CASE names.
 */
import { registerEnumType } from 'type-graphql';

export enum PlanKind {
  SERVICE = 'service',
  FEE = 'fee',
  HARDWARE = 'hardware',
}
registerEnumType(PlanKind, { name: 'PlanKind', description: 'A service sold by period, a one-off fee, or hardware.' });

export enum PlanProtocol {
  PPPOE = 'pppoe',
  IPOE = 'ipoe',
  LEASED_LINE = 'leased_line',
}
registerEnumType(PlanProtocol, { name: 'PlanProtocol' });

export enum PlanConnectivity {
  WIRELESS = 'wireless',
  FIBRE = 'fibre',
  HOTSPOT = 'hotspot',
}
registerEnumType(PlanConnectivity, { name: 'PlanConnectivity' });

export enum PlanPeriodUnit {
  DAY = 'day',
  MONTH = 'month',
  YEAR = 'year',
}
registerEnumType(PlanPeriodUnit, { name: 'PlanPeriodUnit' });
