/**
 * Generates customers with everything hanging off them — subscriptions, invoices and payments,
 * RADIUS accounts and sessions, addresses, CPE, cards and bank accounts (tokens only), tickets,
 * messages — in batches of multi-row inserts. The demo seed and the benchmark generator both
 * use it, so the demo is a small sample of exactly what the generator produces at scale.
 */
import { and, eq, max, sql } from 'drizzle-orm';
import { customers } from '../../customers/customer.table';
import { customerContacts } from '../../customers/contact.table';
import { customerNotes } from '../../customers/note.table';
import { customFieldValues, customTableCells, customTableRows } from '../../customers/custom-field.table';
import { customerGroupMembers } from '../../customers/group.table';
import { subscriptions } from '../../billing/subscription.table';
import { invoiceLines, invoices } from '../../billing/invoice.table';
import { payments } from '../../billing/payment.table';
import { creditCards } from '../../billing/credit-card.table';
import { bankAccounts } from '../../billing/bank-account.table';
import { paymentCollections } from '../../billing/payment-collection.table';
import { renewals } from '../../billing/renewal.table';
import { gracePeriods } from '../../billing/grace-period.table';
import { overageAllowances } from '../../catalog/overage-allowance.table';
import { customerIps } from '../../network/customer-ip.table';
import { equipment } from '../../network/equipment.table';
import { cpes } from '../../network/cpe.table';
import { radiusAccounts } from '../../radius/radius-account.table';
import { radcheck } from '../../radius/radcheck.table';
import { radreply } from '../../radius/radreply.table';
import { radusergroup } from '../../radius/radusergroup.table';
import { radacct } from '../../radius/radacct.table';
import { maintenanceTickets } from '../../support/maintenance-ticket.table';
import { installerTracking } from '../../support/installer-tracking.table';
import { salesmanTasks } from '../../support/salesman-task.table';
import { messages } from '../../support/message.table';
import type { Executor } from '../client';
import { insertReturning, insertRows } from './bulk';
import { FIRST_NAMES, LAST_NAMES, STREET_NAMES, TOWNS, addDays, addMonths, cents, isoDate, type Random } from './random';
import { intToIp, type ReferenceData } from './reference-data';

export interface PopulateOptions {
  count: number;
  rng: Random;
  /** Already hashed: one hash serves all generated portal logins (hashing is slow by design). */
  portalPasswordHash: string;
  batchSize?: number;
  /** Months of invoice history per customer at most. */
  historyMonths?: number;
  now?: Date;
  installerStaffId?: number;
  collectorStaffId?: number;
  onProgress?: (done: number, total: number, rows: number) => void;
}

export interface PopulateReport {
  customers: number;
  rows: number;
}

type CustomerInsert = typeof customers.$inferInsert;

const SERVICE_STATUSES = new Set(['current', 'installed', 'contract', 'post']);
const PAYMENT_METHODS = ['direct_debit', 'credit_card', 'online_transfer', 'cash', 'cheque', 'standing_order', 'debit_card'] as const;

function ascii(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]/g, '');
}

export function radiusUsernameFor(operatorCode: string, nickname: string): string {
  const base = nickname.toLowerCase();
  return operatorCode === 'demo' ? base : `${operatorCode}.${base}`;
}

