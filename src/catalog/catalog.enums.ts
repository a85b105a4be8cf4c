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
registerEnumType(PlanKind, {
  name: 'PlanKind',
  description: 'A service sold by period, a one-off fee, or hardware.',
  valuesConfig: {
    SERVICE: { description: 'A connectivity service sold by period.' },
    FEE: { description: 'A one-off fee.' },
    HARDWARE: { description: 'Hardware sold to the customer.' },
  },
});

export enum PlanProtocol {
  PPPOE = 'pppoe',
  IPOE = 'ipoe',
  LEASED_LINE = 'leased_line',
}
registerEnumType(PlanProtocol, {
  name: 'PlanProtocol',
  description: 'How a subscriber connects and is authenticated.',
  valuesConfig: {
    PPPOE: { description: 'PPP over Ethernet.' },
    IPOE: { description: 'IP over Ethernet.' },
    LEASED_LINE: { description: 'A leased line.' },
  },
});

export enum PlanConnectivity {
  WIRELESS = 'wireless',
  FIBRE = 'fibre',
  HOTSPOT = 'hotspot',
}
registerEnumType(PlanConnectivity, {
  name: 'PlanConnectivity',
  description: 'How the service reaches the customer.',
  valuesConfig: {
    WIRELESS: { description: 'Fixed wireless.' },
    FIBRE: { description: 'Fibre.' },
    HOTSPOT: { description: 'A Wi-Fi hotspot.' },
  },
});

export enum PlanPeriodUnit {
  DAY = 'day',
  MONTH = 'month',
  YEAR = 'year',
}
registerEnumType(PlanPeriodUnit, {
  name: 'PlanPeriodUnit',
  description: 'The unit of a plan period.',
  valuesConfig: {
    DAY: { description: 'Days.' },
    MONTH: { description: 'Months.' },
    YEAR: { description: 'Years.' },
  },
});
