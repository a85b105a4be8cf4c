/**
 * Networks on an API access list, checked before they reach PostgreSQL's `cidr` type: a plain
 * address means that one host (/32 or /128), and a network with host bits set (10.0.0.1/8) is
 * refused with the network it probably meant, as PostgreSQL's cidr would refuse it less kindly.
 */
import { isIP } from 'node:net';

/** The 16 or 4 bytes of an address that isIP accepts. */
function bytesOf(address: string, family: 4 | 6): number[] {
  if (family === 4) return address.split('.').map(Number);
  let text = address;
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two hex groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.flatMap((g) => {
    const value = parseInt(g, 16);
    return [value >> 8, value & 0xff];
  });
}

function format(bytes: number[], family: 4 | 6): string {
  if (family === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

export type NetworkCheck = { ok: true; network: string } | { ok: false; message: string };

/** `network` as a CIDR PostgreSQL accepts, or why it is not one. */
export function parseNetwork(input: string): NetworkCheck {
  const text = input.trim();
  const [address = '', prefixText, ...rest] = text.split('/');
  const family = isIP(address);
  if (rest.length || address.includes('%') || (family !== 4 && family !== 6)) return { ok: false, message: `"${input}" is not an IP address or CIDR network (e.g. 192.0.2.0/24, 2001:db8::/32)` };
  const bits = family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return { ok: false, message: `"${input}": the prefix length must be a number from 0 to ${bits}` };
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return { ok: false, message: `"${input}": the prefix length must be a number from 0 to ${bits}` };
  const bytes = bytesOf(address, family);
  const masked = bytes.map((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  if (masked.some((byte, i) => byte !== bytes[i])) {
    return { ok: false, message: `"${input}" has bits set after the /${prefix} prefix; did you mean ${format(masked, family)}/${prefix}?` };
  }
  return { ok: true, network: `${address}/${prefix}` };
}
