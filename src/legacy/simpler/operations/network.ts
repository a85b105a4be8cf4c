/**
 * SIMPLer OperatorAPI operations: sites, equipment (with login details), CPE and basestations.
 * Thin adapters: wire names → service input, one service call, the documented reply.
 */
import * as cpeService from '../../../network/cpe.service';
import * as equipmentService from '../../../network/equipment.service';
import { hostOf } from '../../../network/filters';
import * as siteService from '../../../network/site.service';
import type { ServiceContext } from '../../../shared/context';
import type { Args } from '../../catalog/args';
import { operation, type LegacyOperation, type ParamSpec, type PatternParamSpec } from '../../catalog/operation';
import {
  coded,
  codesOf,
  coordinates,
  EQUIPMENT_STATUSES,
  givenOnly,
  MONITOR_MODES,
  recordsDocument,
  SITE_INTERVALS,
  SITE_STATUSES,
  SITE_TYPES,
  textField,
  TOWER_TYPES,
  wireFlag,
  wireMac,
  wireText,
  wireTimestamp,
  type WireRecord,
} from './network.wire';

// ---------------------------------------------------------------- sites

const SITE_FIELDS: readonly ParamSpec[] = [
  { name: 'wibid', kind: 'integer', doc: 'WIB number of an existing gateway.' },
  { name: 'contactname', kind: 'text' },
  { name: 'accessinfo', kind: 'text' },
  { name: 'gpsx', kind: 'decimal', doc: 'Longitude.' },
  { name: 'gpsy', kind: 'decimal', doc: 'Latitude.' },
  { name: 'phone', kind: 'text' },
  { name: 'email', kind: 'text', doc: 'Must be an e-mail address.' },
  { name: 'accesshours', kind: 'text' },
  { name: 'interval', kind: 'integer', values: codesOf(SITE_INTERVALS), doc: '0 - none, 1 - Quarterly, 2 - Semi-Annually, 3 - Annually.' },
  { name: 'status', kind: 'integer', values: codesOf(SITE_STATUSES), doc: '1 - Potential, 2 - Production, 3 - Decommissioned, 4 - Cancelled.' },
  { name: 'sitetype', kind: 'text', values: codesOf(SITE_TYPES) },
  { name: 'maintenanceOption', kind: 'integer', values: ['0', '1'], doc: '0 - Disabled, 1 - Enabled.' },
  { name: 'frequency', kind: 'decimal' },
  { name: 'height', kind: 'decimal' },
  { name: 'min_stock_level', kind: 'text' },
  { name: 'common', kind: 'text' },
  { name: 'owner', kind: 'text' },
  { name: 'reference', kind: 'text' },
  { name: 'mlduration', kind: 'text' },
  { name: 'towertype', kind: 'text', values: codesOf(TOWER_TYPES) },
  { name: 'substatus', kind: 'text' },
  { name: 'ponumber', kind: 'text' },
  { name: 'compliancenumber', kind: 'text' },
  { name: 'heightallocation', kind: 'text' },
  { name: 'accessgpsx', kind: 'decimal', doc: 'Longitude of the way into the site.' },
  { name: 'accessgpsy', kind: 'decimal', doc: 'Latitude of the way into the site.' },
  { name: 'nextmaintenancedate', kind: 'isoDate' },
  { name: 'state', kind: 'text', doc: 'A valid, non-abbreviated US state name.' },
  { name: 'street1', kind: 'text' },
  { name: 'street2', kind: 'text' },
  { name: 'city', kind: 'text' },
  { name: 'county', kind: 'text' },
  { name: 'zip', kind: 'text' },
  { name: 'country', kind: 'text', doc: 'A full country name.' },
];

