/**
 * Pure address-pool arithmetic for generateIP: which addresses an interface may hand out, and
 * the first free ones. No database here, so every rule is unit-tested on its own.
 */
import { cidrParts, intToIpv4, ipv4ToInt } from './cidr';

export interface PoolSpec {
  /** The interface network, CIDR ("192.0.2.0/24"). */
  network: string;
  gatewayAddress?: string | null;
  /** First address handed out; the first host of the network when null. */
  startIp?: string | null;
  /** How many addresses from startIp; up to the end of the network when null. */
  numberOfIps?: number | null;
}

export interface Pool {
  /** First and last candidate address, as numbers (inclusive); first > last when empty. */
  first: number;
  last: number;
  /** Addresses inside [first, last] that are never handed out (network, broadcast, gateway). */
  reserved: number[];
}

/** Strips a prefix ("10.0.0.1/32" → "10.0.0.1") and validates an IPv4 address. */
export function ipv4Value(address: string): number | null {
  return ipv4ToInt(address.split('/')[0]!.trim());
}

/** The candidate range of an IPv4 pool; null when the network is not IPv4 or the spec is unusable. */
export function poolOf(spec: PoolSpec): Pool | null {
  const parts = cidrParts(spec.network);
  const base = ipv4Value(spec.network);
  if (!parts || base === null || spec.network.includes(':')) return null;
  const size = 2 ** (32 - parts.prefixLength);
  const network = Math.floor(base / size) * size;
  const broadcast = network + size - 1;
  const start = spec.startIp ? ipv4Value(spec.startIp) : network + (parts.prefixLength <= 30 ? 1 : 0);
  if (start === null || start < network || start > broadcast) return null;
  const count = spec.numberOfIps ?? broadcast - start + 1;
  if (!(count > 0)) return { first: start, last: start - 1, reserved: [] };
  const last = Math.min(start + count - 1, broadcast);
  const reserved = new Set<number>();
  // /31 and /32 have no network or broadcast address to keep free (RFC 3021).
  if (parts.prefixLength <= 30) {
    reserved.add(network);
    reserved.add(broadcast);
  }
  const gateway = spec.gatewayAddress ? ipv4Value(spec.gatewayAddress) : null;
  if (gateway !== null) reserved.add(gateway);
  return { first: start, last, reserved: [...reserved].filter((r) => r >= start && r <= last).sort((a, b) => a - b) };
}

/**
 * The first `quantity` free addresses of the pool in ascending order, skipping reserved and
 * `taken` ones, and how many free addresses the pool has in all.
 */
export function pickFree(pool: Pool, taken: Iterable<string>, quantity: number): { ips: string[]; free: number } {
  const blocked = new Set(pool.reserved);
  for (const address of taken) {
    const value = ipv4Value(address);
    if (value !== null && value >= pool.first && value <= pool.last) blocked.add(value);
  }
  const size = Math.max(0, pool.last - pool.first + 1);
  const free = size - blocked.size;
  const ips: string[] = [];
  for (let value = pool.first; value <= pool.last && ips.length < quantity; value++) {
    if (!blocked.has(value)) ips.push(intToIpv4(value));
  }
  return { ips, free };
}
