/**
 * The SOAP 1.1 and REST/JSON wire protocol of the OperatorAPI, independent of any one
 * operation: the captured requests of real clients replayed byte for byte, Faults for what is
 * not a SOAP call, no entity expansion, the WSDL addressed to the asking host, and the REST
 * body formats.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { postSoap, rest, soapEnvelope } from '../helpers/simpler';
import { readSpec } from '../helpers/spec';
import { DECLARED_PATTERN_IDS } from '../../src/legacy/soap/wsdl';
import { parseXml } from '../../src/legacy/xml/parse';

interface Capture {
  headers: Record<string, string>;
  body: string;
}

/** The requests in shared/spec/soap-client-captures.md: a header line (JSON) then the body. */
function captures(): Capture[] {
  const text = readSpec('soap-client-captures.md');
  return text
    .split('--- POST /API/operatorapi.pl\n')
    .slice(1)
    .map((block) => {
      const [headerLine, ...rest] = block.split('\n');
      return { headers: JSON.parse(headerLine!) as Record<string, string>, body: rest.join('\n').replace(/\n*(```\s*)?$/, '') };
    });
}

const ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

describe.each(enabledEngines())('OperatorAPI wire protocol on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.stop());

  const raw = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/API/operatorapi.pl`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', ...headers }, body });

  describe('the captured requests of SOAP::Lite 1.27 and PHP SoapClient', () => {
    const pings = captures().filter((c) => c.body.includes('pingAPI'));

    it('are all in the capture file', () => {
      expect(pings).toHaveLength(4);
    });

    it.each(pings.map((c, i) => [c.headers['user-agent'], i, c] as const))('%s request #%i is answered OK', async (_agent, _i, capture) => {
      const { host: _host, 'content-length': _length, connection: _connection, te: _te, ...headers } = capture.headers;
      const res = await raw(capture.body, headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      const text = await res.text();
      expect(text.startsWith('<?xml')).toBe(true);
      const envelope = parseXml(text);
      expect(envelope.uri).toBe(ENVELOPE_NS);
      const response = envelope.children[0]!.children[0]!;
      expect(response.local).toBe('pingAPIResponse');
      expect(response.uri).toBe('http://127.0.0.1:8099/OperatorAPI');
      expect(response.children[0]!.local).toBe('return');
      expect(response.children[0]!.text).toBe('OK');
    });
  });

  describe('Faults for requests that are not SOAP calls', () => {
    const expectFault = async (res: Response, code: string, message: RegExp) => {
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      const text = await res.text();
      expect(text.startsWith('<?xml')).toBe(true);
      const fault = parseXml(text).children[0]!.children[0]!;
      expect(fault.local).toBe('Fault');
      expect(fault.children.map((c) => c.local)).toEqual(['faultcode', 'faultstring']);
      expect(fault.children[0]!.text).toBe(code);
      expect(fault.children[1]!.text).toMatch(message);
      expect(text).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
    };

    it('malformed XML', async () => {
      await expectFault(await raw('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><pingAPI>'), 'soap:Client', /malformed XML/);
    });

    it('an empty body', async () => {
      await expectFault(await raw(''), 'soap:Client', /malformed XML/);
    });

    it('a document that is not an Envelope', async () => {
      await expectFault(await raw('<pingAPI><api_username>demo</api_username></pingAPI>'), 'soap:Client', /expected a SOAP Envelope/);
    });

    it('a SOAP 1.2 envelope', async () => {
      await expectFault(
        await raw('<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><pingAPI/></env:Body></env:Envelope>'),
        'soap:VersionMismatch',
        /SOAP 1\.1 only/,
      );
    });

    it('an unknown operation', async () => {
      await expectFault(await raw(soapEnvelope('launchRocket', { api_username: 'demo', api_password: 'demo' })), 'soap:Client', /unknown operation launchRocket/);
    });

    it('a DOCTYPE, so no entity is ever expanded (billion laughs, external entities)', async () => {
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
        `<soap:Envelope xmlns:soap="${ENVELOPE_NS}"><soap:Body><pingAPI><api_username>&lol2;</api_username></pingAPI></soap:Body></soap:Envelope>`;
      await expectFault(await raw(laughs), 'soap:Client', /DOCTYPE/);
      const external =
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
        `<soap:Envelope xmlns:soap="${ENVELOPE_NS}"><soap:Body><pingAPI><api_username>&xxe;</api_username></pingAPI></soap:Body></soap:Envelope>`;
      await expectFault(await raw(external), 'soap:Client', /DOCTYPE/);
    });

    it('an undeclared entity', async () => {
      await expectFault(
        await raw(`<soap:Envelope xmlns:soap="${ENVELOPE_NS}"><soap:Body><pingAPI><api_username>&secret;</api_username></pingAPI></soap:Body></soap:Envelope>`),
        'soap:Client',
        /malformed XML/,
      );
    });

    it('a body over the size limit', async () => {
      const res = await raw(soapEnvelope('pingAPI', { api_username: 'demo', api_password: 'x'.repeat(3 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(await res.text()).toMatch(/<faultstring>request body exceeds/);
    });
  });

  describe('reading parameters', () => {
    it('ignores SOAPAction and dispatches on the Body element, in any namespace', async () => {
      const reply = await postSoap(t.url, soapEnvelope('pingAPI', { api_username: 'demo', api_password: 'demo' }, 'urn:somewhere-else'), '"urn:x#getCustomerData"');
      expect(reply.result).toBe('OK');
      expect(reply.body).toContain('xmlns:m="urn:somewhere-else"');
    });

    it('reads parameters in any order and treats xsi:nil as absent', async () => {
      const reply = await postSoap(t.url, soapEnvelope('pingAPI', { operator: null, api_password: 'demo', api_username: 'demo' }));
      expect(reply.result).toBe('OK');
    });

    it('decodes base64Binary values (a wrong password sent as base64 is still wrong)', async () => {
      const body = soapEnvelope('pingAPI', { api_username: 'demo', api_password: 'demo' }).replace(
        '<api_password xsi:type="xsd:string">demo</api_password>',
        `<api_password xsi:type="xsd:base64Binary">${Buffer.from('demo').toString('base64')}</api_password>`,
      );
      expect((await postSoap(t.url, body)).result).toBe('OK');
      const wrong = body.replace(Buffer.from('demo').toString('base64'), Buffer.from('démo').toString('base64'));
      expect((await postSoap(t.url, wrong)).result).toBe('ERROR: invalid api_username/api_password');
    });

    it('assigns paramN arguments in each operation’s documented order', async () => {
      const call = (op: string, params: string[]) =>
        `<soap:Envelope xmlns:soap="${ENVELOPE_NS}"><soap:Body><ns1:${op} xmlns:ns1="urn:x">${params.map((p, i) => `<param${i}>${p}</param${i}>`).join('')}</ns1:${op}></soap:Body></soap:Envelope>`;
      // checkExistingEmail documents api_username, api_password, email: no operator.
      expect((await postSoap(t.url, call('checkExistingEmail', ['demo', 'demo', 'nobody@nowhere.example']))).result).toBe('0');
      // getCustomerData documents api_username, api_password, operator, customerid, …
      const wrongOperator = await postSoap(t.url, call('getCustomerData', ['demo', 'demo', 'no-such-operator', '1']));
      expect(wrongOperator.result).toMatch(/^ERROR/);
      expect(wrongOperator.result).not.toMatch(/customerid/);
    });

    it('refuses more positional arguments than the operation documents, naming the count', async () => {
      const body = `<soap:Envelope xmlns:soap="${ENVELOPE_NS}"><soap:Body><checkExistingEmail><c-gensym1>demo</c-gensym1><c-gensym2>demo</c-gensym2><c-gensym3>x</c-gensym3><c-gensym4>nobody@nowhere.example</c-gensym4></checkExistingEmail></soap:Body></soap:Envelope>`;
      const res = await raw(body);
      expect(res.status).toBe(500);
      expect(await res.text()).toContain('<faultstring>4 positional arguments, but only 3 parameters are documented</faultstring>');
    });

    it('answers with an untyped <return> string, which every client reads as text (node-soap would read xsi:type as an attribute)', async () => {
      const reply = await postSoap(t.url, soapEnvelope('pingAPI', { api_username: 'demo', api_password: 'demo' }));
      expect(reply.body).toMatch(/<return>OK<\/return>/);
    });
  });

  describe('the WSDL', () => {
    it('is served at ?wsdl with soap:address naming the host that asked', async () => {
      const res = await fetch(`${t.url}/API/operatorapi.pl?wsdl`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      const wsdl = await res.text();
      expect(wsdl).toContain(`<soap:address location="${t.url}/API/operatorapi.pl"/>`);
      const checkedIn = readFileSync(path.resolve(import.meta.dirname, '../../wsdl/operatorapi.wsdl'), 'utf8');
      expect(wsdl).toBe(checkedIn.replace('http://localhost:8080/API/operatorapi.pl', `${t.url}/API/operatorapi.pl`));
    });

    it('declares the documented pattern names for WSDL clients, which send nothing undeclared', async () => {
      const wsdl = parseXml(await (await fetch(`${t.url}/API/operatorapi.pl?wsdl`)).text());
      const schema = wsdl.children.find((c) => c.local === 'types')!.children[0]!;
      const named = (local: string, name: string) => schema.children.find((c) => c.local === local && c.attributes.some((a) => a.local === 'name' && a.value === name));
      const refs = (op: string) => {
        const found: string[] = [];
        const walk = (e: typeof schema) => {
          if (e.local === 'group') found.push(e.attributes.find((a) => a.local === 'ref')!.value);
          e.children.forEach(walk);
        };
        walk(named('element', op)!);
        return found;
      };
      const names = (group: string) => named('group', group)!.children[0]!.children.map((e) => e.attributes.find((a) => a.local === 'name')!.value);
      for (const op of ['addCustomer', 'modifyCustomer', 'addEquipment', 'modifyEquipment']) expect(refs(op), op).toEqual(['tns:custom_fieldNames']);
      for (const op of ['addCustomTableEntries', 'modifyCustomTableEntries']) expect(refs(op), op).toEqual(['tns:columnidNames']);
      expect(names('custom_fieldNames')).toEqual(Array.from({ length: DECLARED_PATTERN_IDS }, (_, i) => `custom_field_${i + 1}`));
      expect(names('columnidNames')).toEqual(Array.from({ length: DECLARED_PATTERN_IDS }, (_, i) => `columnid${i + 1}`));
    });

    it('names a proxied host when one asked', async () => {
      const { request } = await import('node:http');
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`${t.url}/API/operatorapi.pl?WSDL`, { headers: { host: 'isp.example.net:8080' } }, (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve(data));
        });
        req.on('error', reject);
        req.end();
      });
      expect(body).toContain('<soap:address location="http://isp.example.net:8080/API/operatorapi.pl"/>');
    });
  });

  describe('REST/JSON', () => {
    it('answers on /API, /restapi/API and /restapi with the caller ip', async () => {
      for (const p of ['/API/pingAPI', '/restapi/API/pingAPI', '/restapi/pingAPI']) {
        const reply = await rest(t.url, 'pingAPI', {}, { path: p });
        expect(reply, p).toEqual({ status: 200, ip: '127.0.0.1', result: 'OK' });
      }
    });

    it('accepts form-encoded bodies and query strings', async () => {
      const form = await fetch(`${t.url}/API/pingAPI`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'api_username=demo&api_password=demo',
      });
      expect(await form.json()).toEqual({ ip: '127.0.0.1', result: 'OK' });
      const query = await fetch(`${t.url}/API/pingAPI?api_username=demo&api_password=demo`);
      expect(await query.json()).toEqual({ ip: '127.0.0.1', result: 'OK' });
    });

    it('refuses malformed JSON with 400 and an unknown operation with 404', async () => {
      const bad = await fetch(`${t.url}/API/pingAPI`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_username": ' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { result: string }).result).toMatch(/^ERROR: malformed JSON body/);
      const nested = await fetch(`${t.url}/API/pingAPI`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_username": "demo", "api_password": "demo", "colour": {"a": 1}}' });
      // An unknown name, ignored; reported percent-encoded outside the HTTP token characters.
      expect(await nested.json()).toEqual({ ip: '127.0.0.1', result: 'OK' });
      expect(nested.headers.get('x-ignored-parameters')).toBe('colour%5Ba%5D');
      const unknown = await rest(t.url, 'launchRocket');
      expect(unknown).toEqual({ status: 404, ip: '127.0.0.1', result: 'ERROR: unknown operation launchRocket' });
    });

    it('serves resource routes by verb', async () => {
      const reply = await rest(t.url, 'getCustomerStatuses', {}, { method: 'GET', path: '/restapi/customerStatuses' });
      expect((reply.result as { array: string[] }).array).toContain('current');
    });
  });
});