function siteInput(args: Args): siteService.SiteInput {
  const gps = coordinates(args, 'gpsx', 'gpsy');
  const access = coordinates(args, 'accessgpsx', 'accessgpsy');
  const maintenanceOption = args.text('maintenanceOption');
  return {
    name: textField(args, 'sitename'),
    wibNumber: args.int('wibid'),
    contactName: textField(args, 'contactname'),
    accessInfo: textField(args, 'accessinfo'),
    latitude: gps.latitude,
    longitude: gps.longitude,
    phone: textField(args, 'phone'),
    email: textField(args, 'email'),
    accessHours: textField(args, 'accesshours'),
    maintenanceInterval: coded(args, 'interval', SITE_INTERVALS),
    status: coded(args, 'status', SITE_STATUSES),
    siteType: coded(args, 'sitetype', SITE_TYPES),
    maintenanceEnabled: maintenanceOption == null ? maintenanceOption : maintenanceOption === '1',
    frequency: args.text('frequency'),
    height: args.text('height'),
    minStockLevel: textField(args, 'min_stock_level'),
    common: textField(args, 'common'),
    owner: textField(args, 'owner'),
    reference: textField(args, 'reference'),
    mlDuration: textField(args, 'mlduration'),
    towerType: coded(args, 'towertype', TOWER_TYPES),
    subStatus: textField(args, 'substatus'),
    poNumber: textField(args, 'ponumber'),
    complianceNumber: textField(args, 'compliancenumber'),
    heightAllocation: textField(args, 'heightallocation'),
    accessLatitude: access.latitude,
    accessLongitude: access.longitude,
    nextMaintenanceDate: args.text('nextmaintenancedate'),
    state: textField(args, 'state'),
    street1: textField(args, 'street1'),
    street2: textField(args, 'street2'),
    city: textField(args, 'city'),
    county: textField(args, 'county'),
    zip: textField(args, 'zip'),
    country: textField(args, 'country'),
  };
}

const siteOperations = [
  operation({
    name: 'addSite',
    access: 'network.write',
    summary: 'Adds a site (tower, rooftop, warehouse or installer base).',
    params: [{ name: 'sitename', kind: 'text', required: true, doc: 'Unique site name.' }, ...SITE_FIELDS],
    returns: 'OK:<siteid>',
    graphql: 'mutation siteCreate',
    notes: '`gpsx`/`accessgpsx` are read as longitudes and `gpsy`/`accessgpsy` as latitudes (as for customers). Parameters sent empty count as not sent.',
    run: async (ctx, args) => `OK:${(await siteService.create(ctx, givenOnly(siteInput(args)))).id}`,
  }),

  operation({
    name: 'modifySite',
    access: 'network.write',
    summary: "Changes a site's fields; parameters sent empty clear the field.",
    params: [{ name: 'siteid', kind: 'integer', required: true }, { name: 'sitename', kind: 'text' }, ...SITE_FIELDS],
    returns: 'OK:<siteid>',
    graphql: 'mutation siteUpdate',
    notes: 'Status, interval and maintenanceOption cannot be cleared (an empty value is refused).',
    run: async (ctx, args) => `OK:${(await siteService.update(ctx, args.requiredInt('siteid'), siteInput(args))).id}`,
  }),

  operation({
    name: 'deleteSite',
    access: 'network.write',
    summary: 'Deletes a site that has no equipment assigned and no basestations on it.',
    params: [{ name: 'siteid', kind: 'integer', required: true }],
    returns: 'OK',
    graphql: 'mutation siteDelete',
    run: async (ctx, args) => {
      await siteService.remove(ctx, args.requiredInt('siteid'));
      return 'OK';
    },
  }),
];

// ---------------------------------------------------------------- equipment

const EQUIPMENT_FIELDS: readonly ParamSpec[] = [
  { name: 'ipaddress', kind: 'text', doc: 'Must be a valid IP address.' },
  { name: 'description', kind: 'text' },
  { name: 'serialnumber', kind: 'text' },
  { name: 'mac', kind: 'text', doc: 'Must be a valid MAC address.' },
  { name: 'status', kind: 'text', values: codesOf(EQUIPMENT_STATUSES) },
  { name: 'invDetails', kind: 'text' },
  { name: 'parent', kind: 'integer', doc: 'Equipment id of the parent device.' },
  { name: 'type', kind: 'text', values: equipmentService.EQUIPMENT_TYPES },
  { name: 'snmp_community', kind: 'text' },
  { name: 'value', kind: 'text', doc: 'Equipment cost, e.g. 120.50.' },
  { name: 'assigned_site', kind: 'integer', doc: 'Site id of the parent site.' },
  { name: 'maintemail', kind: 'text', doc: 'E-mail address overriding the default maintenance address.' },
  { name: 'dhcpoptions', kind: 'text' },
  { name: 'equipmentdata', kind: 'text', doc: 'Free operator data; SIMPLer itself does not use it.' },
  { name: 'supplier', kind: 'text' },
  { name: 'supplier_orderno', kind: 'text' },
  { name: 'receive_by', kind: 'text' },
  { name: 'receive_date', kind: 'isoDate' },
  { name: 'internal_groupno', kind: 'text' },
  { name: 'port', kind: 'text' },
  { name: 'equipnote', kind: 'text' },
  { name: 'typeLabel', kind: 'text' },
  { name: 'assigned_site_name', kind: 'text', doc: 'Instead of assigned_site: the site by name.' },
  { name: 'parentNickname', kind: 'text', doc: 'Instead of parent: the parent device by nickname.' },
];

