/**
 * `npm run bench:soap -- [--url http://127.0.0.1:8080] [--operation searchCustomer] [--params '{"lastname":"a"}']
 *   [--concurrency 8] [--seconds 10] [--max-requests 20000]`
 * Sends one OperatorAPI SOAP call repeatedly (as SOAP::Lite would write it) to a running server
 * and prints requests/s, latency percentiles, SQL statements per request and server memory as JSON.
 */
import { parseArgs } from '../src/db/cli/args';
import { runLoad } from './load';

const args = parseArgs(process.argv.slice(2), { url: 'string', operation: 'string', params: 'string', concurrency: 'number', seconds: 'number', 'max-requests': 'number' });
const baseUrl = String(args.url ?? 'http://127.0.0.1:8080');
const operation = String(args.operation ?? 'searchCustomer');
const params: Record<string, string> = { api_username: 'demo', api_password: 'demo', ...(args.params ? JSON.parse(String(args.params)) : {}) };

const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const body =
  `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ` +
  `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>` +
  `<${operation} xmlns="${baseUrl}/OperatorAPI">` +
  Object.entries(params).map(([k, v]) => `<${k} xsi:type="xsd:string">${escape(String(v))}</${k}>`).join('') +
  `</${operation}></soap:Body></soap:Envelope>`;

const result = await runLoad({
  baseUrl,
  concurrency: Number(args.concurrency ?? 8),
  seconds: Number(args.seconds ?? 10),
  maxRequests: Number(args['max-requests'] ?? 20_000),
  send: async (url) => {
    const res = await fetch(`${url}/API/operatorapi.pl`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${url}/OperatorAPI#${operation}"` },
      body,
    });
    const text = await res.text();
    return res.ok && !text.includes('<return xsi:type="xsd:string">ERROR:');
  },
});
process.stdout.write(`${JSON.stringify({ surface: 'soap', operation, params: { ...params, api_password: undefined }, ...result })}\n`);
