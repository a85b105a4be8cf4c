/**
 * Deterministic pseudo-random data for the demo and the generator: the same seed gives the
 * same database, so documentation examples and tests can name rows that exist.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** mulberry32: small, fast, good enough for test data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[['current', 60], ['post', 10]]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.int(0, 9));
    return out;
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += '0123456789abcdef'[this.int(0, 15)];
    return out;
  }

  mac(): string {
    return Array.from({ length: 6 }, () => this.hex(2)).join(':').toUpperCase();
  }
}

export const FIRST_NAMES = [
  'Aoife', 'Brian', 'Ciara', 'Declan', 'Eimear', 'Fionn', 'Grainne', 'Hugh', 'Isabel', 'Jack',
  'Kate', 'Liam', 'Maeve', 'Niall', 'Orla', 'Padraig', 'Roisin', 'Sean', 'Tara', 'Una',
  'Maciej', 'Anna', 'Piotr', 'Zoë', 'Rajesh', 'Priya', 'Carlos', 'Lucia', 'Ahmed', 'Fatima',
  'John', 'Mary', 'David', 'Sarah', 'Michael', 'Emma', 'James', 'Laura', 'Robert', 'Helen',
] as const;

export const LAST_NAMES = [
  'Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Smith', 'Byrne', 'Ryan', "O'Brien", 'Lynch', 'Doyle',
  'McCarthy', 'Gallagher', 'Doherty', 'Kennedy', 'Nowak', 'Kowalski', 'Gawlowski', 'Sharma', 'Garcia',
  'Fernandez', 'Hassan', 'Brown', 'Wilson', 'Taylor', 'Moore', 'Clarke', 'Quinn', 'Nolan', 'Burke', 'Power',
] as const;

export const TOWNS = [
  { town: 'Cork', county: 'Cork', postcode: 'T12' },
  { town: 'Blarney', county: 'Cork', postcode: 'T23' },
  { town: 'Mallow', county: 'Cork', postcode: 'P51' },
  { town: 'Fermoy', county: 'Cork', postcode: 'P61' },
  { town: 'Kinsale', county: 'Cork', postcode: 'P17' },
  { town: 'Killarney', county: 'Kerry', postcode: 'V93' },
  { town: 'Tralee', county: 'Kerry', postcode: 'V92' },
  { town: 'Limerick', county: 'Limerick', postcode: 'V94' },
] as const;

export const STREET_NAMES = [
  'Main Street', 'Church Road', 'River View', 'Mill Lane', 'Station Road', 'Green Park', 'Oak Avenue',
  'Harbour Road', 'College Road', 'Bridge Street', 'Castle Lane', 'Meadow Close',
] as const;

/** Decimal string with two places from integer cents: money stays exact. */
export function cents(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(Math.round(value));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The same day `months` months later, clamped to the month's last day (31 Jan + 1 month = 28 Feb, never 3 Mar). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return target;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
