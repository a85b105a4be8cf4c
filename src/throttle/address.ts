/**
 * The network a failed login is charged to. IPv4 addresses count one by one; an IPv6 client
 * usually owns a whole /64 (one customer line, one cloud host), so counting single IPv6
 * addresses would hand an attacker 2^64 fresh ones. Hand-written because it is five lines of
 * string work that no library we carry does on its own.
 */
import { isIPv4, isIPv6 } from 'node:net';

export function addressBucket(clientIp: string): string {
  const ip = clientIp.startsWith('::ffff:') && isIPv4(clientIp.slice(7)) ? clientIp.slice(7) : clientIp;
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return 'unknown';
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, zone id dropped, `::` filled in. */
function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]!.toLowerCase().split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // A dotted IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) stands for two groups.
  const rightGroups = right.length + (right.at(-1)?.includes('.') ? 1 : 0);
  const missing = tail === undefined ? 0 : 8 - left.length - rightGroups;
  return [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
