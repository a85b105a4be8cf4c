/**
 * The RADIUS server's own counters (Jaze E36 get_radius_statistics): a Status-Server query
 * (RFC 5997) to FreeRADIUS's `status` virtual server, carrying a Message-Authenticator (HMAC-MD5
 * with the shared secret, mandatory for Status-Server) and FreeRADIUS-Statistics-Type; the
 * Access-Accept that answers it carries the counters as FreeRADIUS vendor attributes (vendor
 * 11344). Where the server is and its secret are configuration (config.ts radiusSettings:
 * RADIUS_STATUS_HOST / RADIUS_STATUS_PORT / RADIUS_STATUS_SECRET). The counters are server-wide,
 * not per operator.
 */
import { randomInt } from 'node:crypto';
import { radiusSettings } from '../config';
import type { ServiceContext } from '../shared/context';
import { PreconditionFailedError } from '../shared/errors';
import { exchange, RadiusTimeoutError } from './protocol/client';
import { definitionOf, encodeAttribute, formatValue, STATISTICS_TYPE, VENDOR } from './protocol/dictionary';
import { codeName, RadiusCode, signRandomRequest, vendorAttributes } from './protocol/packet';

export type StatisticsType = 'Authentication' | 'Accounting';

export interface RadiusCounter {
  /** The dictionary name, e.g. `FreeRADIUS-Total-Access-Requests`. */
  name: string;
  value: string;
}

export interface RadiusStatistics {
  type: StatisticsType;
  identifier: number;
  requestLength: number;
  replyCode: string;
  replyLength: number;
  local: { address: string; port: number };
  server: { address: string; port: number };
  counters: RadiusCounter[];
}

function unavailable(message: string): PreconditionFailedError {
  return new PreconditionFailedError(message, [{ field: [], message, code: 'PRECONDITION_FAILED' }]);
}

/** Asks the configured RADIUS server for its authentication or accounting counters. */
export async function statistics(_ctx: ServiceContext, type: StatisticsType): Promise<RadiusStatistics> {
  const settings = radiusSettings();
  const { host, port, secret } = settings.status;
  if (!secret) throw unavailable('RADIUS statistics are not configured: set RADIUS_STATUS_SECRET (and RADIUS_STATUS_HOST / RADIUS_STATUS_PORT) to the status server ispgraph may query');
  const identifier = randomInt(0, 256);
  const request = signRandomRequest({ code: RadiusCode.StatusServer, identifier, attributes: [encodeAttribute(STATISTICS_TYPE, type)] }, secret, { messageAuthenticator: true });
  let answer;
  try {
    answer = await exchange({ host, port, secret, request, timeoutMs: settings.timeoutMs, retries: settings.retries });
  } catch (error) {
    const reason = error instanceof RadiusTimeoutError ? error.message : `querying ${host}:${port} failed: ${(error as Error).message}`;
    throw unavailable(`the RADIUS server did not report its statistics: ${reason}`);
  }
  const { reply } = answer;
  if (reply.code !== RadiusCode.AccessAccept) {
    throw unavailable(`the RADIUS server answered the Status-Server query with ${codeName(reply.code)}: is ispgraph a client of its status server?`);
  }
  const counters = vendorAttributes(reply, VENDOR.FreeRADIUS)
    .filter((a) => a.type !== STATISTICS_TYPE.type)
    .map((a) => {
      const definition = definitionOf(VENDOR.FreeRADIUS, a.type) ?? { name: `Attr-26.${VENDOR.FreeRADIUS}.${a.type}`, vendorId: VENDOR.FreeRADIUS, type: a.type, valueType: 'octets' as const };
      return { name: definition.name, value: formatValue(definition, a.value) };
    });
  return {
    type,
    identifier,
    requestLength: request.length,
    replyCode: codeName(reply.code),
    replyLength: answer.replyLength,
    local: answer.local,
    server: answer.remote,
    counters,
  };
}
