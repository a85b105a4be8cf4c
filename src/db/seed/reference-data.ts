/**
 * The catalogue and settings an operator needs before it has customers: statuses, plans,
 * tax zones, sales people, locations, gateways and address ranges, sites and their
 * equipment, maintenance types, custom fields. Used by the demo seed and the generator.
 */
import { customerStatuses, customerSubStatuses } from '../../customers/status.table';
import { salesPeople } from '../../customers/sales-person.table';
import { communityCodes } from '../../customers/community-code.table';
import { customerGroups } from '../../customers/group.table';
import { customFields, customTables } from '../../customers/custom-field.table';
import { bandwidthTemplates } from '../../catalog/bandwidth-template.table';
import { buckets } from '../../catalog/bucket.table';
import { plans } from '../../catalog/plan.table';
import { subPlans } from '../../catalog/sub-plan.table';
import { taxZones } from '../../catalog/tax-zone.table';
import { resellers } from '../../resellers/reseller.table';
import { resellerWalletTransactions } from '../../resellers/wallet-transaction.table';
import { areas } from '../../locations/area.table';
import { streets } from '../../locations/street.table';
import { buildings } from '../../locations/building.table';
import { gateways } from '../../network/gateway.table';
import { interfaces } from '../../network/interface.table';
import { sites } from '../../network/site.table';
import { equipment } from '../../network/equipment.table';
import { basestations } from '../../network/basestation.table';
import { nas } from '../../radius/nas.table';
import { radgroupreply } from '../../radius/radgroupreply.table';
import { maintenanceSubtypes, maintenanceTypes } from '../../support/maintenance-type.table';
import type { Executor } from '../client';
import { cents, type Random } from './random';

export interface ReferenceData {
  operatorId: number;
  operatorCode: string;
  statusNames: string[];
  salesmanIds: number[];
  valueAddedResellerIds: number[];
  masterAgentIds: number[];
  regionalSalesManagerIds: number[];
  communityCodeIds: number[];
  groupIds: number[];
  taxZone: { id: number; rate: string };
  servicePlans: { id: number; name: string; priceCents: number; radiusGroup: string; templateId: number; subPlanIds: number[] }[];
  feePlans: { id: number; name: string; priceCents: number }[];
  bucketIds: number[];
  resellerIds: number[];
  locations: { areaId: number; streetId: number; buildingId: number }[];
  gateways: { id: number; nasIp: string }[];
  /** The interface customer addresses are handed out from. */
  customerInterface: { id: number; gatewayId: number; base: number };
  siteIds: number[];
  accessPointIds: number[];
  maintenanceTypes: { id: number; subtypeIds: number[] }[];
  customerFieldIds: number[];
  voipTable: { id: number; columnIds: [number, number, number] };
}

/** The customer statuses of the SIMPLer document's getCustomerStatuses example. */
const STATUSES: { name: string; label: string; subLabel?: string; subDefault?: string; subs?: string[] }[] = [
  { name: 'contract', label: 'contract' },
  { name: 'current', label: 'Current' },
  { name: 'enquiry', label: 'enquiry' },
  { name: 'installed', label: 'installed' },
  { name: 'migrated', label: 'migrated' },
  {
    name: 'post',
    label: 'Disconnected',
    subLabel: 'Reason',
    subs: ['', 'affordability (no longer want BB)', 'competitor', 'competitor price', 'competitor product', 'non payment', 'price', 'signal', 'relocation (no service)', 'other', 'Price Increase', 'response to service issues'],
  },
  { name: 'potential', label: 'potential' },
  { name: 'simply failed', label: 'simply failed' },
  { name: 'survey failed', label: 'survey failed', subs: ['No LOS/Signal', 'Out of Area', 'Failed Payment', 'Contract', 'Aesthetics', 'AP Full', 'Other-Changed Mind'] },
  { name: 'unused', label: 'unused' },
  { name: 'waiting for install', label: 'waiting for install', subLabel: 'Priority', subDefault: '3', subs: ['1', '2', '3', '4', '5'] },
  { name: 'waiting for survey', label: 'waiting for survey', subLabel: 'Priority', subDefault: '3', subs: ['1', '2', '3', '4', '5'] },
  { name: 'Web Request', label: 'Web Request' },
];

