/**
 * The SIMPLer OperatorAPI over SOAP 1.1: POST /API/operatorapi.pl (dispatch on the Body's first
 * child, whatever the SOAPAction says) and GET /API/operatorapi.pl?wsdl (the WSDL, addressed to
 * the host that asked). Protocol errors are Faults with HTTP 500; application errors are the
 * documented error strings with HTTP 200; while the database is unavailable, a Server Fault
 * with HTTP 503.
 */
import { idempotencyKeyFrom } from '../../idempotency/http';
import type { Database } from '../../db/client';
import { BodyTooLargeError, sendText, type RequestContext, type Router } from '../../server/http';
import { isDatabaseUnavailable, logUnavailable, RETRY_AFTER_HEADER, UNAVAILABLE_MESSAGE } from '../../availability';
import { log } from '../../server/logger';
import { decodeUtf8, InvalidEncodingError } from '../../input';
import { describeError } from '../../shared/describe-error';
import { ignoredHeaderOn } from '../catalog/ignored';
import { SIMPLER_OPERATIONS, findSimplerOperation, positionalOrder } from '../simpler/catalogue';
import { invokeSimpler } from '../simpler/invoke';
import { xmlDocument } from '../xml/write';
import { readEnvelope, soapArguments, SoapProtocolError } from './envelope';
import { soapFault, soapResponse } from './respond';
import { generateWsdl } from './wsdl';

export const SOAP_PATH = '/API/operatorapi.pl';
const XML = 'text/xml; charset=utf-8';

export function registerOperatorApiSoap(router: Router, db: Database): void {
  router.add('POST', SOAP_PATH, 'soap', (ctx) => handleSoap(ctx, db));
  router.add('GET', SOAP_PATH, 'soap', ({ url, req, res }) => {
    if (![...url.searchParams.keys()].some((k) => k.toLowerCase() === 'wsdl')) {
      return sendText(res, 400, `POST SOAP 1.1 requests to ${SOAP_PATH}; GET ${SOAP_PATH}?wsdl for the service description.\n`);
    }
    sendText(res, 200, generateWsdl(SIMPLER_OPERATIONS, `http://${hostOf(req.headers.host)}${SOAP_PATH}`), XML);
  });
}

/** The Host header, if it is a plain host[:port]; anything else falls back to localhost. */
function hostOf(header: string | undefined): string {
  return header && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(header) ? header : 'localhost';
}

async function handleSoap(ctx: RequestContext, db: Database): Promise<void> {
  const { res } = ctx;
  const fault = (status: number, code: 'Client' | 'Server' | 'VersionMismatch', message: string) => sendText(res, status, soapFault(code, message), XML);
  let body: string;
  try {
    body = decodeUtf8(await ctx.body(), 'the SOAP request');
  } catch (error) {
    if (error instanceof BodyTooLargeError) return fault(413, 'Client', error.message);
    if (error instanceof InvalidEncodingError) return fault(500, 'Client', error.message);
    throw error;
  }
  try {
    const call = readEnvelope(body);
    const op = findSimplerOperation(call.operation);
    if (!op) return fault(500, 'Client', `unknown operation ${call.operation}`);
    const raw = soapArguments(call.parameters, positionalOrder(op));
    const result = await invokeSimpler(db, op, raw, {
      clientIp: ctx.clientIp,
      surface: 'soap',
      requestId: ctx.requestId,
      idempotencyKey: idempotencyKeyFrom(ctx.req.headers),
      onIgnored: ignoredHeaderOn(ctx.res),
    });
    if (typeof result !== 'string' && !result.xml) throw new Error(`${op.name} returned no XML document`);
    const text = typeof result === 'string' ? result : xmlDocument(result.xml!);
    sendText(res, 200, soapResponse(op.name, call.namespace, text), XML);
  } catch (error) {
    if (error instanceof SoapProtocolError) return fault(500, error.faultCode, error.message);
    if (isDatabaseUnavailable(error)) {
      // A Server fault (the request was fine; retry it), with 503 and Retry-After for HTTP-level retries.
      logUnavailable(ctx.requestId, 'soap', error);
      return sendText(res, 503, soapFault('Server', UNAVAILABLE_MESSAGE), XML, RETRY_AFTER_HEADER);
    }
    log('error', 'soap operation failed', { requestId: ctx.requestId, error: describeError(error) });
    fault(500, 'Server', `internal error (request id ${ctx.requestId})`);
  }
}
