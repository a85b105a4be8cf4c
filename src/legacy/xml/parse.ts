/**
 * Parses untrusted XML (SOAP requests) into a small namespace-aware tree. Safe by construction:
 * any DOCTYPE is refused, so no entity can be declared, expanded or fetched; only the five
 * predefined entities and character references are decoded. Depth and element count are capped.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface XmlAttribute {
  local: string;
  uri: string;
  value: string;
}

export interface ParsedElement {
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  children: ParsedElement[];
  /** Concatenated character data directly inside this element (text and CDATA). */
  text: string;
}

export class XmlSyntaxError extends Error {}

const MAX_DEPTH = 32;
const MAX_ELEMENTS = 20_000;

export function parseXml(source: string): ParsedElement {
  if (/<!DOCTYPE/i.test(source)) throw new XmlSyntaxError('DOCTYPE declarations are not accepted');
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: ParsedElement[] = [];
  let root: ParsedElement | undefined;
  let count = 0;
  let failure: Error | undefined;

  parser.on('doctype', () => {
    throw new XmlSyntaxError('DOCTYPE declarations are not accepted');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (++count > MAX_ELEMENTS) throw new XmlSyntaxError(`more than ${MAX_ELEMENTS} elements`);
    if (stack.length >= MAX_DEPTH) throw new XmlSyntaxError(`elements nested deeper than ${MAX_DEPTH}`);
    const element: ParsedElement = {
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({ local: a.local, uri: a.uri, value: a.value })),
      children: [],
      text: '',
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on('cdata', (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    failure ??= error;
  });
  try {
    parser.write(source).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw new XmlSyntaxError(failure.message.split('\n')[0]!);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

export function attribute(element: ParsedElement, uri: string, local: string): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}
