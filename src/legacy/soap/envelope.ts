/**
 * Reading a SOAP 1.1 request the way the legacy clients write it (see the captures in
 * shared/spec/soap-client-captures.md): dispatch on the local name of the first Body child, in
 * whatever namespace; parameters by local name in any order; `xsi:type` ignored except that
 * base64Binary is decoded (SOAP::Lite sends every non-ASCII string that way); `xsi:nil` means
 * absent; positional `c-gensymN`/`paramN` arguments take the documented order; PHP's Apache Map
 * (`param0` of `item/key/value`) is unpacked.
 */
import { decodeUtf8, InvalidEncodingError } from '../../input';
import type { RawArgs, RawValue } from '../catalog/args';
import { attribute, parseXml, type ParsedElement } from '../xml/parse';

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12_ENVELOPE_NS = 'http://www.w3.org/2003/05/soap-envelope';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** A request the server cannot read as SOAP 1.1: answered with a Fault, never dispatched. */
export class SoapProtocolError extends Error {
  constructor(
    readonly faultCode: 'Client' | 'VersionMismatch',
    message: string,
  ) {
    super(message);
  }
}

export interface SoapCall {
  operation: string;
  /** The method element's namespace; the reply's element uses the same one. */
  namespace: string;
  /** The method element's children, not yet matched to a catalogue entry. */
  parameters: ParsedElement[];
}

export function readEnvelope(body: string): SoapCall {
  let root: ParsedElement;
  try {
    root = parseXml(body);
  } catch (error) {
    throw new SoapProtocolError('Client', `malformed XML: ${(error as Error).message}`);
  }
  if (root.local !== 'Envelope') throw new SoapProtocolError('Client', `expected a SOAP Envelope, got <${root.local}>`);
  if (root.uri === SOAP12_ENVELOPE_NS) throw new SoapProtocolError('VersionMismatch', 'this endpoint speaks SOAP 1.1 only');
  if (root.uri !== SOAP_ENVELOPE_NS) throw new SoapProtocolError('VersionMismatch', `unknown envelope namespace "${root.uri}"`);
  const body_ = root.children.find((c) => c.local === 'Body' && c.uri === SOAP_ENVELOPE_NS);
  if (!body_) throw new SoapProtocolError('Client', 'the Envelope has no Body');
  const method = body_.children[0];
  if (!method) throw new SoapProtocolError('Client', 'the Body names no operation');
  return { operation: method.local, namespace: method.uri, parameters: method.children };
}

const POSITIONAL = /^(c-gensym\d+|param\d+)$/;

/**
 * Turns the method element's children into named raw arguments. `order` is the documented
 * parameter order that positional arguments are assigned to.
 */
export function soapArguments(parameters: ParsedElement[], order: readonly string[]): RawArgs {
  const args: RawArgs = new Map();
  const positional: RawValue[] = [];
  for (const parameter of parameters) {
    if (isApacheMap(parameter)) {
      for (const item of parameter.children) {
        const key = item.children.find((c) => c.local === 'key');
        const value = item.children.find((c) => c.local === 'value');
        if (!key) throw new SoapProtocolError('Client', `a Map item in ${parameter.local} has no key`);
        args.set(key.text.trim(), value ? leafValue(value) : null);
      }
      continue;
    }
    const value = parameter.children.length > 0 ? arrayValue(parameter) : leafValue(parameter);
    if (POSITIONAL.test(parameter.local)) positional.push(value);
    else if (args.has(parameter.local)) args.set(parameter.local, repeated(args.get(parameter.local)!, value));
    else args.set(parameter.local, value);
  }
  if (positional.length > order.length) {
    throw new SoapProtocolError('Client', `${positional.length} positional arguments, but only ${order.length} parameters are documented`);
  }
  positional.forEach((value, i) => {
    if (!args.has(order[i]!)) args.set(order[i]!, value);
  });
  return args;
}

/** A parameter element given more than once (a literal list, as WSDL clients send `maxOccurs` lists). */
function repeated(previous: RawValue, next: RawValue): RawValue {
  const list = (v: RawValue) => (v === null ? [] : Array.isArray(v) ? v : [v]);
  return [...list(previous), ...list(next)];
}

function xsiType(element: ParsedElement): string | undefined {
  const type = attribute(element, XSI_NS, 'type');
  return type?.slice(type.indexOf(':') + 1);
}

function isNil(element: ParsedElement): boolean {
  const nil = attribute(element, XSI_NS, 'nil');
  return nil === 'true' || nil === '1';
}

function isApacheMap(element: ParsedElement): boolean {
  return (
    element.children.length > 0 &&
    (xsiType(element) === 'Map' || element.children.every((c) => c.local === 'item' && c.children.some((k) => k.local === 'key')))
  );
}

function leafValue(element: ParsedElement): string | null {
  if (isNil(element)) return null;
  if (element.children.length > 0) throw new SoapProtocolError('Client', `${element.local} must hold a single value`);
  const type = xsiType(element);
  if (type === 'base64Binary' || type === 'base64') return decodeBase64(element);
  return element.text;
}

/** SOAP-encoded arrays (`<productid><item>1</item><item>2</item></productid>`) arrive as lists. */
function arrayValue(element: ParsedElement): RawValue {
  if (isNil(element)) return null;
  return element.children.map((child) => leafValue(child) ?? '');
}

function decodeBase64(element: ParsedElement): string {
  const text = element.text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new SoapProtocolError('Client', `${element.local} is not valid base64`);
  try {
    return decodeUtf8(Buffer.from(text, 'base64'), element.local);
  } catch (error) {
    if (error instanceof InvalidEncodingError) throw new SoapProtocolError('Client', `${element.local} is base64 but not UTF-8 text`);
    throw error;
  }
}
