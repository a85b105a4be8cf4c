/**
 * The OperatorAPI WSDL, generated from the catalogue: document/literal wrapped, one request
 * element per operation holding its parameters (authentication first, then the documented
 * order), one response element holding `return` as a string. Types are the catalogue's:
 * whole numbers `xsd:long`, decimals `xsd:decimal`, everything else `xsd:string`, because
 * the legacy formats (MM/DD/YYYY dates, `1`/`t` booleans, `:::` lists) are text on the wire.
 */
import type { LegacyOperation, ParamSpec } from '../catalog/operation';
import { escapeAttribute, escapeText } from '../xml/write';

/**
 * Pattern parameters for WSDL-driven clients, which send only the elements the WSDL declares
 * (PHP SoapClient drops any other key silently; zeep refuses it). The WSDL declares the
 * documented names themselves for ids 1 … DECLARED_PATTERN_IDS (`custom_field_1`, `columnid1`, …),
 * so a script written from the vendor document works unchanged; ids above that travel in this
 * element, which holds `item`s of `key`/`value` (the shape of PHP's Apache Map, which the
 * envelope reader unpacks into named parameters). One WSDL for everyone: it is served without
 * authentication, so it cannot list any one operator's real ids.
 */
export const PATTERN_PARAMETERS = 'additional_parameters';
export const DECLARED_PATTERN_IDS = 1000;

export const OPERATOR_API_NAMESPACE = 'urn:ispgraph:OperatorAPI';
/** The address written into the checked-in file; the served copy names the host that asked. */
export const DEFAULT_SOAP_ADDRESS = 'http://localhost:8080/API/operatorapi.pl';

const AUTH: ParamSpec[] = [
  { name: 'api_username', kind: 'text', required: true, doc: 'API user name.' },
  { name: 'api_password', kind: 'text', required: true, doc: 'API password.' },
  { name: 'operator', kind: 'text', doc: 'Operator (tenant) code, when the API user exists at several operators.' },
];

function xsdType(param: ParamSpec): string {
  if (param.values) return 'xsd:string';
  if (param.kind === 'integer') return 'xsd:long';
  if (param.kind === 'decimal' || param.kind === 'money') return 'xsd:decimal';
  return 'xsd:string';
}

function documentation(text: string | undefined, indent: string): string {
  if (!text) return '';
  return `\n${indent}<xsd:annotation><xsd:documentation>${escapeText(text)}</xsd:documentation></xsd:annotation>`;
}

function paramElement(param: ParamSpec): string {
  const doc = [param.doc, param.values ? `One of: ${param.values.join(', ')}.` : undefined].filter(Boolean).join(' ');
  const occurs = (param.required ? '' : ' minOccurs="0"') + (param.kind === 'textList' || param.kind === 'integerList' ? ' maxOccurs="unbounded"' : '');
  const body = documentation(doc || undefined, '          ');
  return body
    ? `        <xsd:element name="${param.name}" type="${xsdType(param)}"${occurs} nillable="true">${body}\n        </xsd:element>`
    : `        <xsd:element name="${param.name}" type="${xsdType(param)}"${occurs} nillable="true"/>`;
}

/** The schema group holding a family's declared names, e.g. `custom_fieldNames`. */
function groupName(prefix: string): string {
  return `${prefix.replace(/_$/, '')}Names`;
}

/** The group of optional elements `<prefix>1` … `<prefix>N`, declared once and referenced by each operation. */
function declaredNamesGroup(prefix: string): string {
  const names = Array.from({ length: DECLARED_PATTERN_IDS }, (_, i) => `\n      <xsd:element name="${prefix}${i + 1}" type="xsd:string" minOccurs="0" nillable="true"/>`);
  return `  <xsd:group name="${groupName(prefix)}">\n    <xsd:sequence>${names.join('')}\n    </xsd:sequence>\n  </xsd:group>\n`;
}