const SIM_FIELDS: readonly ParamSpec[] = ['imsi', 'ki', 'opcode', 'msisdn', 'sqn', 'pin1', 'pin2', 'puk1', 'adm1', 'iccid'].map((name) => ({ name, kind: 'text' as const }));

const CUSTOM_FIELDS: readonly PatternParamSpec[] = [
  { pattern: /^custom_field_(\d+)$/i, display: 'custom_field_<id>', doc: 'Value of the equipment custom field <id> (Settings → Custom Fields); empty clears it.', wsdlPrefix: 'custom_field_' },
];

function equipmentInput(args: Args): equipmentService.EquipmentInput {
  const sim = Object.fromEntries(SIM_FIELDS.filter((p) => args.has(p.name)).map((p) => [p.name, textField(args, p.name)]));
  return {
    nickname: textField(args, 'nickname'),
    ipAddress: textField(args, 'ipaddress'),
    description: textField(args, 'description'),
    serialNumber: textField(args, 'serialnumber'),
    mac: textField(args, 'mac'),
    status: coded(args, 'status', EQUIPMENT_STATUSES),
    invDetails: textField(args, 'invDetails'),
    parentId: args.int('parent'),
    type: textField(args, 'type'),
    snmpCommunity: textField(args, 'snmp_community'),
    value: textField(args, 'value'),
    siteId: args.int('assigned_site'),
    maintEmail: textField(args, 'maintemail'),
    dhcpOptions: textField(args, 'dhcpoptions'),
    equipmentData: textField(args, 'equipmentdata'),
    supplier: textField(args, 'supplier'),
    supplierOrderNo: textField(args, 'supplier_orderno'),
    receiveBy: textField(args, 'receive_by'),
    receiveDate: args.text('receive_date'),
    internalGroupNo: textField(args, 'internal_groupno'),
    port: textField(args, 'port'),
    note: textField(args, 'equipnote'),
    typeLabel: textField(args, 'typeLabel'),
    siteName: textField(args, 'assigned_site_name'),
    parentNickname: textField(args, 'parentNickname'),
    ...sim,
  };
}

/** `custom_field_<id>` parameters as service input; an empty value clears the field. */
function customFieldsOf(args: Args): equipmentService.EquipmentInput['customFields'] {
  const fields = [...args.patterned].map(([id, value]) => ({ fieldId: Number(id), value: value === '' ? null : value }));
  return fields.length ? fields : undefined;
}

function equipmentRecord(row: equipmentService.EquipmentRow): WireRecord {
  return {
    id: String(row.id),
    date_added: wireTimestamp(row.dateAdded),
    description: wireText(row.description),
    imsi: wireText(row.imsi),
    ipaddress: wireText(hostOf(row.ipAddress)),
    ki: wireText(row.ki),
    macaddress: wireMac(row.mac),
    msisdn: wireText(row.msisdn),
    nickname: row.nickname,
    opcode: wireText(row.opcode),
    serialnumber: wireText(row.serialNumber),
    sqn: wireText(row.sqn),
    status: row.status,
    type: wireText(row.type),
  };
}

