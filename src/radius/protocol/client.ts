/**
 * Sending one RADIUS request over UDP and waiting for its answer, with retransmission: the
 * same datagram (same Identifier and authenticator, RFC 5080 §2.2.1) is sent again after each
 * timeout until the attempts are used up. Replies from another address, with another
 * Identifier, malformed, or failing the Response Authenticator / Message-Authenticator check
 * are discarded silently (RFC 2865 §3), so a forged or stale datagram cannot answer for the
 * NAS; how many were discarded is reported when no valid answer comes.
 */
import { createSocket, type Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { decodePacket, HEADER_LENGTH, RadiusFormatError, verifyResponse, type RadiusPacket } from './packet';

export interface RadiusExchangeOptions {
  host: string;
  port: number;
  secret: string;
  /** The signed request (packet.ts sign*). */
  request: Buffer;
  /** How long to wait for each attempt, in milliseconds. */
  timeoutMs: number;
  /** Retransmissions after the first attempt. */
  retries: number;
}

export interface RadiusExchange {
  reply: RadiusPacket;
  /** The reply's length on the wire. */
  replyLength: number;
  attempts: number;
  local: { address: string; port: number };
  remote: { address: string; port: number };
}

/** No valid answer came: the peer is down, unreachable, or does not share the secret. */
export class RadiusTimeoutError extends Error {
  constructor(
    readonly remote: string,
    readonly attempts: number,
    /** Replies discarded for a wrong authenticator: the secrets most likely differ. */
    readonly discarded: number,
  ) {
    super(
      `no answer from ${remote} after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}` +
        (discarded ? ` (${discarded} ${discarded === 1 ? 'reply' : 'replies'} failed the authenticator check: is the shared secret right?)` : ''),
    );
    this.name = 'RadiusTimeoutError';
  }
}

/** The host's address: literal addresses as they are, names resolved once. */
async function resolve(host: string): Promise<{ address: string; family: 4 | 6 }> {
  const literal = isIP(host);
  if (literal) return { address: host, family: literal as 4 | 6 };
  const found = await lookup(host);
  return { address: found.address, family: found.family === 6 ? 6 : 4 };
}

function bind(socket: Socket): Promise<void> {
  return new Promise((resolveBind, reject) => {
    socket.once('error', reject);
    socket.bind(0, () => {
      socket.off('error', reject);
      resolveBind();
    });
  });
}

export async function exchange(options: RadiusExchangeOptions): Promise<RadiusExchange> {
  const { port, secret, request, timeoutMs, retries } = options;
  if (request.length < HEADER_LENGTH) throw new RadiusFormatError('the request is not a RADIUS packet');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RadiusFormatError(`bad UDP port ${port}`);
  const remote = await resolve(options.host);
  const identifier = request[1]!;
  const requestAuthenticator = Buffer.from(request.subarray(4, HEADER_LENGTH));
  const maxAttempts = 1 + Math.max(0, retries);
  const socket = createSocket(remote.family === 6 ? 'udp6' : 'udp4');
  try {
    await bind(socket);
    const local = socket.address();
    return await new Promise<RadiusExchange>((resolveReply, reject) => {
      let attempts = 0;
      let discarded = 0;
      let timer: NodeJS.Timeout | undefined;
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        socket.removeAllListeners('message');
        socket.removeAllListeners('error');
        fn();
      };
      const attempt = () => {
        attempts += 1;
        socket.send(request, port, remote.address, (error) => {
          if (error) finish(() => reject(error));
        });
        timer = setTimeout(() => {
          if (attempts < maxAttempts) attempt();
          else finish(() => reject(new RadiusTimeoutError(`${remote.address}:${port}`, attempts, discarded)));
        }, timeoutMs);
      };
      socket.on('error', (error) => finish(() => reject(error)));
      socket.on('message', (data, from) => {
        if (from.address !== remote.address || from.port !== port) return;
        let reply: RadiusPacket;
        try {
          reply = decodePacket(data);
        } catch {
          return;
        }
        if (reply.identifier !== identifier) return;
        if (!verifyResponse(data, requestAuthenticator, secret)) {
          discarded += 1;
          return;
        }
        finish(() =>
          resolveReply({ reply, replyLength: data.readUInt16BE(2), attempts, local: { address: local.address, port: local.port }, remote: { address: remote.address, port } }),
        );
      });
      attempt();
    });
  } finally {
    socket.close();
  }
}
