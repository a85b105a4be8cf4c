/**
 * Pure IPv4/IPv6 network arithmetic for interfaces: `mask` and `broadcast` are derived from the
 * stored CIDR when served, so they can never disagree with it.
 */

export interface CidrParts {
  /** Dotted netmask for IPv4 (255.255.255.0); the prefix as `/64` for IPv6. */
  mask: string;
  /** Last address of the range for IPv4; null for IPv6, which has no broadcast. */
  broadcast: string | null;
  prefixLength: number;
}

/** An IPv4 address as a number (0 … 2^32-1); null if it is not a dotted quad. */
export function ipv4ToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

/** A number (0 … 2^32-1) as a dotted quad. */
export function intToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Splits "10.0.0.0/8" (or a bare address, a host route) into mask and broadcast; null if not a network. */
export function cidrParts(cidr: string): CidrParts | null {
  const [address = '', prefixText] = cidr.trim().split('/');
  if (address.includes(':')) {
    const prefixLength = prefixText === undefined ? 128 : Number(prefixText);
    if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 128) return null;
    return { mask: `/${prefixLength}`, broadcast: null, prefixLength };
  }
  const base = ipv4ToInt(address);
  const prefixLength = prefixText === undefined ? 32 : /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (base === null || !(prefixLength >= 0 && prefixLength <= 32)) return null;
  // Plain arithmetic instead of 32-bit bit operations, which would go negative above 2^31.
  const size = 2 ** (32 - prefixLength);
  const network = Math.floor(base / size) * size;
  return { mask: intToIpv4(2 ** 32 - size), broadcast: intToIpv4(network + size - 1), prefixLength };
}