export async function populateCustomers(db: Executor, ref: ReferenceData, options: PopulateOptions): Promise<PopulateReport> {
  const { rng, count } = options;
  const batchSize = options.batchSize ?? 500;
  const historyMonths = options.historyMonths ?? 6;
  const now = options.now ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const op = { operatorId: ref.operatorId };
  const prefix = ref.operatorCode === 'demo' ? '' : `${ref.operatorCode}-`;
  const taxRate = Number(ref.taxZone.rate);

  // Continue numbering after whatever the operator already has, so the generator can add more.
  const existing = await db.$count(customers, eq(customers.operatorId, ref.operatorId));
  const [{ lastInvoice } = { lastInvoice: 0 }] = await db
    .select({ lastInvoice: max(invoices.number) })
    .from(invoices)
    .where(eq(invoices.operatorId, ref.operatorId));
  const [{ lastIp } = { lastIp: null }] = await db
    .select({ lastIp: sql<string | null>`host(max(${customerIps.ip}))` })
    .from(customerIps)
    .where(and(eq(customerIps.operatorId, ref.operatorId), eq(customerIps.interfaceId, ref.customerInterface.id)));
  let nextInvoiceNumber = (lastInvoice ?? 0) + 1;
  let nextIp = lastIp ? ipValue(lastIp) + 1 : ref.customerInterface.base;

  let totalRows = 0;
  for (let start = 0; start < count; start += batchSize) {
    // Each batch is its own transaction (a savepoint inside the demo's), so a long run keeps
    // what it finished and never leaves half a batch behind.
    await db.transaction(async (tx) => {
      const size = Math.min(batchSize, count - start);
      const seqs = Array.from({ length: size }, (_, i) => existing + start + i + 1);

      // 1. the customers themselves
      const drafts = seqs.map((seq) => draftCustomer(seq));
      const inserted = await insertReturning<typeof customers, { id: number; nickname: string }>(
        tx,
        customers,
        drafts.map((d) => d.row),
        { id: customers.id, nickname: customers.nickname },
      );
      const idByNickname = new Map(inserted.map((r) => [r.nickname, r.id]));
      totalRows += inserted.length;

      // 2. everything that hangs off them
      const rows = {
        contacts: [] as (typeof customerContacts.$inferInsert)[],
        notes: [] as (typeof customerNotes.$inferInsert)[],
        subscriptions: [] as (typeof subscriptions.$inferInsert)[],
        invoices: [] as { row: typeof invoices.$inferInsert; line: Omit<typeof invoiceLines.$inferInsert, 'invoiceId'>; payment?: Omit<typeof payments.$inferInsert, 'invoiceId'> }[],
        radiusAccounts: [] as (typeof radiusAccounts.$inferInsert)[],
        radcheck: [] as (typeof radcheck.$inferInsert)[],
        radreply: [] as (typeof radreply.$inferInsert)[],
        radusergroup: [] as (typeof radusergroup.$inferInsert)[],
        radacct: [] as (typeof radacct.$inferInsert)[],
        ips: [] as (typeof customerIps.$inferInsert)[],
        cpeEquipment: [] as { row: typeof equipment.$inferInsert; customerId: number; latitude: string | null; longitude: string | null }[],
        cards: [] as (typeof creditCards.$inferInsert)[],
        banks: [] as (typeof bankAccounts.$inferInsert)[],
        tickets: [] as { row: typeof maintenanceTickets.$inferInsert; installer: boolean }[],
        salesTasks: [] as (typeof salesmanTasks.$inferInsert)[],
        messages: [] as (typeof messages.$inferInsert)[],
        fieldValues: [] as (typeof customFieldValues.$inferInsert)[],
        voipRows: [] as { customerId: number; cells: [string, string, string] }[],
        collections: [] as (typeof paymentCollections.$inferInsert)[],
        renewals: [] as (typeof renewals.$inferInsert)[],
        graces: [] as (typeof gracePeriods.$inferInsert)[],
        overages: [] as (typeof overageAllowances.$inferInsert)[],
        groups: [] as (typeof customerGroupMembers.$inferInsert)[],
      };

      for (const draft of drafts) {
        const customerId = idByNickname.get(draft.row.nickname)!;
        const c = { ...op, customerId };
        const { seq, plan, hasService, active, startDate } = draft;

        if (rng.chance(0.25)) {
          rows.contacts.push({ ...c, position: 0, name: `${rng.pick(FIRST_NAMES)} ${draft.last}`, phone: `+35387${rng.digits(7)}`, role: rng.pick(['Spouse', 'Accounts', 'Office manager']), email: `contact${seq}@example.ie` });
        }
        if (rng.chance(0.3)) {
          rows.notes.push({ ...c, title: rng.pick(['Called about speed', 'Prefers email', 'Install notes', 'Payment arrangement']), body: 'Noted by the support desk.', createdAt: addDays(now, -rng.int(1, 300)) });
        }
        if (rng.chance(0.2)) rows.groups.push({ groupId: rng.pick(ref.groupIds), customerId });
        if (rng.chance(0.3)) rows.fieldValues.push({ ...op, fieldId: ref.customerFieldIds[0]!, customerId, value: rng.pick(['MikroTik hAP ac2', 'TP-Link Archer C6', 'Ubiquiti UniFi 6']) });

        if (hasService) {
          const ended = draft.row.status === 'post';
          // a disconnected customer's service ended some time between its start and today
        const validTo = ended ? isoDate(addDays(startDate, rng.int(0, Math.max(0, Math.floor((today.getTime() - startDate.getTime()) / 86_400_000))))) : null;
          rows.subscriptions.push({
            ...c,
            planId: plan.id,
            subPlanId: plan.subPlanIds[0]!,
            type: 'recurring',
            quantity: 1,
            description: plan.name,
            validFrom: isoDate(startDate),
            validTo,
            frequencyMonths: 1,
            taxZoneId: ref.taxZone.id,
            taxRate: ref.taxZone.rate,
            nextBillingDate: ended ? null : isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1))),
            endedAt: validTo ? new Date(`${validTo}T00:00:00Z`) : null,
          });
          if (rng.chance(0.15)) {
            const fee = ref.feePlans[0]!;
            rows.subscriptions.push({ ...c, planId: fee.id, type: 'recurring', quantity: 1, description: fee.name, validFrom: isoDate(startDate), frequencyMonths: 1, cycles: 1, cyclesBilled: 1, taxZoneId: ref.taxZone.id, taxRate: ref.taxZone.rate });
          }

          // monthly invoices since the start (at most historyMonths), newest last
          const months = Math.min(historyMonths, monthsBetween(startDate, today) + 1);
          for (let m = months - 1; m >= 0; m--) {
            const issue = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - m, 1));
            if (issue < startDate && m !== months - 1) continue;
            const net = plan.priceCents;
            const tax = Math.round((net * taxRate) / 100);
            const total = net + tax;
            const newest = m === 0;
            const state = newest ? rng.weighted([['paid', 55], ['open', 30], ['partially_paid', 15]] as const) : rng.chance(0.97) ? 'paid' : 'open';
            const paid = state === 'paid' ? total : state === 'partially_paid' ? Math.floor(total / 2) : 0;
            const number = nextInvoiceNumber++;
            const paymentDate = addDays(issue, rng.int(1, 20));
            rows.invoices.push({
              row: { ...c, number, kind: m === months - 1 ? 'new' : 'recurring', status: state, issueDate: isoDate(issue), dueDate: isoDate(addDays(issue, 14)), periodStart: isoDate(issue), periodEnd: isoDate(addDays(addMonths(issue, 1), -1)), subtotal: cents(net), taxTotal: cents(tax), total: cents(total), amountPaid: cents(paid) },
              line: { ...op, description: `${plan.name} ${isoDate(issue).slice(0, 7)}`, quantity: '1', unitPrice: cents(net), discount: '0', taxRate: ref.taxZone.rate, net: cents(net), tax: cents(tax), total: cents(total) },
              payment: paid > 0 ? { ...c, amount: cents(paid), paymentDate: isoDate(earlier(paymentDate, today)), method: draft.row.paymentMethod ?? 'direct_debit', narrative: `Invoice ${number}`, reference: `PAY-${number}` } : undefined,
            });
          }

          // RADIUS: the account, its password check, the plan's group, and sessions
          const username = radiusUsernameFor(ref.operatorCode, draft.row.nickname);
          const password = rng.hex(10);
          rows.radiusAccounts.push({ ...c, username, password, priority: 1 });
          rows.radcheck.push({ ...c, username, attribute: 'Cleartext-Password', op: ':=', value: password });
          rows.radusergroup.push({ ...c, username, groupname: plan.radiusGroup, priority: 1 });
          const hasIp = rng.chance(0.6);
          const ip = hasIp ? intToIp(nextIp++) : null;
          if (ip) {
            rows.ips.push({ ...c, ip, mac: rng.mac(), macRestrict: rng.chance(0.2), isPublic: false, radiusUsername: username, gatewayId: ref.customerInterface.gatewayId, interfaceId: ref.customerInterface.id, label: 'PPPoE' });
            rows.radreply.push({ ...c, username, attribute: 'Framed-IP-Address', op: '=', value: ip });
          }
          const gateway = rng.pick(ref.gateways);
          const sessions = ended ? rng.int(0, 2) : rng.int(1, 3);
          const daysAgo = rng.int(20, 60);
          const drawn: { online: boolean; duration: number; row: typeof radacct.$inferInsert; updateHoursAgo: number; gapHours: number }[] = [];
          for (let k = 0; k < sessions; k++) {
            const last = k === sessions - 1;
            const online = last && active && rng.chance(0.7);
            const duration = rng.int(600, 20 * 86_400);
            const acctsessionid = rng.hex(8);
            const acctuniqueid = `${ref.operatorCode}-${seq}-${k}-${rng.hex(8)}`;
            const updateHoursAgo = online ? rng.int(0, 1) : 0;
            const row: typeof radacct.$inferInsert = {
              ...c,
              acctsessionid,
              acctuniqueid,
              username,
              nasipaddress: gateway.nasIp,
              nasportid: `pppoe-${username}`,
              nasporttype: 'Ethernet',
              acctinterval: 300,
              acctauthentic: 'RADIUS',
              acctinputoctets: rng.int(1e6, 5e10),
              acctoutputoctets: rng.int(1e7, 2e11),
              callingstationid: rng.mac(),
              acctterminatecause: online ? '' : rng.pick(['User-Request', 'Lost-Carrier', 'Idle-Timeout', 'NAS-Reboot']),
              servicetype: 'Framed-User',
              framedprotocol: 'PPP',
              framedipaddress: ip ?? `100.127.${rng.int(0, 255)}.${rng.int(1, 254)}`,
            };
            drawn.push({ online, duration, row, updateHoursAgo, gapHours: online ? 0 : rng.int(0, 2) });
          }
          rows.radacct.push(...layOutSessions(drawn, now, daysAgo));

          if (rng.chance(0.6)) {
            rows.cpeEquipment.push({
              row: { ...op, nickname: `${prefix}CPE-${seq}`, ipAddress: `172.16.${Math.floor(seq / 250) % 256}.${(seq % 250) + 2}`, description: `CPE of ${draft.row.name}`, serialNumber: `SN${rng.digits(10)}`, mac: rng.mac(), status: 'use', type: rng.pick(['nanostationsm', 'canopysm', 'mikrotiksm', 'genericSM']), parentId: rng.pick(ref.accessPointIds), value: '89.00' },
              customerId,
              latitude: draft.row.latitude ?? null,
              longitude: draft.row.longitude ?? null,
            });
          }
          if (rng.chance(0.2)) {
            const token = `tok_${rng.hex(24)}`;
            const last4 = rng.digits(4);
            const expiry = monthsBefore(today, -((rng.int(1, 12) - 1) + rng.int(0, 4) * 12)); // 0-59 months ahead: never already expired
            rows.cards.push({ ...c, token, last4, moduleId: 1, expMonth: expiry.getUTCMonth() + 1, expYear: expiry.getUTCFullYear(), cardType: rng.pick(['visa', 'mastercard', 'american_express', 'discover']), autoPayment: rng.chance(0.7), preferred: true, holderName: draft.row.name, country: 'Ireland' });
          }
          if (rng.chance(0.12)) {
            rows.banks.push({ ...c, token: `eft_${rng.hex(24)}`, last4: rng.digits(4), sortCode: `93${rng.digits(4)}`, accountName: draft.row.name, accountType: 'checking', autoPayment: true, preferred: true, moduleId: 2, sepaSequenceType: 'rcur', sepaBic: 'AIBKIE2D', ibanLast4: rng.digits(4), ibanCountry: 'IE', sepaDebtorName: draft.row.name, sepaCountry: 'IE', sepaSignatureDate: isoDate(startDate) });
          }
          if (active && rng.chance(0.15)) {
            const since = addDays(today, -rng.int(0, 25));
            rows.renewals.push({ ...c, previousPlanId: plan.id, presentPlanId: plan.id, renewalPeriod: '1 months', amount: cents(plan.priceCents), planRate: cents(plan.priceCents), taxAmount: cents(Math.round((plan.priceCents * taxRate) / 100)), type: 1, activeSince: isoDate(since), activeUntil: isoDate(addMonths(since, 1)), notes: 'renewal', performedBy: 'User Addition' });
          }
          if (active && rng.chance(0.02)) {
            rows.graces.push({ ...c, days: rng.int(1, 7), previousExpiresAt: draft.row.expiresAt ?? null, newExpiresAt: addDays(draft.row.expiresAt ?? now, 3) });
          }
          if (plan.name.includes('Home') && rng.chance(0.03)) {
            rows.overages.push({ ...c, trafficLimitGb: String(rng.pick([5, 10, 20])), method: 'top-up' });
          }
          if (rng.chance(0.04)) {
            const collected = rng.chance(0.5);
            rows.collections.push({ ...c, status: collected ? 'cash_collected' : 'requested', amount: collected ? cents(plan.priceCents) : null, method: collected ? 'cash' : null, bringChangeFor: collected ? null : 'none', collectorStaffId: options.collectorStaffId ?? null, notes: collected ? 'Collected at the door' : null });
          }
        }

        if (rng.chance(0.1)) {
          const type = rng.pick(ref.maintenanceTypes);
          const closed = rng.chance(0.6);
          const reported = addDays(today, -rng.int(1, 120));
          rows.tickets.push({
            row: { ...c, dateReported: isoDate(reported), reportedBy: draft.row.name, typeId: type.id, subtypeId: type.subtypeIds.length ? rng.pick(type.subtypeIds) : null, title: rng.pick(['No connection since storm', 'Slow speeds in the evening', 'Move router to office', 'Install new dish', 'Billing query']), description: 'Reported by phone.', priority: rng.int(1, 5), status: closed ? 'closed' : rng.pick(['open', 'waiting_for_customer']), dateClosed: closed ? isoDate(earlier(addDays(reported, rng.int(0, 10)), today)) : null, closedBy: closed ? 'support' : null, resolution: closed ? 'Resolved on site.' : null },
            installer: rng.chance(0.4),
          });
        }
        if (rng.chance(0.05)) {
          rows.salesTasks.push({ ...c, dateReported: isoDate(addDays(today, -rng.int(1, 200))), description: 'Follow up on upgrade offer', type: rng.pick(['upgrade', 'renewal', 'new business']), priority: rng.int(1, 5), status: rng.pick(['open', 'closed']), salesmanId: rng.pick(ref.salesmanIds), value: cents(rng.int(1000, 50000)) });
        }
        if (rng.chance(0.2)) {
          rows.messages.push({ ...c, channel: 'sms', template: 'grantAccess', recipient: draft.row.phone ?? '', body: `You have been granted access to the internet. Username: ${draft.row.nickname.toLowerCase()}`, statusCode: 202, errorMessage: 'Sms is dispatched successfully', transport: 'log', sentAt: addDays(now, -rng.int(1, 90)) });
        }
        if (rng.chance(0.08)) {
          rows.voipRows.push({ customerId, cells: [`voip${seq}`, rng.hex(8), `+35321${rng.digits(7)}`] });
        }
      }

      await insertRows(tx, customerContacts, rows.contacts);
      await insertRows(tx, customerNotes, rows.notes);
      await insertRows(tx, customerGroupMembers, rows.groups);
      await insertRows(tx, customFieldValues, rows.fieldValues);
      await insertRows(tx, subscriptions, rows.subscriptions);
      const invoiceIds = await insertReturning<typeof invoices, { id: number; number: number }>(tx, invoices, rows.invoices.map((i) => i.row), { id: invoices.id, number: invoices.number });
      const invoiceIdByNumber = new Map(invoiceIds.map((r) => [r.number, r.id]));
      await insertRows(tx, invoiceLines, rows.invoices.map((i) => ({ ...i.line, invoiceId: invoiceIdByNumber.get(i.row.number)! })));
      const paymentRows = rows.invoices.filter((i) => i.payment).map((i) => ({ ...i.payment!, invoiceId: invoiceIdByNumber.get(i.row.number)! }));
      await insertRows(tx, payments, paymentRows);
      await insertRows(tx, radiusAccounts, rows.radiusAccounts);
      await insertRows(tx, radcheck, rows.radcheck);
      await insertRows(tx, radreply, rows.radreply);
      await insertRows(tx, radusergroup, rows.radusergroup);
      await insertRows(tx, radacct, rows.radacct);
      await insertRows(tx, customerIps, rows.ips);
      const cpeEquipment = await insertReturning<typeof equipment, { id: number; nickname: string }>(tx, equipment, rows.cpeEquipment.map((e) => e.row), { id: equipment.id, nickname: equipment.nickname });
      const equipmentIdByNickname = new Map(cpeEquipment.map((e) => [e.nickname, e.id]));
      await insertRows(tx, cpes, rows.cpeEquipment.map((e) => ({ ...op, equipmentId: equipmentIdByNickname.get(e.row.nickname)!, customerId: e.customerId, latitude: e.latitude, longitude: e.longitude, distance: (rng.int(2, 150) / 10).toFixed(1), colour: 'white', frequency: '5 GHz', installedBy: 'installer', dishInstalled: true, groundingCompleted: rng.chance(0.8), additionalInfo: ['pole mount'] })));
      await insertRows(tx, creditCards, rows.cards);
      await insertRows(tx, bankAccounts, rows.banks);
      const ticketIds = await insertReturning<typeof maintenanceTickets, { id: number }>(tx, maintenanceTickets, rows.tickets.map((t) => t.row), { id: maintenanceTickets.id });
      if (options.installerStaffId) {
        const tracked = rows.tickets.flatMap((t, i) => (t.installer ? [{ ticket: t, id: ticketIds[i]!.id }] : []));
        await insertRows(
          tx,
          installerTracking,
          tracked.map(({ ticket, id }) => ({ ...op, maintenanceTicketId: id, installerStaffId: options.installerStaffId!, dateOpened: ticket.row.dateReported as string, status: ticket.row.status === 'closed' ? ('paid' as const) : ('open' as const), installerFee: '45.00', dateClosed: ticket.row.dateClosed ?? null })),
        );
      }
      await insertRows(tx, salesmanTasks, rows.salesTasks);
      await insertRows(tx, messages, rows.messages);
      await insertRows(tx, paymentCollections, rows.collections);
      await insertRows(tx, renewals, rows.renewals);
      await insertRows(tx, gracePeriods, rows.graces);
      await insertRows(tx, overageAllowances, rows.overages);
      if (rows.voipRows.length) {
        const voipRowIds = await insertReturning<typeof customTableRows, { id: number }>(tx, customTableRows, rows.voipRows.map((r) => ({ ...op, tableId: ref.voipTable.id, customerId: r.customerId })), { id: customTableRows.id });
        await insertRows(tx, customTableCells, rows.voipRows.flatMap((r, i) => r.cells.map((value, col) => ({ rowId: voipRowIds[i]!.id, columnId: ref.voipTable.columnIds[col]!, value }))));
      }

      totalRows +=
        rows.contacts.length + rows.notes.length + rows.groups.length + rows.fieldValues.length + rows.subscriptions.length +
        rows.invoices.length * 2 + paymentRows.length + rows.radiusAccounts.length + rows.radcheck.length + rows.radreply.length +
        rows.radusergroup.length + rows.radacct.length + rows.ips.length + rows.cpeEquipment.length * 2 + rows.cards.length +
        rows.banks.length + rows.tickets.length + rows.salesTasks.length + rows.messages.length + rows.collections.length +
        rows.renewals.length + rows.graces.length + rows.overages.length + rows.voipRows.length * 4;
      options.onProgress?.(start + size, count, totalRows);
    });
  }
  return { customers: count, rows: totalRows };

  function draftCustomer(seq: number) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    const nickname = `${ascii(first)}_${ascii(last)}_${seq}`;
    // the first customers are ordinary current accounts, so examples can name them
    const status =
      seq <= 10
        ? 'current'
        : rng.weighted([['current', 70], ['post', 8], ['potential', 6], ['waiting for install', 5], ['installed', 4], ['contract', 3], ['survey failed', 2], ['enquiry', 2]] as const);
    const hasService = SERVICE_STATUSES.has(status);
    const accessState =
      status === 'post'
        ? ('terminated' as const)
        : status === 'survey failed'
          ? ('rejected' as const)
          : !hasService
            ? ('pending' as const)
            : seq <= 10
              ? ('active' as const)
              : rng.weighted([['active', 90], ['suspended', 7], ['expired', 3]] as const);
    const active = accessState === 'active';
    const plan = rng.weighted(ref.servicePlans.slice(0, -1).map((p, i) => [p, i < 2 ? 30 : 10] as const));
    // Day of month clamped to 28: 31 Dec - 1 month must be 28 Nov, not 1 Dec, or the number of
    // invoices (and every later random draw) would depend on the day the demo is loaded.
    const startDate = monthsBefore(today, rng.int(1, 36));
    const town = rng.pick(TOWNS);
    const location = rng.pick(ref.locations);
    const paymentMethod = rng.pick(PAYMENT_METHODS);
    const invoicingId = `${ascii(first).slice(0, 1).toLowerCase()}${ascii(last).toLowerCase()}${seq}`;
    const row: CustomerInsert = {
      operatorId: ref.operatorId,
      name,
      nickname,
      invoicingId,
      accountType: rng.chance(0.15) ? 'customer_business' : 'customer_home',
      companyName: null,
      status,
      subStatus: status === 'waiting for install' ? String(rng.int(1, 5)) : status === 'post' ? rng.pick(['competitor', 'price', 'relocation (no service)', 'non payment']) : null,
      accessState,
      importance: rng.int(1, 5),
      initDate: isoDate(addDays(startDate, -rng.int(5, 40))),
      startDate: hasService ? isoDate(startDate) : null,
      installDate: hasService ? isoDate(addDays(startDate, rng.int(0, 10))) : null,
      activatedAt: hasService ? startDate : null,
      expiresAt: hasService ? (active ? addDays(today, rng.int(1, 30)) : addDays(today, -rng.int(1, 60))) : null,
      phone: `+35386${rng.digits(7)}`,
      altPhone: rng.chance(0.3) ? `+35387${rng.digits(7)}` : null,
      email: `${ascii(first).toLowerCase()}.${ascii(last).toLowerCase()}${seq}@example.ie`,
      street1: `${rng.int(1, 120)} ${rng.pick(STREET_NAMES)}`,
      street2: rng.chance(0.3) ? `Apt ${rng.int(1, 40)}` : null,
      town: town.town,
      county: town.county,
      postcode: `${town.postcode} ${rng.hex(4).toUpperCase()}`,
      country: 'Ireland',
      installStreet1: rng.chance(0.1) ? `${rng.int(1, 120)} ${rng.pick(STREET_NAMES)}` : null,
      latitude: (51.8 + rng.next() * 0.4).toFixed(6),
      longitude: (-8.9 + rng.next() * 0.6).toFixed(6),
      areaId: location.areaId,
      streetId: location.streetId,
      buildingId: location.buildingId,
      portalUsername: invoicingId,
      portalPasswordHash: options.portalPasswordHash,
      marketingEmails: rng.chance(0.4),
      communityCodeId: rng.chance(0.3) ? rng.pick(ref.communityCodeIds) : null,
      resellerId: rng.chance(0.1) ? rng.pick(ref.resellerIds) : null,
      salesmanId: rng.chance(0.6) ? rng.pick(ref.salesmanIds) : null,
      valueAddedResellerId: rng.chance(0.1) ? rng.pick(ref.valueAddedResellerIds) : null,
      masterAgentId: rng.chance(0.1) ? rng.pick(ref.masterAgentIds) : null,
      regionalSalesManagerId: rng.chance(0.2) ? rng.pick(ref.regionalSalesManagerIds) : null,
      invoicingEnabled: hasService,
      paymentMethod,
      invoiceSendMethod: rng.pick(['pdf', 'mail', 'both'] as const),
      taxZoneId: ref.taxZone.id,
      servicePlanId: hasService || status.startsWith('waiting') ? plan.id : null,
      bucketId: rng.chance(0.3) ? rng.pick(ref.bucketIds) : null,
      gatewayId: hasService ? ref.customerInterface.gatewayId : null,
      ipType: 'private',
      monitor: rng.chance(0.2) ? 'monitor' : 'no_monitor',
      autoProvisionRadiusCredentials: true,
      createdAt: addDays(startDate, -rng.int(5, 40)),
    };
    return { seq, last, row, plan, hasService, active, startDate };
  }
}