const equipmentOperations = [
  operation({
    name: 'listEquipment',
    access: 'read',
    summary: 'Lists equipment, optionally narrowed by id, type, address, nickname or MAC.',
    params: [
      { name: 'id', kind: 'integer', doc: 'Fetch the one record with this id (if it exists).' },
      { name: 'type', kind: 'text', doc: 'Only equipment of this type.' },
      { name: 'ipaddress', kind: 'text', doc: 'Fetch the record with this IP address (if it exists).' },
      { name: 'nickname', kind: 'text', doc: 'Only nicknames containing this text (any case).' },
      { name: 'macaddress', kind: 'text', doc: 'Only MAC addresses containing this text (separators ignored).' },
    ],
    returns: '<Equipment> document',
    graphql: 'query equipment',
    notes:
      'The vendor names each record element after its id (`<1>`, `<100>`), which is not well-formed XML; ispgraph sends ' +
      '`<Equipment><equipment id="1"><id>1</id>…</equipment>…</Equipment>` with the documented leaf fields. REST: `{ "equipment": [ … ] }` ' +
      'with string values as documented. `date_added` is `YYYY-MM-DD HH:MM:SS` in UTC; MAC addresses are upper-case.',
    run: async (ctx, args) => {
      const rows = await equipmentService.listAll(ctx, {
        id: args.int('id'),
        type: textField(args, 'type'),
        ipAddress: textField(args, 'ipaddress'),
        nickname: textField(args, 'nickname'),
        mac: textField(args, 'macaddress'),
      });
      return recordsDocument({ root: 'Equipment', record: 'equipment', jsonKey: 'equipment' }, rows.map(equipmentRecord));
    },
  }),

  operation({
    name: 'addEquipment',
    access: 'network.write',
    summary: 'Adds a piece of equipment to the inventory.',
    params: [{ name: 'nickname', kind: 'text', required: true, doc: 'Unique nickname.' }, ...EQUIPMENT_FIELDS, ...SIM_FIELDS],
    patternParams: CUSTOM_FIELDS,
    returns: 'OK: <new equipment id>',
    graphql: 'mutation equipmentCreate',
    notes: 'Parameters sent empty count as not sent.',
    run: async (ctx, args) => {
      const row = await equipmentService.create(ctx, { ...givenOnly(equipmentInput(args)), customFields: customFieldsOf(args) });
      return `OK: ${row.id}`;
    },
  }),

  operation({
    name: 'modifyEquipment',
    access: 'network.write',
    summary: 'Changes a piece of equipment; parameters sent empty clear the field.',
    params: [{ name: 'equipid', kind: 'integer', required: true }, { name: 'nickname', kind: 'text', doc: 'Unique nickname.' }, ...EQUIPMENT_FIELDS],
    patternParams: CUSTOM_FIELDS,
    returns: 'OK',
    graphql: 'mutation equipmentUpdate',
    notes: 'As documented, the SIM fields (imsi … iccid) are set by addEquipment only. Status cannot be cleared.',
    run: async (ctx, args) => {
      await equipmentService.update(ctx, args.requiredInt('equipid'), { ...equipmentInput(args), customFields: customFieldsOf(args) });
      return 'OK';
    },
  }),

  operation({
    name: 'addEquipmentLoginDetails',
    access: 'network.write',
    summary: 'Adds login details (username unique per device) to a piece of equipment.',
    params: [
      { name: 'equipid', kind: 'integer', required: true },
      { name: 'username', kind: 'text', required: true, doc: 'Login username.' },
      { name: 'password', kind: 'text' },
      { name: 'notes', kind: 'text' },
    ],
    returns: 'OK',
    graphql: 'mutation equipmentLoginCreate',
    run: async (ctx, args) => {
      await equipmentService.addLogin(ctx, {
        equipmentId: args.requiredInt('equipid'),
        username: args.requiredText('username'),
        password: textField(args, 'password'),
        notes: textField(args, 'notes'),
      });
      return 'OK';
    },
  }),

  operation({
    name: 'deleteEquipmentLoginDetails',
    access: 'network.write',
    summary: "Deletes a device's login details by username.",
    params: [
      { name: 'equipid', kind: 'integer', required: true },
      { name: 'username', kind: 'text', required: true, doc: 'Login username.' },
    ],
    returns: 'OK',
    graphql: 'mutation equipmentLoginDelete',
    run: async (ctx, args) => {
      await equipmentService.removeLogin(ctx, args.requiredInt('equipid'), args.requiredText('username'));
      return 'OK';
    },
  }),
];

// ---------------------------------------------------------------- CPE

const CPE_FIELDS: readonly ParamSpec[] = [
  { name: 'gpsx', kind: 'decimal', doc: 'Longitude.' },
  { name: 'gpsy', kind: 'decimal', doc: 'Latitude.' },
  { name: 'distance', kind: 'decimal' },
  { name: 'colour', kind: 'text' },
  { name: 'frequency', kind: 'text' },
  { name: 'installedby', kind: 'text' },
  { name: 'dishinstalled', kind: 'boolean' },
  { name: 'groundingcompleted', kind: 'boolean' },
  { name: 'additionalinfo', kind: 'textList', doc: 'Additional information: a list of texts (SOAP array or JSON array) or one text.' },
];

