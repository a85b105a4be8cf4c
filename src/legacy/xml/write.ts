/**
 * A small XML writer for the legacy replies: elements are plain data, serialised with every
 * text and attribute escaped, so a customer called `Smith & <Sons>` cannot break a document.
 */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | number | null | undefined>;
  children?: XmlNode[];
}

export type XmlNode = XmlElement | string | number | boolean | null | undefined;

export function el(name: string, attributesOrChildren?: XmlElement['attributes'] | XmlNode[], children?: XmlNode[]): XmlElement {
  if (Array.isArray(attributesOrChildren)) return { name, children: attributesOrChildren };
  return { name, attributes: attributesOrChildren, children: children ?? [] };
}

/** `<name>value</name>` for each entry, in order; null/undefined become empty elements. */
export function fields(record: Record<string, XmlNode>): XmlElement[] {
  return Object.entries(record).map(([name, value]) => ({ name, children: [value] }));
}

export function escapeText(value: string): string {
  return stripInvalid(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab/newline/return). */
function stripInvalid(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export function serialize(node: XmlNode): string {
  if (node === null || node === undefined) return '';
  if (typeof node !== 'object') return escapeText(String(node));
  const attributes = Object.entries(node.attributes ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  const inner = (node.children ?? []).map(serialize).join('');
  return inner ? `<${node.name}${attributes}>${inner}</${node.name}>` : `<${node.name}${attributes}/>`;
}

/** A complete document with its declaration, as the get/list/search operations return it. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${serialize(root)}`;
}
