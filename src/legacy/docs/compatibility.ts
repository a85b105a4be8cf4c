/**
 * docs/COMPATIBILITY.md, generated from the operation catalogue: for every legacy operation,
 * where it answers, what it returns, its GraphQL equivalent and any shape that had to be mended.
 */
import type { LegacyOperation } from '../catalog/operation';
import { resourceRoutes } from '../rest/operator-api.routes';
import { positionalOrder } from '../simpler/catalogue';
import { DECLARED_PATTERN_IDS, PATTERN_PARAMETERS } from '../soap/wsdl';

/** The role a caller needs, as the table shows it: reads are open to every role. */
function access(op: LegacyOperation): string {
  return op.access === 'read' ? 'read (any role)' : `\`${op.access}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface RoutedDialect {
  /** Short name, used for OpenAPI tags and operation ids. */
  id: 'jaze' | 'crm' | 'm4';
  title: string;
  /** The catalogue file it is generated from, named in the header. */
  source: string;
  /** Markdown paragraphs: where it answers, authentication, envelopes. */
  intro: string;
  operations: readonly LegacyOperation[];
}

/** `1 endpoint`, `40 endpoints`. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The document's other spellings of parameter names, which are accepted as the name. */
function aliasNote(op: LegacyOperation): string {
  const spelled = op.params.filter((p) => p.aliases?.length).map((p) => `${p.aliases!.map((a) => `\`${a}\``).join(', ')} for \`${p.name}\``);
  return spelled.length ? `Also accepted as the document spells them: ${spelled.join('; ')} (a space, \`%20\`, \`+\` or \`_\` alike, any case).` : '';
}

function routedSection(dialect: RoutedDialect): string {
  const rows = dialect.operations.map((op) => {
    const routes = (op.routes ?? []).map((r) => `\`${r.method} ${r.path}\``).join('<br>');
    const required = op.params.filter((p) => p.required).map((p) => `\`${p.name}\``);
    return `| ${op.name} | ${routes} | ${cell(op.summary)} | ${required.length ? required.join(', ') : '—'} | ${cell(op.returns)} | ${access(op)} | \`${cell(op.graphql)}\` |`;
  });
  const notes = dialect.operations
    .map((op) => [op.name, [op.notes, aliasNote(op)].filter(Boolean).join(' ')] as const)
    .filter(([, text]) => text)
    .map(([name, text]) => `- **${name}**: ${text}`);
  return `## ${dialect.title} (${counted(dialect.operations.length, 'endpoint')})

${dialect.intro}

| endpoint | route | what it does | required | returns | permission | GraphQL equivalent |
|---|---|---|---|---|---|---|
${rows.join('\n')}
${notes.length ? `\n${notes.join('\n')}\n` : ''}`;
}

