/**
 * SOAP 1.1 replies: `<opResponse><return>…</return></opResponse>` in the namespace the request
 * used for its method element (so WSDL-driven clients find the element they expect), and Faults
 * with `faultcode`/`faultstring` and nothing else. `return` carries no `xsi:type`: SOAP::Lite and
 * PHP without a WSDL read an untyped leaf as a string, WSDL clients take the WSDL's `xsd:string`,
 * while a typed leaf made node-soap return `{ attributes, $value }` instead of the text.
 */
import { escapeAttribute, escapeText } from '../xml/write';
import { SOAP_ENVELOPE_NS } from './envelope';

const OPEN =
  `<?xml version="1.0" encoding="UTF-8"?>` +
  `<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
  `<soap:Body>`;
const CLOSE = `</soap:Body></soap:Envelope>`;

export function soapResponse(operation: string, namespace: string, value: string): string {
  const ns = namespace ? ` xmlns:m="${escapeAttribute(namespace)}"` : '';
  const name = namespace ? `m:${operation}Response` : `${operation}Response`;
  return `${OPEN}<${name}${ns}><return>${escapeText(value)}</return></${name}>${CLOSE}`;
}

export function soapFault(code: 'Client' | 'Server' | 'VersionMismatch', message: string): string {
  return `${OPEN}<soap:Fault><faultcode>soap:${code}</faultcode><faultstring>${escapeText(message)}</faultstring></soap:Fault>${CLOSE}`;
}