export function generateWsdl(operations: readonly LegacyOperation[], address = DEFAULT_SOAP_ADDRESS): string {
  const tns = OPERATOR_API_NAMESPACE;
  const elements = operations
    .map((op) => {
      const params = [...AUTH, ...op.params].map(paramElement).join('\n');
      const declared = (op.patternParams ?? []).flatMap((family) => (family.wsdlPrefix ? [`\n        <xsd:group ref="tns:${groupName(family.wsdlPrefix)}"/>`] : []));
      const extra = op.patternParams?.length
        ? `\n        <xsd:element name="${PATTERN_PARAMETERS}" type="tns:ParameterMap" minOccurs="0">${documentation(
            `Parameters named by pattern, as key/value items: ${op.patternParams.map((p) => `${p.display} (${p.doc})`).join('; ')}. ` +
              `Ids 1 to ${DECLARED_PATTERN_IDS} may instead be sent as the elements declared above; clients without a WSDL may send any as elements of their own.`,
            '          ',
          )}\n        </xsd:element>`
        : '';
      return [
        `  <xsd:element name="${op.name}">${documentation(op.summary, '    ')}`,
        `    <xsd:complexType>`,
        `      <xsd:sequence>`,
        params + declared.join('') + extra,
        `      </xsd:sequence>`,
        `    </xsd:complexType>`,
        `  </xsd:element>`,
        `  <xsd:element name="${op.name}Response">`,
        `    <xsd:complexType>`,
        `      <xsd:sequence>`,
        `        <xsd:element name="return" type="xsd:string">${documentation(`Returns ${op.returns}.`, '          ')}`,
        `        </xsd:element>`,
        `      </xsd:sequence>`,
        `    </xsd:complexType>`,
        `  </xsd:element>`,
      ].join('\n');
    })
    .join('\n');
  const prefixes = [...new Set(operations.flatMap((op) => (op.patternParams ?? []).flatMap((family) => (family.wsdlPrefix ? [family.wsdlPrefix] : []))))];
  const groups = prefixes.map(declaredNamesGroup).join('');
  const messages = operations
    .map((op) => [
      `  <wsdl:message name="${op.name}Request"><wsdl:part name="parameters" element="tns:${op.name}"/></wsdl:message>`,
      `  <wsdl:message name="${op.name}Response"><wsdl:part name="parameters" element="tns:${op.name}Response"/></wsdl:message>`,
    ].join('\n'))
    .join('\n');
  const portOps = operations
    .map((op) =>
      [
        `    <wsdl:operation name="${op.name}">`,
        `      <wsdl:documentation>${escapeText(op.summary)}</wsdl:documentation>`,
        `      <wsdl:input message="tns:${op.name}Request"/>`,
        `      <wsdl:output message="tns:${op.name}Response"/>`,
        `    </wsdl:operation>`,
      ].join('\n'),
    )
    .join('\n');
  const bindingOps = operations
    .map((op) =>
      [
        `    <wsdl:operation name="${op.name}">`,
        `      <soap:operation soapAction="${tns}#${op.name}" style="document"/>`,
        `      <wsdl:input><soap:body use="literal"/></wsdl:input>`,
        `      <wsdl:output><soap:body use="literal"/></wsdl:output>`,
        `    </wsdl:operation>`,
      ].join('\n'),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated from the ispgraph operation catalogue (src/legacy/simpler/catalogue.ts): npm run legacy:emit -->
<wsdl:definitions name="OperatorAPI" targetNamespace="${tns}"
  xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
  xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  xmlns:tns="${tns}">
<wsdl:documentation>SIMPLer-compatible OperatorAPI served by ispgraph: ${operations.length} operations. Every operation takes api_username and api_password (checked with the API access list) and an optional operator code, and returns a string: OK/OK:&lt;id&gt; for writes, an XML document for get/list/search operations, or an error message.</wsdl:documentation>
<wsdl:types>
<xsd:schema targetNamespace="${tns}" elementFormDefault="unqualified">
  <xsd:complexType name="ParameterMap">
    <xsd:sequence>
      <xsd:element name="item" minOccurs="0" maxOccurs="unbounded">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="key" type="xsd:string"/>
            <xsd:element name="value" type="xsd:string" nillable="true"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
    </xsd:sequence>
  </xsd:complexType>
${groups}${elements}
</xsd:schema>
</wsdl:types>
${messages}
  <wsdl:portType name="OperatorAPIPortType">
${portOps}
  </wsdl:portType>
  <wsdl:binding name="OperatorAPIBinding" type="tns:OperatorAPIPortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
${bindingOps}
  </wsdl:binding>
  <wsdl:service name="OperatorAPI">
    <wsdl:port name="OperatorAPIPort" binding="tns:OperatorAPIBinding">
      <soap:address location="${escapeAttribute(address)}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}