function cpeInput(args: Args): cpeService.CpeInput {
  const gps = coordinates(args, 'gpsx', 'gpsy');
  return {
    equipmentId: args.int('equipid'),
    customerId: args.int('customerid'),
    latitude: gps.latitude,
    longitude: gps.longitude,
    distance: args.text('distance'),
    colour: textField(args, 'colour'),
    frequency: textField(args, 'frequency'),
    installedBy: textField(args, 'installedby'),
    dishInstalled: args.bool('dishinstalled'),
    groundingCompleted: args.bool('groundingcompleted'),
    additionalInfo: args.texts('additionalinfo'),
  };
}

function cpeRecord({ cpe, equipment }: cpeService.CpeWithEquipment): WireRecord {
  return {
    id: String(cpe.id),
    equipid: String(cpe.equipmentId),
    customerid: String(cpe.customerId),
    nickname: equipment.nickname,
    ipaddress: wireText(hostOf(equipment.ipAddress)),
    macaddress: wireMac(equipment.mac),
    serialnumber: wireText(equipment.serialNumber),
    type: wireText(equipment.type),
    status: equipment.status,
    description: wireText(equipment.description),
    gpsx: wireText(cpe.longitude),
    gpsy: wireText(cpe.latitude),
    distance: wireText(cpe.distance),
    colour: wireText(cpe.colour),
    frequency: wireText(cpe.frequency),
    installedby: wireText(cpe.installedBy),
    dishinstalled: wireFlag(cpe.dishInstalled),
    groundingcompleted: wireFlag(cpe.groundingCompleted),
    additionalinfo: cpe.additionalInfo ?? [],
    date_added: wireTimestamp(cpe.createdAt),
  };
}

/**
 * The getCPEData document for a filter. getCustomerData embeds it (customer filter only); its XML
 * root `<cpeDataRoot>` is self-contained so it can be placed inside another document as is.
 */
export async function cpeDataDocument(ctx: ServiceContext, filter: cpeService.CpeFilter) {
  const rows = await cpeService.listCpes(ctx, filter);
  return recordsDocument({ root: 'cpeDataRoot', record: 'cpe', jsonKey: 'cpes', listItem: 'info' }, rows.map(cpeRecord));
}

const cpeOperations = [
  operation({
    name: 'addCPE',
    access: 'network.write',
    summary: "Installs a piece of equipment (not already a CPE or basestation) at a customer.",
    params: [{ name: 'equipid', kind: 'integer', required: true }, { name: 'customerid', kind: 'integer', required: true }, ...CPE_FIELDS],
    returns: "'OK :<new cpe id>'",
    graphql: 'mutation cpeCreate',
    notes:
      'The reply is spelled as documented (`OK :12`). `additionalinfo` is a TEXT ARRAY: send a SOAP array, a JSON array or one value.',
    run: async (ctx, args) => `OK :${(await cpeService.createCpe(ctx, givenOnly(cpeInput(args)))).id}`,
  }),

  operation({
    name: 'modifyCPE',
    access: 'network.write',
    summary: "Changes a CPE's fields; parameters sent empty clear the field.",
    params: [
      { name: 'cpeid', kind: 'integer', required: true },
      { name: 'equipid', kind: 'integer' },
      { name: 'customerid', kind: 'integer' },
      ...CPE_FIELDS,
    ],
    returns: 'OK',
    graphql: 'mutation cpeUpdate',
    notes: 'Equipment, customer and the dishinstalled/groundingcompleted flags cannot be cleared.',
    run: async (ctx, args) => {
      await cpeService.updateCpe(ctx, args.requiredInt('cpeid'), cpeInput(args));
      return 'OK';
    },
  }),

  operation({
    name: 'deleteCPE',
    access: 'network.write',
    summary: 'Removes a CPE record; the device stays in the inventory.',
    params: [{ name: 'cpeid', kind: 'integer', required: true }],
    returns: 'OK',
    graphql: 'mutation cpeDelete',
    run: async (ctx, args) => {
      await cpeService.removeCpe(ctx, args.requiredInt('cpeid'));
      return 'OK';
    },
  }),

  operation({
    name: 'getCPEData',
    access: 'read',
    summary: 'Lists CPE with their devices, optionally narrowed by customer, device, nickname, address, serial number or MAC.',
    params: [
      { name: 'customerid', kind: 'integer', doc: 'Only the CPE of this customer (which must exist).' },
      { name: 'equipid', kind: 'integer', doc: 'Only the CPE record of this device (which must exist).' },
      { name: 'nickname', kind: 'text', doc: "Only devices whose nickname contains this text (any case)." },
      { name: 'ipaddress', kind: 'text', doc: 'Only the device with this IP address.' },
      { name: 'serialnumber', kind: 'text', doc: 'Only the device with this serial number.' },
      { name: 'macaddress', kind: 'text', doc: 'Only MAC addresses containing this text (separators ignored).' },
    ],
    returns: '<cpeDataRoot> document',
    graphql: 'query customer(legacyId).cpes',
    notes:
      'The document shows no shape ("XML containing data"). ispgraph sends `<cpeDataRoot><cpe id="12"><id>12</id><equipid>…</equipid>' +
      '<customerid>…</customerid>` then the device (nickname, ipaddress, macaddress, serialnumber, type, status, description) and the ' +
      'installation (gpsx = longitude, gpsy = latitude, distance, colour, frequency, installedby, dishinstalled and groundingcompleted as t/f, ' +
      '`<additionalinfo><info>…</info></additionalinfo>`, date_added) `</cpe>…</cpeDataRoot>`; REST: `{ "cpes": [ { "id": "12", …, ' +
      '"additionalinfo": [ … ] } ] }` with string values. GraphQL also: `equipment(filter).cpe`.',
    run: (ctx, args) =>
      cpeDataDocument(ctx, {
        customerId: args.int('customerid'),
        equipmentId: args.int('equipid'),
        nickname: textField(args, 'nickname'),
        ipAddress: textField(args, 'ipaddress'),
        serialNumber: textField(args, 'serialnumber'),
        mac: textField(args, 'macaddress'),
      }),
  }),
];

