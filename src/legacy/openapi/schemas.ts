/**
 * JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses) for what the legacy dialects accept and
 * answer: a parameter's kind as the argument reader (catalog/args.ts) checks it, and each
 * dialect's reply envelopes as its adapter writes them.
 */
import { DECIMAL_TEXT, INTEGER_TEXT, MONEY_TEXT } from '../../input';
import type { LegacyOperation, ParamKind, ParamSpec } from '../catalog/operation';

export type JsonSchema = Record<string, unknown>;

const BOOLEAN_WORDS = '1/0, t/f, true/false, yes/no, y/n, on/off (any case)';

/** How a date kind is written, as the argument reader parses it. */
const DATE_FORMS: Partial<Record<ParamKind, { pattern: string; layout: string; sample: string }>> = {
  usDate: { pattern: '^\\d{1,2}/\\d{1,2}/\\d{4}$', layout: 'MM/DD/YYYY', sample: '01/15/2026' },
  euDate: { pattern: '^\\d{1,2}/\\d{1,2}/\\d{4}$', layout: 'DD/MM/YYYY', sample: '15/01/2026' },
  isoDate: { pattern: '^\\d{4}-\\d{1,2}-\\d{1,2}$', layout: 'YYYY-MM-DD', sample: '2026-01-15' },
};

/**
 * A value that stands for the kind in examples (and that the live test sends): ids are 5, a
 * demo customer, user and reseller; closed sets give their first value.
 */
export function sampleValue(spec: ParamSpec): string | string[] {
  if (spec.values?.length) return spec.values[0]!;
  switch (spec.kind) {
    case 'integer':
    case 'integerList':
      return '5';
    case 'decimal':
      return '1.5';
    case 'money':
      return '10.00';
    case 'boolean':
      return '0';
    case 'email':
      return 'someone@example.com';
    case 'textList':
      return ['example'];
    case 'usDate':
    case 'euDate':
    case 'isoDate':
      return DATE_FORMS[spec.kind]!.sample;
    case 'text':
      return 'example';
  }
}