/** The same day of month (at most the 28th, which every month has) `months` months earlier. */
function monthsBefore(day: Date, months: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - months, Math.min(day.getUTCDate(), 28)));
}

function earlier(a: Date, b: Date): Date {
  return a < b ? a : b;
}

/**
 * Places a customer's drawn sessions back to back from `daysAgo` days before `now` (each after
 * the previous one's stop plus its gap); if the last would reach `now`, the whole run moves
 * earlier, so every start, stop and update is in the past and no stop precedes its start.
 */
function layOutSessions(
  drawn: readonly { online: boolean; duration: number; row: typeof radacct.$inferInsert; updateHoursAgo: number; gapHours: number }[],
  now: Date,
  daysAgo: number,
): (typeof radacct.$inferInsert)[] {
  const offsets: { start: number; stop: number | null }[] = [];
  let cursor = 0;
  for (const s of drawn) {
    const stop = s.online ? null : cursor + s.duration * 1000;
    offsets.push({ start: cursor, stop });
    cursor = stop === null ? cursor : stop + s.gapHours * 3_600_000;
  }
  const latest = offsets.reduce((m, o) => Math.max(m, o.stop ?? o.start), 0);
  const begin = Math.min(now.getTime() - daysAgo * 86_400_000, now.getTime() - 60_000 - latest);
  return drawn.map((s, i) => {
    const start = new Date(begin + offsets[i]!.start);
    const stop = offsets[i]!.stop === null ? null : new Date(begin + offsets[i]!.stop!);
    const update = stop ?? new Date(Math.max(start.getTime(), now.getTime() - s.updateHoursAgo * 3_600_000));
    return { ...s.row, acctstarttime: start, acctstoptime: stop, acctupdatetime: update, acctsessiontime: Math.round((update.getTime() - start.getTime()) / 1000) };
  });
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
}

function ipValue(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}
