/**
 * Calling the SIMPLer OperatorAPI from tests the way legacy clients do: SOAP envelopes shaped
 * like SOAP::Lite's (xsi:type on every leaf, non-ASCII text as base64Binary, nil as xsi:nil)
 * and REST/JSON bodies as the document's curl examples send them.
 */
import { request } from 'node:http';
import { parseXml, type ParsedElement } from '../../src/legacy/xml/parse';

export const DEMO_API = { api_username: 'demo', api_password: 'demo' } as const;

export type Params = Record<string, string | number | null | undefined | (string | number)[]>;

export interface SoapReply {
  status: number;
  body: string;
  /** The text of `<return>`, when the reply is not a Fault. */
  result?: string;
  fault?: { code: string; message: string };
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function soapParam(name: string, value: Params[string]): string {
  if (value === undefined) return '';
  if (value === null) return `<${name} xsi:nil="true"/>`;
  if (Array.isArray(value)) return `<${name} xsi:type="soapenc:Array">${value.map((v) => `<item xsi:type="xsd:string">${escape(String(v))}</item>`).join('')}</${name}>`;
  const text = String(value);
  // SOAP::Lite sends any string with non-ASCII characters as base64Binary.
  if (/[^\x20-\x7e]/.test(text)) return `<${name} xsi:type="xsd:base64Binary">${Buffer.from(text, 'utf8').toString('base64')}</${name}>`;
  return `<${name} xsi:type="xsd:string">${escape(text)}</${name}>`;
}

export function soapEnvelope(operation: string, params: Params, namespace = 'http://127.0.0.1/OperatorAPI'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope soap:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" ` +
    `xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" ` +
    `xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<soap:Body><${operation} xmlns="${namespace}">${Object.entries(params).map(([k, v]) => soapParam(k, v)).join('')}</${operation}></soap:Body></soap:Envelope>`
  );
}

/** POSTs a raw SOAP body; returns the status, the body and the `<return>` text or Fault. */
export async function postSoap(baseUrl: string, body: string, soapAction = '"http://127.0.0.1/OperatorAPI#op"'): Promise<SoapReply> {
  const res = await fetch(`${baseUrl}/API/operatorapi.pl`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: soapAction },
    body,
  });
  const text = await res.text();
  const reply: SoapReply = { status: res.status, body: text };
  const envelope = parseXml(text);
  const payload = envelope.children.find((c) => c.local === 'Body')!.children[0]!;
  if (payload.local === 'Fault') {
    reply.fault = { code: child(payload, 'faultcode')!.text, message: child(payload, 'faultstring')!.text };
  } else {
    reply.result = child(payload, 'return')!.text;
  }
  return reply;
}

/** Calls an operation over SOAP with the demo credentials (unless `params` names others). */
export function soap(baseUrl: string, operation: string, params: Params = {}): Promise<SoapReply> {
  return postSoap(baseUrl, soapEnvelope(operation, { ...DEMO_API, ...params }), `"http://127.0.0.1/OperatorAPI#${operation}"`);
}

export interface RestReply {
  status: number;
  ip: string;
  result: unknown;
}

/** Calls an operation over REST/JSON (default `POST /API/<operation>`) with the demo credentials. */
export async function rest(baseUrl: string, operation: string, params: Params = {}, options: { method?: string; path?: string } = {}): Promise<RestReply> {
  // fetch() cannot send a body with GET, but curl -X GET -d '{…}' (the document's example) does.
  if (options.method === 'GET') return restRaw(baseUrl, 'GET', options.path ?? `/API/${operation}`, JSON.stringify({ ...DEMO_API, ...params }));
  const res = await fetch(`${baseUrl}${options.path ?? `/API/${operation}`}`, {
    method: options.method ?? 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ ...DEMO_API, ...params }),
  });
  const body = (await res.json()) as { ip: string; result: unknown };
  return { status: res.status, ip: body.ip, result: body.result };
}

/** Any method with a JSON body, over node:http (which, like curl, allows a body on GET). */
export function restRaw(baseUrl: string, method: string, path: string, body: string): Promise<RestReply> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => {
        try {
          const parsed = JSON.parse(data) as { ip: string; result: unknown };
          resolve({ status: res.statusCode ?? 0, ip: parsed.ip, result: parsed.result });
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export type Dialect = 'soap' | 'rest';
export const DIALECTS: Dialect[] = ['soap', 'rest'];

/**
 * The operation's string result through either dialect (SOAP `<return>` text or REST `result`),
 * for write operations whose replies are the same strings on both.
 */
export async function callText(dialect: Dialect, baseUrl: string, operation: string, params: Params = {}): Promise<string> {
  if (dialect === 'soap') {
    const reply = await soap(baseUrl, operation, params);
    if (reply.fault) throw new Error(`SOAP fault ${reply.fault.code}: ${reply.fault.message}`);
    return reply.result!;
  }
  const reply = await rest(baseUrl, operation, params);
  if (typeof reply.result !== 'string') throw new Error(`expected a string result, got ${JSON.stringify(reply.result)}`);
  return reply.result;
}

/** Parses the XML document a SOAP get/list/search operation returns in its string. */
export function xmlResult(result: string): ParsedElement {
  return parseXml(result);
}

export function child(element: ParsedElement, local: string): ParsedElement | undefined {
  return element.children.find((c) => c.local === local);
}

export function children(element: ParsedElement, local: string): ParsedElement[] {
  return element.children.filter((c) => c.local === local);
}

/** `{ name: text }` of an element's leaf children (the usual record shape of SIMPLer documents). */
export function leaves(element: ParsedElement): Record<string, string> {
  return Object.fromEntries(element.children.filter((c) => c.children.length === 0).map((c) => [c.local, c.text]));
}