export function generateCompatibility(simpler: readonly LegacyOperation[], routed: readonly RoutedDialect[] = []): string {
  const routes = resourceRoutes(simpler);
  const restOf = (op: LegacyOperation) =>
    [...routes]
      .filter(([key, holder]) => holder === op && !key.endsWith(` ${op.name}`))
      .map(([key]) => `\`${key.replace(' ', ' /restapi/')}\` (or \`${key.replace(' ', ' /')}\`)`)
      .join(', ');
  const rows = simpler.map((op) => {
    const required = op.params.filter((p) => p.required).map((p) => p.name);
    return `| \`${op.name}\` | ${cell(op.summary)} | ${required.length ? required.map((r) => `\`${r}\``).join(', ') : '—'} | ${cell(op.returns)} | ${restOf(op) || '—'} | ${access(op)} | \`${cell(op.graphql)}\` |`;
  });
  const notes = simpler.filter((op) => op.notes).map((op) => `- **${op.name}**: ${op.notes}`);
  const sources = ['src/legacy/simpler/catalogue.ts', ...routed.map((d) => d.source)].join(', ');
  return `<!-- Generated from ${sources} by \`npm run legacy:emit\`; a test fails when it is stale. -->
# Legacy compatibility

ispgraph answers the legacy APIs its users' scripts already speak, on the same services as its
GraphQL graph: a customer added by a Perl SOAP::Lite script is the row \`customer(id:)\` returns.

## SIMPLer OperatorAPI (${counted(simpler.length, 'operation')})

- **SOAP 1.1**: \`POST /API/operatorapi.pl\` (dispatch on the first Body element, any SOAPAction,
  any namespace); WSDL at \`GET /API/operatorapi.pl?wsdl\` (checked in as \`wsdl/operatorapi.wsdl\`).
- **REST/JSON**: \`POST /API/<operation>\`, \`POST /restapi/API/<operation>\`, \`/restapi/<operation>\`, \`/<operation>\`,
  and the resource routes listed below; JSON or form-encoded parameters; replies \`{ "ip": "<caller>", "result": … }\`.
- **Route forms**: the document's General section shows \`POST server.azotel.com/API/modifyCustomer\` and
  \`PUT server.azotel.com/customer\` ("available under / folder"), its examples
  \`https://server.azotel.com/restapi/…\`. \`server.azotel.com\` is the host (Azotel's own), so
  \`PUT server/customer\` means \`PUT https://<your server>/customer\`: every resource route and
  \`/<operation>\` answer at the root as well as under \`/restapi/\` (\`PUT /customer\`,
  \`GET /customTableEntries\`, \`POST /listRadiusSessions\`). No root route takes a path another
  surface owns (\`/graphql\`, \`/healthz\`, \`/metrics\`, \`/docs\`, \`/api/…\`…); the server refuses to
  start if one would. The document's port 8080 is the original's; ispgraph serves every surface on one port.
- Every operation takes \`api_username\`, \`api_password\` (checked against the operator's API users and
  IP access list) and an optional \`operator\` code. Application errors are strings starting with
  \`ERROR: \` (HTTP 200, as the legacy API does); malformed requests are SOAP Faults (HTTP 500) or
  HTTP 400/404 on REST.
- Unknown parameters are ignored, as the legacy server does (scripts carry stale or shared
  fields), but not silently: the reply carries \`X-Ignored-Parameters: name1, name2\` (names only,
  at most 20, each cut to 64 characters, anything outside the HTTP token characters
  percent-encoded), and the server logs one \`ignored unknown parameters\` warn line and counts
  \`legacy_ignored_parameters_total\` (docs/OPERATIONS.md). The same holds on Jaze, the ISP CRM and
  M4. **Strict mode** keeps the refusal (\`ERROR: unknown parameter <name> for <operation>\`) for one
  credential: \`npm run -s admin -- api-credential update <api_username> --operator <code>
  --strict-parameters on\` (or \`--strict-parameters\` at \`create\`; \`crm-key update … --strict-parameters on\`
  for a CRM key), or the GraphQL mutation \`apiCredentialUpdate(input: { id, strictParameters: true })\`.
  Jaze tokens and M4's operator secret have no strict mode.
- The API user acts as its staff user's role: the permission column names what that role needs
  (docs/PERMISSIONS.md); a refusal is \`ERROR: the <role> role may not …\`.

| operation | what it does | required | returns | REST resource route | permission | GraphQL equivalent |
|---|---|---|---|---|---|---|
${rows.join('\n')}

### Where a documented shape was mended

The vendor documents show some replies that are not well-formed XML or valid JSON; ispgraph
sends the nearest well-formed shape:

${notes.join('\n') || '- none'}

${soapClientsSection(simpler)}
${routed.filter((d) => d.operations.length > 0).map((d) => `\n${routedSection(d)}`).join('')}`;
}

/** How SOAP clients with and without the WSDL pass arguments and read replies: the decisions taken. */
function soapClientsSection(simpler: readonly LegacyOperation[]): string {
  const exceptions = simpler
    .filter((op) => op.authParams)
    .map((op) => `\`${op.name}(${positionalOrder(op).join(', ')})\``)
    .join(', ');
  return `### SOAP clients: arguments and replies

Tested with five real clients: Perl SOAP::Lite and PHP SoapClient without the WSDL, PHP SoapClient,
Python zeep and node-soap (the \`soap\` npm package) with it; each runs a walk through all operations.

- **Positional arguments** (SOAP::Lite's \`c-gensymN\`, \`paramN\`) are assigned in the operation's own
  documented parameter list: \`api_username, api_password, operator\`, then its parameters in the
  document's order. Where the document lists other authentication parameters, positions follow it:
  ${exceptions || 'none'}. Named arguments may be sent in any order, \`operator\` included.
- **Pattern parameters through the WSDL**: the vendor document names custom fields \`custom_field_<id>\`
  and custom-table cells \`columnid<id>\`. A WSDL client sends only the elements the WSDL declares:
  PHP SoapClient drops any other key without a word (the call succeeds, the value is lost), zeep
  refuses the call (\`TypeError: … unexpected keyword argument\`), node-soap sends it anyway. So the
  WSDL declares the documented names themselves for ids 1 to ${DECLARED_PATTERN_IDS}
  (\`custom_field_1\` … \`custom_field_${DECLARED_PATTERN_IDS}\`, \`columnid1\` … \`columnid${DECLARED_PATTERN_IDS}\`, as optional strings),
  and a script written from the document works unchanged. Ids above ${DECLARED_PATTERN_IDS} go in the optional
  \`${PATTERN_PARAMETERS}\` element: \`item\`s of \`key\`/\`value\` (e.g. \`key\` = \`custom_field_250\`), the shape of
  PHP's Apache Map. One WSDL serves every operator: it is served without authentication, so it
  names no operator's real ids. The server does not guess at a value a client dropped.
- **Replies**: \`<operationResponse><return>text</return></operationResponse>\`, with no \`xsi:type\` on
  \`return\`. SOAP::Lite and PHP without the WSDL read an untyped element as a string, the WSDL clients
  read it by the WSDL's \`xsd:string\`; with \`xsi:type\` node-soap read \`return\` as
  \`{ attributes, $value }\` instead of the string. The one form is read as a plain string by all five.
`;
}
