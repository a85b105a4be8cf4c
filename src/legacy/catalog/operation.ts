/**
 * The legacy operation catalogue: every documented operation of a legacy dialect is declared
 * once, as data plus one `run` function that calls the shared services. SOAP dispatch, the
 * WSDL, the REST/JSON routes, argument validation and the compatibility table in the docs are
 * all derived from these entries; adding an operation is adding an entry.
 */
import type { ServiceContext } from '../../shared/context';
import type { Permission } from '../../tenancy/permissions';
import type { XmlElement } from '../xml/write';
import type { Args } from './args';

/** How a parameter's text is read. Formats are the legacy documents' own. */
export type ParamKind =
  | 'text'
  /** Whole number. */
  | 'integer'
  /** Decimal number, kept as its exact text (rates, coordinates, quantities). */
  | 'decimal'
  /** Money: up to 12 digits and 2 decimals (numeric(14,2)), kept as its exact text. */
  | 'money'
  /** `1`/`0`, `t`/`f`, `true`/`false`, `yes`/`no`. */
  | 'boolean'
  | 'email'
  /** MM/DD/YYYY (SIMPLer customer and subscription dates). */
  | 'usDate'
  /** YYYY-MM-DD (maintenance, sites, custom tables). */
  | 'isoDate'
  /** DD/MM/YYYY (SIMPLer sand settings). */
  | 'euDate'
  /** Comma-separated whole numbers, e.g. `1,2,5`. */
  | 'integerList'
  /** A list of texts (a SOAP array or JSON array); a single value is a one-item list. */
  | 'textList';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  required?: boolean;
  /** A closed set of accepted values, compared case-insensitively; the listed spelling is passed on. */
  values?: readonly string[];
  /** What the legacy document says about it (shown in the WSDL and the compatibility table). */
  doc?: string;
  /**
   * Other spellings the vendor document uses for this parameter (`Userwith balance`), matched
   * like the name; the value is passed on under `name`.
   */
  aliases?: readonly string[];
}

/** Parameters whose names follow a pattern (`custom_field_12`, custom-table column ids). */
export interface PatternParamSpec {
  /** The first capture group is the key passed on (e.g. the custom field id). */
  pattern: RegExp;
  /** How the family is described, e.g. `custom_field_<id>`. */
  display: string;
  doc: string;
  /**
   * SOAP: the concrete names `<wsdlPrefix>1` … `<wsdlPrefix>N` the WSDL declares for the family,
   * because WSDL-driven clients (PHP SoapClient, zeep, node-soap) send only declared elements.
   */
  wsdlPrefix?: string;
}

/**
 * A structured result: the same data as XML (SOAP: a document inside the string) and as JSON
 * (REST). Dialects that only speak JSON (Jaze, CRM) leave `xml` out; M4 leaves `json` out.
 */
export interface LegacyDocument {
  xml?: XmlElement;
  json?: unknown;
}

export type OperationResult = string | LegacyDocument;

export interface OperationContext extends ServiceContext {
  /** The caller's address, as SIMPLer echoes it in REST replies. */
  clientIp: string;
  /** The `Idempotency-Key` request header (an ispgraph extension), for the operations that move money. */
  idempotencyKey?: string | undefined;
}

/** An HTTP route of a path-addressed dialect (Jaze, CRM, M4); `:name` segments become arguments. */
export interface HttpRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
}

/** A REST-style route of an operation besides `/API/<name>`, e.g. PUT `/restapi/customTableEntries`. */
export interface ResourceRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  resource: string;
}

export interface LegacyOperation {
  name: string;
  /**
   * What the caller's role needs: `read` for an operation that only reads (every role may call
   * it), otherwise the permission of the service writes it runs (src/tenancy/permissions.ts).
   * The services enforce it; this names it for the compatibility table and for the test that
   * calls every write as a read-only user. An operation that only sometimes writes (customerRadius
   * with action `list`) names the permission of its writes.
   */
  access: 'read' | Permission;
  summary: string;
  /** Parameters besides the dialect's authentication parameters, in documented order (positional calls use it). */
  params: readonly ParamSpec[];
  /**
   * The authentication parameters this operation's own documented list starts with, when they are
   * not the dialect's usual ones (SIMPLer's checkExistingEmail lists `api_username, api_password`,
   * no `operator`). Positional calls are assigned in this order, then `params`; named calls may
   * still send any authentication parameter.
   */
  authParams?: readonly string[];
  patternParams?: readonly PatternParamSpec[];
  /** The documented reply, e.g. `OK:<customerid>`, or the document's root for structured results. */
  returns: string;
  /** The GraphQL field that does the same, e.g. `mutation customerCreate`. */
  graphql: string;
  resources?: readonly ResourceRoute[];
  /** Path-addressed dialects: where the operation answers (SIMPLer operations are addressed by name). */
  routes?: readonly HttpRoute[];
  /** Domain field names (as services report problems) → this operation's wire parameter names. */
  wireNames?: Readonly<Record<string, string>>;
  /** Notes for the compatibility table (where a vendor shape was mended, etc.). */
  notes?: string;
  run(ctx: OperationContext, args: Args): Promise<OperationResult>;
}

/** The compatibility-table note of the operations that honour an `Idempotency-Key` header. */
export const IDEMPOTENCY_NOTE =
  'ispgraph extension: an `Idempotency-Key` HTTP header makes a retry safe: the same key and arguments within 24 hours get the first call\'s reply and write nothing; the same key with other arguments is refused (conflict).';

/** Identity helper that gives entries their type without repeating it. */
export function operation(entry: LegacyOperation): LegacyOperation {
  return entry;
}
