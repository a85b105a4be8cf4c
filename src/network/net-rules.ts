/** Pure checks on addresses the network services accept (SIMPLer "must be a valid ip/mac address"). */
import { isIP, isIPv4 } from 'node:net';

export const isIpAddress = (value: string): boolean => isIP(value.trim()) !== 0;
export const isIpv4Address = (value: string): boolean => isIPv4(value.trim());

const MAC_FORMATS = [/^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i, /^([0-9a-f]{4}\.){2}[0-9a-f]{4}$/i, /^[0-9a-f]{12}$/i];

/** A MAC in canonical form (aa:bb:cc:dd:ee:ff), or null when the text is not a MAC address. */
export function normalizeMac(value: string): string | null {
  const v = value.trim();
  if (!MAC_FORMATS.some((f) => f.test(v))) return null;
  const hex = v.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return hex.match(/../g)!.join(':');
}