// ---------------------------------------------------------------- basestations

const BASESTATION_FIELDS: readonly ParamSpec[] = [
  { name: 'sector', kind: 'text' },
  { name: 'direction', kind: 'text' },
  { name: 'colour', kind: 'text' },
  { name: 'frequency', kind: 'decimal' },
  { name: 'installed', kind: 'text' },
  { name: 'note', kind: 'text' },
  { name: 'gatewayid', kind: 'integer' },
  { name: 'monitor', kind: 'text', values: codesOf(MONITOR_MODES) },
];

function basestationInput(args: Args): cpeService.BasestationInput {
  return {
    equipmentId: args.int('equipid'),
    siteId: args.int('siteid'),
    sector: textField(args, 'sector'),
    direction: textField(args, 'direction'),
    colour: textField(args, 'colour'),
    frequency: args.text('frequency'),
    installed: textField(args, 'installed'),
    note: textField(args, 'note'),
    gatewayId: args.int('gatewayid'),
    monitor: coded(args, 'monitor', MONITOR_MODES),
  };
}

const basestationOperations = [
  operation({
    name: 'addBasestation',
    access: 'network.write',
    summary: 'Mounts a piece of equipment (not already a CPE or basestation) on a site as a basestation.',
    params: [{ name: 'equipid', kind: 'integer', required: true }, { name: 'siteid', kind: 'integer', required: true }, ...BASESTATION_FIELDS],
    returns: "'OK :<new basestation id>'",
    graphql: 'mutation basestationCreate',
    notes: 'The reply is spelled as documented (`OK :7`). Parameters sent empty count as not sent.',
    run: async (ctx, args) => `OK :${(await cpeService.createBasestation(ctx, givenOnly(basestationInput(args)))).id}`,
  }),

  operation({
    name: 'modifyBasestation',
    access: 'network.write',
    summary: "Changes a basestation's fields; parameters sent empty clear the field.",
    params: [
      { name: 'basestationid', kind: 'integer', required: true },
      { name: 'equipid', kind: 'integer', required: true },
      { name: 'siteid', kind: 'integer' },
      ...BASESTATION_FIELDS,
    ],
    returns: 'OK',
    graphql: 'mutation basestationUpdate',
    notes: 'Site and monitor cannot be cleared.',
    run: async (ctx, args) => {
      await cpeService.updateBasestation(ctx, args.requiredInt('basestationid'), basestationInput(args));
      return 'OK';
    },
  }),

  operation({
    name: 'deleteBasestation',
    access: 'network.write',
    summary: 'Removes a basestation record; the device stays in the inventory.',
    params: [{ name: 'basestationid', kind: 'integer', required: true }],
    returns: 'OK',
    graphql: 'mutation basestationDelete',
    run: async (ctx, args) => {
      await cpeService.removeBasestation(ctx, args.requiredInt('basestationid'));
      return 'OK';
    },
  }),
];

export const networkOperations: LegacyOperation[] = [...siteOperations, ...equipmentOperations, ...cpeOperations, ...basestationOperations];