/** SIMPLer's documented maintenance types, with a few subtypes each. */
const MAINTENANCE_TYPES: [string, string[]][] = [
  ['support', ['no connection', 'slow connection', 'intermittent']],
  ['installation', ['new install', 'reinstall']],
  ['network', ['outage', 'upgrade']],
  ['relocate', []],
  ['remove', []],
  ['repair', ['cpe', 'cabling', 'router']],
  ['accounts', ['billing query', 'refund']],
  ['sales', []],
  ['general outage', []],
  ['RF interference', []],
  ['survey', ['line of sight']],
  ['voip', ['no dial tone', 'call quality']],
];

const PLAN_DEFS = [
  { name: 'Wireless Home 10', protocol: 'pppoe', connectivity: 'wireless', down: 10_000, up: 2_000, limitGb: '100', price: 2999 },
  { name: 'Wireless Home 25', protocol: 'pppoe', connectivity: 'wireless', down: 25_000, up: 5_000, limitGb: '300', price: 3999 },
  { name: 'Wireless Business 50', protocol: 'pppoe', connectivity: 'wireless', down: 50_000, up: 10_000, limitGb: null, price: 7999 },
  { name: 'Fibre 100', protocol: 'ipoe', connectivity: 'fibre', down: 100_000, up: 20_000, limitGb: null, price: 4999 },
  { name: 'Fibre 500', protocol: 'ipoe', connectivity: 'fibre', down: 500_000, up: 100_000, limitGb: null, price: 6999 },
  { name: 'Fibre 1000 Business', protocol: 'ipoe', connectivity: 'fibre', down: 1_000_000, up: 200_000, limitGb: null, price: 11999 },
  { name: 'Hotspot Day Pass', protocol: 'ipoe', connectivity: 'hotspot', down: 5_000, up: 1_000, limitGb: '5', price: 499, period: 1, unit: 'day' },
  { name: 'Leased Line 100', protocol: 'leased_line', connectivity: 'fibre', down: 100_000, up: 100_000, limitGb: null, price: 29999 },
] as const;

/**
 * SIMPLer's documented customer statuses with their sub-statuses: what every operator starts
 * with (the admin CLI's `operator create` gives a new operator these too, so customers can be
 * created at once).
 */
export async function createCustomerStatuses(db: Executor, operatorId: number): Promise<string[]> {
  const op = { operatorId };
  const statusRows = await db
    .insert(customerStatuses)
    .values(STATUSES.map((s, position) => ({ ...op, name: s.name, label: s.label, subStatusLabel: s.subLabel ?? null, subStatusDefault: s.subDefault ?? null, position })))
    .returning({ id: customerStatuses.id, name: customerStatuses.name });
  const subs = STATUSES.flatMap((s) => {
    const statusId = statusRows.find((r) => r.name === s.name)!.id;
    return (s.subs ?? []).map((value, position) => ({ ...op, statusId, value, position }));
  });
  if (subs.length) await db.insert(customerSubStatuses).values(subs);
  return statusRows.map((r) => r.name);
}