function describe(spec: ParamSpec, extra?: string): string | undefined {
  const parts = [spec.doc, extra, spec.values ? 'Compared case-insensitively.' : undefined].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * The schema of a parameter sent in a query string or a path segment: always text on the wire,
 * described by the form it must have.
 */
export function textParamSchema(spec: ParamSpec): JsonSchema {
  const examples = [sampleValue(spec)];
  if (spec.values) return { type: 'string', enum: [...spec.values], examples };
  switch (spec.kind) {
    case 'integer':
      return { type: 'string', pattern: INTEGER_TEXT.source, examples };
    case 'decimal':
      return { type: 'string', pattern: DECIMAL_TEXT.source, examples };
    case 'money':
      return { type: 'string', pattern: MONEY_TEXT.source, examples };
    case 'boolean':
      return { type: 'string', examples };
    case 'email':
      return { type: 'string', format: 'email', examples };
    case 'usDate':
    case 'euDate':
    case 'isoDate':
      return { type: 'string', pattern: DATE_FORMS[spec.kind]!.pattern, examples };
    case 'integerList':
      return { type: 'string', pattern: '^[0-9]{1,15}( *, *[0-9]{1,15})*$', examples };
    case 'textList':
      return { type: 'array', items: { type: 'string' }, examples };
    case 'text':
      return { type: 'string', examples };
  }
}

/** What the kind adds to a parameter's description (formats a pattern cannot say). */
export function kindNote(spec: ParamSpec): string | undefined {
  if (spec.kind === 'boolean') return `Boolean: ${BOOLEAN_WORDS}.`;
  if (spec.kind === 'integerList') return 'Whole numbers separated by commas (or, in JSON, a list of such texts).';
  if (spec.kind === 'textList') return 'A list: repeat the field in a form or query string, or send a JSON list of texts.';
  if (DATE_FORMS[spec.kind]) return `Date as ${DATE_FORMS[spec.kind]!.layout}.`;
  return undefined;
}

export function paramDescription(spec: ParamSpec): string | undefined {
  return describe(spec, kindNote(spec));
}

/**
 * The schema of a parameter in a JSON body: numbers may be JSON numbers (read as the characters
 * sent, so `1.0` is not the id 1), booleans JSON booleans; lists JSON lists of texts.
 */
export function jsonParamSchema(spec: ParamSpec): JsonSchema {
  const text = textParamSchema(spec);
  const description = paramDescription(spec);
  const withDoc = (schema: JsonSchema) => (description ? { description, ...schema } : schema);
  if (spec.values) return withDoc({ ...text, type: ['string', 'null'] });
  switch (spec.kind) {
    case 'integer':
    case 'decimal':
    case 'money':
      return withDoc({ ...text, type: ['string', 'number', 'null'] });
    case 'boolean':
      return withDoc({ ...text, type: ['string', 'boolean', 'null'] });
    case 'integerList':
      return withDoc({ type: ['string', 'array', 'null'], pattern: text.pattern, items: { type: 'string', pattern: INTEGER_TEXT.source }, examples: text.examples });
    case 'textList':
      return withDoc({ type: ['string', 'array', 'null'], items: { type: 'string' }, examples: text.examples });
    default:
      return withDoc({ ...text, type: ['string', 'null'] });
  }
}

// ---------------------------------------------------------------- replies

/** Reusable schemas, referenced as `#/components/schemas/<name>`. */
export const COMPONENT_SCHEMAS: Record<string, JsonSchema> = {
  SimplerErrorText: {
    type: 'string',
    pattern: '^ERROR: ',
    description: 'An application error as SIMPLer reports it: a string starting with `ERROR: `, in place of the result (HTTP 200 for refused calls).',
    examples: ['ERROR: invalid username/password'],
  },
  SimplerFailure: {
    type: 'object',
    required: ['ip', 'result'],
    additionalProperties: false,
    properties: { ip: { type: 'string', description: "The caller's address as the server saw it." }, result: { $ref: '#/components/schemas/SimplerErrorText' } },
  },
  JazeSuccess: {
    type: 'object',
    required: ['status', 'errorCode'],
    properties: { status: { const: 'success' }, errorCode: { const: 200 }, data: {}, message: {} },
  },
  JazeFailure: {
    type: 'object',
    required: ['status', 'errorCode', 'message'],
    additionalProperties: false,
    description: 'Every Jaze failure: HTTP 200 for refused calls (`errorCode` 400, 401, 403, 404, 409, 412, 429), the same code as the HTTP status otherwise.',
    properties: { status: { const: 'failure' }, errorCode: { type: 'integer' }, message: { type: 'string' } },
  },
  CrmFailure: {
    type: 'object',
    required: ['result', 'error'],
    additionalProperties: false,
    properties: { result: { type: 'null' }, error: { type: 'string', description: 'What was wrong, in words a person can act on.' } },
  },
  M4Page: {
    type: 'string',
    description:
      'An XML document (`application/xml`): `<page><status><user>…</user></status></page>` on success, ' +
      '`<page><status><error>…</error></status></page>` when refused (HTTP 200: `Access Denied`, `Incorrect hash`, ' +
      '`User was not found`, `API Requests are disabled`, `GET Requests are disabled`, `You are not authorized to view this page`).',
  },
};

export const ref = (name: keyof typeof COMPONENT_SCHEMAS & string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/**
 * Whether a SIMPLer operation answers a document (a JSON object over REST) or a string: the
 * catalogue's `returns` names a document by its root (`<customerDataRoot> document`) or its
 * JSON (`{ "interfaces": … }`); everything else is a string like `OK`, `OK:<id>` or `0`.
 */
export function simplerReturnsDocument(op: LegacyOperation): boolean {
  return /^\s*[<{]/.test(op.returns);
}

/** The `result` of a SIMPLer REST reply to `op`. */
export function simplerResultSchema(op: LegacyOperation): JsonSchema {
  if (simplerReturnsDocument(op)) {
    return { anyOf: [{ type: 'object', description: `The document as JSON: ${op.returns}` }, ref('SimplerErrorText')] };
  }
  return { type: 'string', description: `${op.returns}; or \`ERROR: …\` when refused.` };
}

/** The success body of a Jaze reply to `op`, read from the documented reply in the catalogue. */
export function jazeSuccessSchema(op: LegacyOperation): JsonSchema {
  const returns = op.returns.trim();
  if (returns.startsWith('[')) return { type: 'array', items: { type: 'string' }, description: returns };
  if (/^\{\s*"success"/.test(returns)) {
    return {
      type: 'object',
      required: ['success', 'errorCode'],
      additionalProperties: false,
      properties: { success: { type: 'string', description: 'The matching user ids, comma-separated.' }, errorCode: { const: 200 } },
    };
  }
  const carries = /\bdata:/.test(returns) ? 'data' : /\bmessage:/.test(returns) ? 'message' : undefined;
  return { allOf: [ref('JazeSuccess')], ...(carries ? { required: [carries] } : {}), description: returns };
}

/** The success body of a CRM reply to `op`. */
export function crmSuccessSchema(op: LegacyOperation): JsonSchema {
  let result: JsonSchema;
  if (op.returns.includes('"done"')) result = { const: 'done' };
  else if (op.returns.includes('<new reseller id>')) result = { type: 'integer', description: 'The new id.' };
  else if (op.returns.includes('<count>')) result = { anyOf: [{ type: 'array', items: { type: 'object' } }, { type: 'integer', description: 'With `show_count`: the number of matching rows.' }] };
  else throw new Error(`CRM operation ${op.name}: no reply shape for "${op.returns}"`);
  return {
    type: 'object',
    required: ['result', 'error'],
    additionalProperties: false,
    description: op.returns,
    properties: { result, error: { type: 'null' } },
  };
}
