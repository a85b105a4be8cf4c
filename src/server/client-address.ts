/**
 * Who is calling: the address the access lists check and the logs record. Behind a reverse
 * proxy the socket's peer is the proxy, so the client is read from X-Forwarded-For — but only
 * when the peer is a proxy named in TRUST_PROXY, walking the header from the right and
 * stopping at the first address that is not trusted (anyone can write that header). The rule
 * is proxy-addr's, the library Express uses for the same purpose.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type TrustPredicate = (address: string, hop: number) => boolean;

/** Compiles a TRUST_PROXY list; throws on an entry that is not an address, a CIDR or a known name. */
export function compileTrust(entries: readonly string[]): TrustPredicate {
  return proxyaddr.compile([...entries]);
}

/** The caller's address, IPv4-mapped IPv6 written as plain IPv4 (as the access lists store it). */
export function clientAddress(req: IncomingMessage, trust: TrustPredicate): string {
  const address = req.socket.remoteAddress ? proxyaddr(req, trust) : '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