export async function createReferenceData(db: Executor, operatorId: number, operatorCode: string, rng: Random, now: Date = new Date()): Promise<ReferenceData> {
  const op = { operatorId };
  const prefix = operatorCode === 'demo' ? '' : `${operatorCode}-`;

  await createCustomerStatuses(db, operatorId);

  // sales hierarchy (the SIMPLer document names "Dennis Soap" as a salesman)
  const people = await db
    .insert(salesPeople)
    .values([
      { ...op, role: 'salesman' as const, name: 'Dennis Soap' },
      { ...op, role: 'salesman' as const, name: 'Orla Quinn' },
      { ...op, role: 'salesman' as const, name: 'Raj Patel' },
      { ...op, role: 'value_added_reseller' as const, name: 'West Cork Wireless' },
      { ...op, role: 'master_agent' as const, name: 'Munster Agents Ltd' },
      { ...op, role: 'regional_sales_manager' as const, name: 'Siobhan Walsh' },
    ])
    .returning({ id: salesPeople.id, role: salesPeople.role });
  const byRole = (role: string) => people.filter((p) => p.role === role).map((p) => p.id);

  const codes = await db
    .insert(communityCodes)
    .values(['Community Code 1 Default', 'Community Code 2', 'Community Code 3', 'Community Code 4'].map((code) => ({ ...op, code })))
    .returning({ id: communityCodes.id });
  const groups = await db
    .insert(customerGroups)
    .values(['Residential', 'Business', 'VIP', 'Schools'].map((name) => ({ ...op, name })))
    .returning({ id: customerGroups.id });

  const [standardTax] = await db.insert(taxZones).values({ ...op, name: 'Standard', rate: '23.0000' }).returning({ id: taxZones.id, rate: taxZones.rate });
  await db.insert(taxZones).values([
    { ...op, name: 'Reduced', rate: '13.5000' },
    { ...op, name: 'Exempt', rate: '0.0000' },
  ]);

  // catalogue: bandwidth templates (Jaze profiles), plans (one catalogue), sub-plans, fees
  const templates = await db
    .insert(bandwidthTemplates)
    .values(
      PLAN_DEFS.map((p) => ({
        ...op,
        name: `${p.down / 1000}/${p.up / 1000} Mbps`,
        downloadKbps: p.down,
        uploadKbps: p.up,
        mikrotikRateLimit: `${p.up * 1000}/${p.down * 1000} 0 0 0 0 ${p.up * 1000}/${p.down * 1000}`,
      })),
    )
    .returning({ id: bandwidthTemplates.id });
  const servicePlans: ReferenceData['servicePlans'] = [];
  for (const [i, p] of PLAN_DEFS.entries()) {
    const radiusGroup = `${prefix}${p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const [plan] = await db
      .insert(plans)
      .values({
        ...op,
        kind: 'service',
        name: p.name,
        description: `${p.connectivity} ${p.down / 1000} Mbps down / ${p.up / 1000} Mbps up`,
        protocol: p.protocol,
        connectivity: p.connectivity,
        period: 'period' in p ? p.period : 1,
        periodUnit: 'unit' in p ? p.unit : 'month',
        locationCode: i % 2 === 0 ? 'CORK' : 'KERRY',
        subLocationCode: i % 3 === 0 ? 'NORTH' : 'SOUTH',
        // the leased line is withdrawn from sale: a disabled plan for catalogue filters
        enabled: i !== PLAN_DEFS.length - 1,
        dataCarryover: p.limitGb !== null && i % 2 === 1,
        hideBandwidthLimit: false,
        limit1Gb: p.limitGb,
        bw1DownloadKbps: p.down,
        bw1UploadKbps: p.up,
        bw2DownloadKbps: p.limitGb ? Math.round(p.down / 4) : null,
        bw2UploadKbps: p.limitGb ? Math.round(p.up / 4) : null,
        bandwidthTemplateId: templates[i]!.id,
        radiusGroup,
        price: cents(p.price),
        frequencyMonths: 1,
      })
      .returning({ id: plans.id });
    const subRows = await db
      .insert(subPlans)
      .values(
        [1, 3, 6, 12].map((units) => ({
          ...op,
          planId: plan!.id,
          name: `${p.name} - ${units} ${'unit' in p ? 'day' : 'month'}${units > 1 ? 's' : ''}`,
          units,
          // longer terms are a little cheaper per period
          price: cents(Math.round(p.price * units * (units >= 12 ? 0.9 : units >= 6 ? 0.95 : 1))),
          portal: units <= 6,
          enabled: true,
        })),
      )
      .returning({ id: subPlans.id });
    await db.insert(radgroupreply).values([
      { operatorId, groupname: radiusGroup, attribute: 'Mikrotik-Rate-Limit', op: '=', value: `${p.up / 1000}M/${p.down / 1000}M` },
      { operatorId, groupname: radiusGroup, attribute: 'Framed-Pool', op: '=', value: 'customers' },
    ]);
    servicePlans.push({ id: plan!.id, name: p.name, priceCents: p.price, radiusGroup, templateId: templates[i]!.id, subPlanIds: subRows.map((s) => s.id) });
  }
  const feeRows = await db
    .insert(plans)
    .values([
      { ...op, kind: 'fee' as const, name: 'Installation fee', price: '99.00', enabled: true },
      { ...op, kind: 'fee' as const, name: 'Reconnection fee', price: '25.00', enabled: true },
      { ...op, kind: 'hardware' as const, name: 'Wi-Fi router', price: '59.00', enabled: true },
    ])
    .returning({ id: plans.id, name: plans.name, price: plans.price });
  const feePlans = feeRows.map((f) => ({ id: f.id, name: f.name, priceCents: Math.round(Number(f.price) * 100) }));

  const bucketRows = await db
    .insert(buckets)
    .values([
      { ...op, name: '100 GB', trafficLimitGb: '100', radiusGroup: `${prefix}bucket-100`, bandwidthTemplateId: templates[0]!.id },
      { ...op, name: '300 GB', trafficLimitGb: '300', radiusGroup: `${prefix}bucket-300`, bandwidthTemplateId: templates[1]!.id },
      { ...op, name: 'Unlimited', trafficLimitGb: null, radiusGroup: `${prefix}bucket-unlimited`, bandwidthTemplateId: templates[3]!.id },
    ])
    .returning({ id: buckets.id });

  // resellers with wallets: the balance is the sum of the ledger, written together
  const resellerDefs = [
    { type: 'reseller' as const, name: 'Blarney Broadband', code: 'R1', invoiceBy: 'isp' as const, paymentBy: 'isp' as const, state: 'Munster', topups: [50000, 25000] },
    { type: 'franchisee' as const, name: 'Kerry Connect', code: 'F1', invoiceBy: 'reseller' as const, paymentBy: 'isp_and_reseller' as const, state: 'Munster', commissionPercent: '15.0000', creditLimit: '1000.00', topups: [100000] },
    { type: 'reseller' as const, name: 'Limerick Links', code: 'R2', invoiceBy: 'isp' as const, paymentBy: 'reseller' as const, state: 'Munster', topups: [] },
  ];
  const resellerIds: number[] = [];
  for (const def of resellerDefs) {
    const { topups, ...fields } = def;
    const balance = topups.reduce((a, b) => a + b, 0);
    const [row] = await db
      .insert(resellers)
      .values({ ...op, ...fields, code: `${prefix}${fields.code}`, mobile: `+35387${rng.digits(7)}`, email: `accounts@${fields.name.toLowerCase().replace(/\s+/g, '')}.example`, country: 'Ireland', walletBalance: cents(balance) })
      .returning({ id: resellers.id });
    let running = 0;
    for (const amount of topups) {
      running += amount;
      await db.insert(resellerWalletTransactions).values({ ...op, resellerId: row!.id, txnCode: 'topup', amount: cents(amount), balanceAfter: cents(running), note: 'Opening top-up' });
    }
    resellerIds.push(row!.id);
  }

  // areas → streets → buildings (Jaze locations)
  const locations: ReferenceData['locations'] = [];
  for (const areaName of ['City Centre', 'Northside', 'Harbour']) {
    const [area] = await db.insert(areas).values({ ...op, name: areaName }).returning({ id: areas.id });
    for (const streetName of ['Main Street', 'Church Road', 'Mill Lane']) {
      const [street] = await db.insert(streets).values({ ...op, areaId: area!.id, name: streetName }).returning({ id: streets.id });
      const blocks = await db
        .insert(buildings)
        .values(['Block A', 'Block B'].map((name) => ({ ...op, streetId: street!.id, name })))
        .returning({ id: buildings.id });
      for (const b of blocks) locations.push({ areaId: area!.id, streetId: street!.id, buildingId: b.id });
    }
  }

  // gateways (also the NAS that CoA goes to), their address ranges, and FreeRADIUS clients
  const gatewayRows: ReferenceData['gateways'] = [];
  const nasBase = operatorCode === 'demo' ? 1 : 100 + (operatorId % 100);
  for (const [i, name] of ['Cork Core', 'Kerry Core'].entries()) {
    const nasIp = `10.254.${nasBase}.${i + 1}`;
    const [gw] = await db
      .insert(gateways)
      .values({ ...op, name, wibNumber: 100 + i, ipAddress: nasIp, nasIpAddress: nasIp, coaPort: 3799, coaSecret: `coa-secret-${i + 1}`, description: `${name} PPPoE concentrator` })
      .returning({ id: gateways.id });
    await db.insert(nas).values({ operatorId, nasname: nasIp, shortname: `${prefix}${name.toLowerCase().replace(/\s+/g, '-')}`, type: 'mikrotik', secret: `radius-secret-${i + 1}`, description: name });
    gatewayRows.push({ id: gw!.id, nasIp });
  }
  const [customerRange] = await db
    .insert(interfaces)
    .values({ ...op, gatewayId: gatewayRows[0]!.id, name: 'eth1', role: 'customer', label: 'Customer addresses', network: '100.64.0.0/10', gatewayAddress: '100.64.0.1', startIp: '100.64.0.2', numberOfIps: 4_194_300 })
    .returning({ id: interfaces.id });
  await db.insert(interfaces).values([
    { ...op, gatewayId: gatewayRows[0]!.id, name: 'eth2', role: 'public', label: 'Public block', network: '192.0.2.0/24', gatewayAddress: '192.0.2.1', startIp: '192.0.2.10', numberOfIps: 240 },
    { ...op, gatewayId: gatewayRows[1]!.id, name: 'eth1', role: 'canopy', label: 'Radio management', network: '172.16.8.0/22', gatewayAddress: '172.16.8.1', startIp: '172.16.8.190', numberOfIps: 100 },
    { ...op, gatewayId: gatewayRows[1]!.id, name: 'LAN1', role: 'public', label: 'Kerry publics', network: '198.51.100.0/26', gatewayAddress: '198.51.100.1', startIp: '198.51.100.2', numberOfIps: 60 },
  ]);

  // sites with a router and access points each; access points are basestations
  const siteIds: number[] = [];
  const accessPointIds: number[] = [];
  const siteNames = ['Shandon Tower', 'Carrigrohane Mast', 'Ballincollig Water Tower', 'Killarney Hill', 'Warehouse Cork'];
  for (const [i, siteName] of siteNames.entries()) {
    const warehouse = siteName.startsWith('Warehouse');
    const [site] = await db
      .insert(sites)
      .values({
        ...op,
        name: `${prefix}${siteName}`,
        wibNumber: 100 + (i % 2),
        contactName: 'Site Manager',
        accessInfo: warehouse ? 'Key at reception' : 'Gate code 4321',
        latitude: (51.85 + i * 0.05).toFixed(6),
        longitude: (-8.5 - i * 0.1).toFixed(6),
        phone: `+35321${rng.digits(7)}`,
        accessHours: '08:00-18:00',
        maintenanceInterval: warehouse ? 'none' : 'annually',
        status: 'production',
        siteType: warehouse ? 'warehouse' : 'network',
        maintenanceEnabled: !warehouse,
        height: warehouse ? null : String(20 + i * 5),
        towerType: warehouse ? 'building' : rng.pick(['lattice', 'monopole', 'water_tower', 'guided_tower'] as const),
        owner: warehouse ? 'ispgraph' : 'Tower Co',
        // a schedule, so in the future: some month of next year
        nextMaintenanceDate: warehouse ? null : `${now.getUTCFullYear() + 1}-0${(i % 9) + 1}-15`,
        street1: `${i + 1} ${siteName.split(' ')[0]} Road`,
        city: i === 3 ? 'Killarney' : 'Cork',
        county: i === 3 ? 'Kerry' : 'Cork',
        country: 'Ireland',
      })
      .returning({ id: sites.id });
    siteIds.push(site!.id);
    if (warehouse) continue;
    const [router] = await db
      .insert(equipment)
      .values({ ...op, nickname: `${prefix}RTR-${i + 1}`, ipAddress: `10.10.${i}.1`, description: `${siteName} router`, serialNumber: `RTR${rng.digits(8)}`, mac: rng.mac(), status: 'use', type: 'mikrotikrouter', siteId: site!.id, value: '450.00' })
      .returning({ id: equipment.id });
    for (const sector of ['N', 'SE', 'SW']) {
      const [ap] = await db
        .insert(equipment)
        .values({ ...op, nickname: `${prefix}AP-${i + 1}-${sector}`, ipAddress: `10.10.${i}.${10 + accessPointIds.length}`, description: `${siteName} sector ${sector}`, serialNumber: `AP${rng.digits(9)}`, mac: rng.mac(), status: 'use', type: 'nanostationap', parentId: router!.id, siteId: site!.id, value: '180.00' })
        .returning({ id: equipment.id });
      await db.insert(basestations).values({ ...op, equipmentId: ap!.id, siteId: site!.id, sector, direction: sector === 'N' ? '0' : sector === 'SE' ? '120' : '240', colour: rng.pick(['red', 'green', 'blue']), frequency: String(5180 + accessPointIds.length * 20), installed: '2023-05-01', gatewayId: gatewayRows[i % 2]!.id, monitor: 'monitor' });
      accessPointIds.push(ap!.id);
    }
  }

  const mTypes: ReferenceData['maintenanceTypes'] = [];
  for (const [typeName, subNames] of MAINTENANCE_TYPES) {
    const [type] = await db.insert(maintenanceTypes).values({ ...op, name: typeName }).returning({ id: maintenanceTypes.id });
    const subRows = subNames.length
      ? await db.insert(maintenanceSubtypes).values(subNames.map((name) => ({ ...op, typeId: type!.id, name }))).returning({ id: maintenanceSubtypes.id })
      : [];
    mTypes.push({ id: type!.id, subtypeIds: subRows.map((s) => s.id) });
  }

  const fieldRows = await db
    .insert(customFields)
    .values([
      { ...op, scope: 'customer' as const, label: 'Router model', type: 'textfield' as const },
      { ...op, scope: 'customer' as const, label: 'Preferred contact time', type: 'select' as const, options: 'morning\nafternoon\nevening' },
      { ...op, scope: 'equipment' as const, label: 'Firmware', type: 'textfield' as const },
    ])
    .returning({ id: customFields.id, scope: customFields.scope });
  const [voip] = await db.insert(customTables).values({ ...op, name: 'voip' }).returning({ id: customTables.id });
  const voipColumns = await db
    .insert(customFields)
    .values(['VoIP Username', 'VoIP Password', 'VoIP Number'].map((label, position) => ({ ...op, scope: 'customer_custom_table' as const, customTableId: voip!.id, label, type: 'textfield' as const, position })))
    .returning({ id: customFields.id });

  return {
    operatorId,
    operatorCode,
    statusNames: STATUSES.map((s) => s.name),
    salesmanIds: byRole('salesman'),
    valueAddedResellerIds: byRole('value_added_reseller'),
    masterAgentIds: byRole('master_agent'),
    regionalSalesManagerIds: byRole('regional_sales_manager'),
    communityCodeIds: codes.map((c) => c.id),
    groupIds: groups.map((g) => g.id),
    taxZone: { id: standardTax!.id, rate: standardTax!.rate },
    servicePlans,
    feePlans,
    bucketIds: bucketRows.map((b) => b.id),
    resellerIds,
    locations,
    gateways: gatewayRows,
    customerInterface: { id: customerRange!.id, gatewayId: gatewayRows[0]!.id, base: ipToInt('100.64.0.2') },
    siteIds,
    accessPointIds,
    maintenanceTypes: mTypes,
    customerFieldIds: fieldRows.filter((f) => f.scope === 'customer').map((f) => f.id),
    voipTable: { id: voip!.id, columnIds: voipColumns.map((c) => c.id) as [number, number, number] },
  };
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function intToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
