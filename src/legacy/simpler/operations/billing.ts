/**
 * SIMPLer OperatorAPI operations: billing and products — subscriptions, the product list,
 * overage allowances, invoicing runs, invoices and paying them, stored cards and bank accounts.
 * Thin adapters: wire names onto the billing and catalogue services, replies back to the wire.
 */
import * as invoiceService from '../../../billing/invoice.service';
import * as invoicingService from '../../../billing/invoicing.service';
import * as instrumentService from '../../../billing/payment-instrument.service';
import type { BankAccountRow, CreditCardRow } from '../../../billing/payment-instrument.service';
import type { PaymentRow } from '../../../billing/payment.service';
import * as subscriptionService from '../../../billing/subscription.service';
import type { SubscriptionInput } from '../../../billing/subscription.service';
import * as overageService from '../../../catalog/overage-allowance.service';
import * as planService from '../../../catalog/plan.service';
import { US_STATES } from '../../../shared/address-rules';
import type { Args } from '../../catalog/args';
import { IDEMPOTENCY_NOTE, operation, type LegacyOperation, type ParamSpec } from '../../catalog/operation';
import {
  CARD_TYPES,
  DOCUMENTED_COUNTRIES,
  masked,
  PAYMENT_TYPES,
  recordsDocument,
  SEPA_SEQUENCE_TYPES,
  spaced,
  trimDecimal,
  underscored,
  type WireRecord,
} from './billing.wire';

const customerId: ParamSpec = { name: 'customerid', kind: 'integer', required: true, doc: 'The customer.' };

/** How a document without a vendor shape is sent. The customer-scoped ones are also embedded by getCustomerData (it passes only `customerid`). */
const documentNote = (root: string, item: string, key: string) =>
  `The document shows no shape ("XML containing data"); ispgraph sends \`<${root}>\` with one \`<${item} id="…">\` per row holding one leaf element per field ` +
  `(dates YYYY-MM-DD, money as plain decimals, booleans t/f, empty elements for nulls), and over REST \`{ "${key}": [ { "id": "…", … } ] }\` with string values.`;

// ---------------------------------------------------------------- subscriptions

function subscriptionInput(args: Args): SubscriptionInput {
  return {
    customerId: args.requiredInt('customerid'),
    planId: args.requiredInt('productid'),
    quantity: args.int('quantity'),
    discount: args.text('discount'),
    rounding: args.text('round') as SubscriptionInput['rounding'],
    premium: args.text('premium'),
    type: args.text('type')?.toLowerCase() as SubscriptionInput['type'],
    validTo: args.text('valid_to'),
    validFrom: args.text('valid_from'),
    cycles: args.int('cycles'),
    frequencyMonths: args.int('frequency'),
    price: args.text('price'),
    description: args.text('description'),
    taxZoneId: args.int('tax_zone'),
    taxMode: args.text('tax_mode') as SubscriptionInput['taxMode'],
    taxRate: args.text('tax_rate'),
    overage: args.text('overage'),
    formula: args.text('formula'),
    overageId: args.int('overageid'),
    freeService: args.bool('free_service'),
    priceOverridden: args.bool('price_changed'),
    descriptionOverridden: args.bool('description_changed'),
    revertCustomer: args.bool('revert_customer'),
  };
}

function activeSubscriptionRecord({ subscription: s, plan }: subscriptionService.ActiveSubscription): WireRecord {
  return {
    id: s.id,
    fields: {
      customerid: s.customerId,
      productid: plan.id,
      product_name: plan.name,
      product_kind: plan.kind,
      product_price: plan.price,
      description: s.description,
      description_changed: s.descriptionOverridden,
      type: s.type,
      quantity: s.quantity,
      price: s.price,
      price_changed: s.priceOverridden,
      discount: trimDecimal(s.discount),
      round: s.rounding,
      premium: s.premium,
      valid_from: s.validFrom,
      valid_to: s.validTo,
      cycles: s.cycles,
      cycles_billed: s.cyclesBilled,
      frequency: s.frequencyMonths,
      next_billing_date: s.nextBillingDate,
      tax_zone: s.taxZoneId,
      tax_mode: s.taxMode,
      tax_rate: trimDecimal(s.taxRate),
      overage: s.overage,
      formula: s.formula,
      overageid: s.overageId,
      free_service: s.freeService,
    },
  };
}

const subscriptionOperations = [
  operation({
    name: 'addSubscription',
    access: 'customers.write',
    summary: 'Adds a subscription (a product the customer is billed for) to a customer account.',
    params: [
      customerId,
      { name: 'productid', kind: 'integer', required: true, doc: 'The product (plan); it must be enabled.' },
      { name: 'quantity', kind: 'integer', doc: 'At least 1; default 1.' },
      { name: 'discount', kind: 'decimal', doc: 'Percent off, 0 to 100.' },
      { name: 'round', kind: 'text', values: ['default', 'up', 'down', 'arithmetic'], doc: 'How the line amount is rounded.' },
      { name: 'premium', kind: 'decimal' },
      { name: 'type', kind: 'text', values: ['Recurring', 'Overage', 'Reconnection'], doc: 'Default Recurring.' },
      { name: 'valid_to', kind: 'usDate', doc: 'MM/DD/YYYY; not before valid_from.' },
      { name: 'valid_from', kind: 'usDate', doc: 'MM/DD/YYYY; default today; also the first billing date.' },
      { name: 'cycles', kind: 'integer', doc: 'Billing cycles to bill; empty = unlimited.' },
      { name: 'frequency', kind: 'integer', doc: "Billing frequency in months; default the product's, else 1." },
      { name: 'price', kind: 'money', doc: "Overrides the product's price." },
      { name: 'description', kind: 'text', doc: "Overrides the product's name on invoices." },
      { name: 'tax_zone', kind: 'integer', doc: "Tax zone id; default the customer's." },
      { name: 'tax_mode', kind: 'text', values: ['default', 'fixed', 'multi'] },
      { name: 'tax_rate', kind: 'decimal', doc: "Percent; default the tax zone's, else the product's, else the customer's." },
      { name: 'overage', kind: 'decimal', doc: 'Price per overage unit.' },
      { name: 'formula', kind: 'text' },
      { name: 'overageid', kind: 'integer' },
      { name: 'free_service', kind: 'boolean', doc: '1 free service on, 0 off.' },
      { name: 'price_changed', kind: 'boolean', doc: "1: price overrides the product's (requires price); 0: the product's current price is billed." },
      { name: 'description_changed', kind: 'boolean', doc: "1: description overrides the product's name (requires description)." },
      { name: 'revert_customer', kind: 'boolean', doc: "1: put the customer's service access back to normal (active)." },
    ],
    returns: 'OK',
    graphql: 'mutation subscriptionCreate',
    notes:
      "price_changed / description_changed default to whether price / description is sent. revert_customer sets the customer's access state (suspended, expired…) back to active in the same transaction; " +
      'the lifecycle status (current, post…) is left as it is.',
    run: async (ctx, args) => {
      await subscriptionService.create(ctx, subscriptionInput(args));
      return 'OK';
    },
  }),

  operation({
    name: 'deleteSubscription',
    access: 'customers.write',
    summary: 'Deletes a subscription from a customer account.',
    params: [
      { name: 'subscriptionid', kind: 'integer', required: true, doc: 'The subscription to delete.' },
      { name: 'update_wib_files', kind: 'boolean', doc: "1: re-derive the customer's RADIUS groups (buckets) from the subscriptions left." },
      { name: 'deleteActiveProductId', kind: 'integer', doc: "A product: the customer's other active subscriptions to it are deleted too." },
    ],
    returns: 'OK',
    graphql: 'mutation subscriptionDelete',
    notes:
      "update_wib_files queues the updateBucketsFromSubscription job for the subscription's customer once the deletion is done. " +
      "deleteActiveProductId deletes, in the same transaction, every active subscription of the same customer to that product; it is an error when the customer has none.",
    run: async (ctx, args) => {
      await subscriptionService.remove(ctx, args.requiredInt('subscriptionid'), {
        updateBuckets: args.bool('update_wib_files'),
        alsoActivePlanId: args.int('deleteActiveProductId'),
      });
      return 'OK';
    },
  }),

  operation({
    name: 'getActiveSubscriptionData',
    access: 'read',
    summary: "Lists the customer's active subscriptions with their product details.",
    params: [customerId],
    returns: '<activeSubscriptionsRoot> document',
    graphql: 'query customer(id).subscriptions(filter: { active: true })',
    notes:
      documentNote('activeSubscriptionsRoot', 'subscription', 'subscriptions') +
      ' Active: not ended and valid_to empty or not before today (UTC). Each row carries its product: productid, product_name, product_kind, product_price.',
    run: async (ctx, args) => {
      const rows = await subscriptionService.activeOfCustomer(ctx, args.requiredInt('customerid'));
      return recordsDocument('activeSubscriptionsRoot', 'subscription', 'subscriptions', rows.map(activeSubscriptionRecord));
    },
  }),
];

// ---------------------------------------------------------------- products and overage

function productRecord(p: planService.PlanRow): WireRecord {
  return {
    id: p.id,
    fields: {
      name: p.name,
      description: p.description,
      kind: p.kind,
      price: p.price,
      frequency: p.frequencyMonths,
      tax_rate: trimDecimal(p.taxRate),
      enabled: p.enabled,
      protocol: p.protocol,
      connectivity: p.connectivity,
      period: p.period,
      period_unit: p.periodUnit,
      download_kbps: p.bw1DownloadKbps,
      upload_kbps: p.bw1UploadKbps,
      limit_gb: trimDecimal(p.limit1Gb),
      radius_group: p.radiusGroup,
    },
  };
}

const productOperations = [
  operation({
    name: 'getProducts',
    access: 'read',
    summary: 'Lists the products (plans, fees, hardware): all of them, or the ones asked for.',
    params: [{ name: 'productid', kind: 'integerList', doc: 'One product id, or an array (or comma-separated list) of them; default all.' }],
    returns: '<productsRoot> document',
    graphql: 'query plans',
    notes: documentNote('productsRoot', 'product', 'products') + ' Asking for a product that does not exist is an error naming it.',
    run: async (ctx, args) => {
      const rows = await planService.catalogue(ctx, args.ints('productid'));
      return recordsDocument('productsRoot', 'product', 'products', rows.map(productRecord));
    },
  }),

  operation({
    name: 'getOverageAllowances',
    access: 'read',
    summary: 'Lists overage allowances (extra traffic granted), optionally for one customer and a date range.',
    params: [
      { name: 'cutomerid', kind: 'integer', doc: 'Customer ID (the document spells it so).' },
      { name: 'customerid', kind: 'integer', doc: 'Customer ID (the corrected spelling, accepted too).' },
      { name: 'date_from', kind: 'isoDate', doc: 'YYYY-MM-DD, inclusive.' },
      { name: 'date_to', kind: 'isoDate', doc: 'YYYY-MM-DD, inclusive.' },
    ],
    returns: '{ "interfaces": [ { id, customerid, timestamp, traffic_limit, used, method, invoiceid } ] }',
    graphql: 'query customer(legacyId).overageAllowances',
    notes:
      'The document keys the list `interfaces` (as its REST example shows); ispgraph keeps that key. Over SOAP: `<overageAllowancesRoot>` with one `<interfaces id="…">` per allowance. ' +
      'The document names the customer parameter `cutomerid`; `customerid` is accepted too. Dates are read as YYYY-MM-DD (whole UTC days); timestamp is UTC; traffic_limit and used are GB.',
    run: async (ctx, args) => {
      const rows = await overageService.list(ctx, {
        customerId: args.int('customerid') ?? args.int('cutomerid'),
        from: args.text('date_from'),
        to: args.text('date_to'),
      });
      return recordsDocument(
        'overageAllowancesRoot',
        'interfaces',
        'interfaces',
        rows.map((r) => ({
          id: r.id,
          fields: {
            customerid: r.customerId,
            timestamp: r.createdAt,
            traffic_limit: trimDecimal(r.trafficLimitGb),
            used: trimDecimal(r.usedGb),
            method: r.method,
            invoiceid: r.invoiceId,
          },
        })),
      );
    },
  }),
];

// ---------------------------------------------------------------- invoices and payments

function paymentRecord(p: PaymentRow): WireRecord {
  return {
    id: p.id,
    fields: { amount: p.amount, payment_date: p.paymentDate, payment_type: spaced(p.method), narrative: p.narrative, reference: p.reference },
  };
}

function invoiceRecord({ invoice: i, lines, payments }: invoiceService.InvoiceWithDetails): WireRecord {
  return {
    id: i.id,
    fields: {
      invoice_number: i.number,
      customerid: i.customerId,
      type: i.kind,
      status: i.status,
      issue_date: i.issueDate,
      due_date: i.dueDate,
      period_start: i.periodStart,
      period_end: i.periodEnd,
      subtotal: i.subtotal,
      tax_total: i.taxTotal,
      total: i.total,
      paid: i.amountPaid,
      outstanding: invoiceService.balanceDue(i),
    },
    lists: {
      lines: {
        item: 'line',
        records: lines.map((l) => ({
          id: l.id,
          fields: {
            description: l.description,
            subscriptionid: l.subscriptionId,
            quantity: trimDecimal(l.quantity),
            unit_price: l.unitPrice,
            discount: trimDecimal(l.discount),
            tax_rate: trimDecimal(l.taxRate),
            net: l.net,
            tax: l.tax,
            total: l.total,
          },
        })),
      },
      payments: { item: 'payment', records: payments.map(paymentRecord) },
    },
  };
}

const invoiceOperations = [
  operation({
    name: 'generateInvoices',
    access: 'billing.write',
    summary: 'Runs invoicing: one invoice per customer for what is due, with tax, billing dates moved on.',
    params: [
      { name: 'type', kind: 'text', values: ['new', 'recurring'], doc: 'recurring (default): every subscription whose next billing date has come; new: subscriptions never billed.' },
      { name: 'customerid', kind: 'integer', doc: 'Bill only this customer.' },
    ],
    returns: 'OK',
    graphql: 'mutation invoicesGenerate',
    notes: `The run is one transaction; running it again on the same day bills nothing twice. Invoices are issued today (UTC). ${IDEMPOTENCY_NOTE}`,
    run: async (ctx, args) => {
      await invoicingService.generate(ctx, {
        kind: args.text('type') as invoicingService.InvoicingKind | null | undefined,
        customerId: args.int('customerid'),
        idempotencyKey: ctx.idempotencyKey,
      });
      return 'OK';
    },
  }),

  operation({
    name: 'payInvoice',
    access: 'payments.collect',
    summary: 'Records a payment against an invoice (by invoice number); the invoice becomes partially paid or paid.',
    params: [
      { name: 'invoiceNo', kind: 'integer', required: true, doc: 'The invoice number.' },
      { name: 'amount', kind: 'money', required: true, doc: 'More than 0 and at most the balance due (the document says INTEGER; cents are accepted).' },
      { name: 'paymentDate', kind: 'isoDate', doc: 'YYYY-MM-DD; default today.' },
      { name: 'paymentType', kind: 'text', required: true, values: PAYMENT_TYPES },
      { name: 'narrative', kind: 'text' },
    ],
    returns: 'OK',
    graphql: 'mutation invoicePay',
    notes: `Overpaying, and paying a void or already paid invoice, are refused. ${IDEMPOTENCY_NOTE}`,
    run: async (ctx, args) => {
      await invoiceService.pay(ctx, {
        number: args.requiredInt('invoiceNo'),
        amount: args.requiredText('amount'),
        paymentDate: args.text('paymentDate'),
        method: underscored<PaymentRow['method']>(args.requiredText('paymentType')),
        narrative: args.text('narrative'),
        idempotencyKey: ctx.idempotencyKey,
      });
      return 'OK';
    },
  }),

  operation({
    name: 'getInvoicesData',
    access: 'read',
    summary: "Lists the customer's invoices with their lines, payments and paid/outstanding amounts.",
    params: [customerId],
    returns: '<invoicesRoot> document',
    graphql: 'query customer(id).invoices',
    notes:
      documentNote('invoicesRoot', 'invoice', 'invoices') +
      ' invoice_number is the payInvoice invoiceNo; each invoice holds `<lines><line id>…</line></lines>` and `<payments><payment id>…</payment></payments>` (JSON arrays `lines`, `payments`).',
    run: async (ctx, args) => {
      const rows = await invoiceService.ofCustomer(ctx, args.requiredInt('customerid'));
      return recordsDocument('invoicesRoot', 'invoice', 'invoices', rows.map(invoiceRecord));
    },
  }),
];

// ---------------------------------------------------------------- cards and bank accounts

function cardRecord(c: CreditCardRow): WireRecord {
  return {
    id: c.id,
    fields: {
      customerid: c.customerId,
      cc_last4: c.last4,
      cc_number: masked(c.last4),
      module_id: c.moduleId,
      cc_month: c.expMonth,
      cc_year: c.expYear,
      cc_type: spaced(c.cardType),
      cc_auto_payment: c.autoPayment,
      cc_preferred: c.preferred,
      cc_holder: c.holderName,
      firstname: c.firstName,
      lastname: c.lastName,
      street1: c.street1,
      street2: c.street2,
      city: c.city,
      county: c.county,
      zip: c.zip,
      state: c.state,
      country: c.country,
      created: c.createdAt,
    },
  };
}

function bankAccountRecord(b: BankAccountRow): WireRecord {
  return {
    id: b.id,
    fields: {
      customerid: b.customerId,
      eft_last4: b.last4,
      eft_accountnumber: masked(b.last4, 8),
      eft_banksortcode: b.sortCode,
      eft_bankonlineref: b.onlineRef,
      eft_bankaccountname: b.accountName,
      eft_bankaccounttype: b.accountType,
      eft_auto_payment: b.autoPayment,
      eft_preferred: b.preferred,
      module_id: b.moduleId,
      bankdetailschanged: b.detailsChanged,
      eft_sepa_sequencetype: b.sepaSequenceType?.toUpperCase() ?? null,
      eft_sepa_bic: b.sepaBic,
      eft_sepa_iban: b.ibanLast4 == null ? null : `${b.ibanCountry ?? ''}${masked(b.ibanLast4, 18)}`,
      eft_sepa_debtorname: b.sepaDebtorName,
      eft_sepa_country: b.sepaCountry,
      eft_sepa_debtorremittancedata: b.sepaRemittanceData,
      eft_sepa_signaturedate: b.sepaSignatureDate,
      created: b.createdAt,
    },
  };
}

const MASKING_NOTE = ' Only the last four digits are ever sent (masked numbers are stars plus those digits); gateway tokens are never sent.';

const instrumentOperations = [
  operation({
    name: 'addCreditCardToken',
    access: 'billing.write',
    summary: 'Adds a credit card, as a payment-gateway token and its last four digits, to a customer account.',
    params: [
      customerId,
      { name: 'cc_last4', kind: 'text', required: true, doc: 'Exactly 4 digits.' },
      { name: 'module_id', kind: 'integer', required: true, doc: 'The payment gateway module that issued the token.' },
      { name: 'cc_token', kind: 'text', required: true, doc: 'The gateway token, never a card number.' },
      { name: 'cc_month', kind: 'integer', doc: '1 to 12.' },
      { name: 'cc_year', kind: 'integer', doc: 'This year or later.' },
      { name: 'cc_type', kind: 'text', values: CARD_TYPES },
      { name: 'cc_auto_payment', kind: 'boolean', doc: "'t' or 'f'." },
      { name: 'cc_preferred', kind: 'boolean', doc: "'t' or 'f'; a preferred card makes the customer's others not preferred." },
      { name: 'street1', kind: 'text' },
      { name: 'street2', kind: 'text' },
      { name: 'city', kind: 'text' },
      { name: 'county', kind: 'text' },
      { name: 'zip', kind: 'text' },
      { name: 'firstname', kind: 'text' },
      { name: 'lastname', kind: 'text' },
      { name: 'cc_holder', kind: 'text' },
      { name: 'state', kind: 'text', values: US_STATES, doc: 'A full US state name.' },
      { name: 'country', kind: 'text', values: DOCUMENTED_COUNTRIES, doc: 'A full country name from the document’s list.' },
    ],
    returns: 'OK: <creditcard id>',
    graphql: 'mutation creditCardCreate',
    wireNames: { expMonth: 'cc_month', expYear: 'cc_year', cardType: 'cc_type', token: 'cc_token', holderName: 'cc_holder', moduleId: 'module_id' },
    notes: "cc_last4 is read as text so a leading zero survives. A token that looks like a card number (Luhn-valid 13–19 digits) is refused. The document's `C&ocirc;te d'Ivoire` is Côte d'Ivoire.",
    run: async (ctx, args) => {
      const card = await instrumentService.addCard(ctx, {
        customerId: args.requiredInt('customerid'),
        last4: args.requiredText('cc_last4').trim(),
        moduleId: args.requiredInt('module_id'),
        token: args.requiredText('cc_token'),
        expMonth: args.int('cc_month'),
        expYear: args.int('cc_year'),
        cardType: args.text('cc_type') == null ? null : underscored<NonNullable<CreditCardRow['cardType']>>(args.requiredText('cc_type')),
        autoPayment: args.bool('cc_auto_payment'),
        preferred: args.bool('cc_preferred'),
        street1: args.text('street1'),
        street2: args.text('street2'),
        city: args.text('city'),
        county: args.text('county'),
        zip: args.text('zip'),
        firstName: args.text('firstname'),
        lastName: args.text('lastname'),
        holderName: args.text('cc_holder'),
        state: args.text('state'),
        country: args.text('country'),
      });
      return `OK: ${card.id}`;
    },
  }),

  operation({
    name: 'addEFTToken',
    access: 'billing.write',
    summary: 'Adds a bank account (EFT), as a payment-module token and its last four digits, to a customer account.',
    params: [
      customerId,
      { name: 'eft_last4', kind: 'text', required: true, doc: 'Exactly 4 digits.' },
      { name: 'eft_token', kind: 'text', required: true },
      { name: 'eft_banksortcode', kind: 'text', required: true, doc: 'Digits (read as text: sort codes have leading zeros).' },
      { name: 'eft_bankonlineref', kind: 'text', required: true },
      { name: 'eft_bankaccountname', kind: 'text', required: true },
      { name: 'eft_bankaccounttype', kind: 'text', required: true, values: ['checking', 'savings'] },
      { name: 'eft_auto_payment', kind: 'boolean', doc: "'t' or 'f'." },
      { name: 'eft_preferred', kind: 'boolean', doc: "'t' or 'f'." },
      { name: 'module_id', kind: 'integer', required: true, doc: 'The payment module that holds the token.' },
    ],
    returns: 'OK: <EFT id>',
    graphql: 'mutation bankAccountCreate',
    notes: 'eft_last4 and eft_banksortcode are read as text so leading zeros survive (the document says INTEGER).',
    run: async (ctx, args) => {
      const account = await instrumentService.addBankToken(ctx, {
        customerId: args.requiredInt('customerid'),
        last4: args.requiredText('eft_last4').trim(),
        token: args.requiredText('eft_token'),
        sortCode: args.requiredText('eft_banksortcode'),
        onlineRef: args.requiredText('eft_bankonlineref'),
        accountName: args.requiredText('eft_bankaccountname'),
        accountType: args.requiredText('eft_bankaccounttype') as 'checking' | 'savings',
        autoPayment: args.bool('eft_auto_payment'),
        preferred: args.bool('eft_preferred'),
        moduleId: args.requiredInt('module_id'),
      });
      return `OK: ${account.id}`;
    },
  }),

  operation({
    name: 'addEFT',
    access: 'billing.write',
    summary: 'Adds a bank account (EFT / SEPA direct debit) from full bank details; the details are tokenised, never stored.',
    params: [
      { ...customerId, doc: 'The customer (the document does not mark it required, but an account belongs to a customer).' },
      { name: 'bankaccountnumber', kind: 'text', required: true, doc: 'The full account number: tokenised, only its last 4 digits are kept.' },
      { name: 'banksortcode', kind: 'text' },
      { name: 'bankonlineref', kind: 'text' },
      { name: 'bankaccountname', kind: 'text' },
      { name: 'bankdetailschanged', kind: 'boolean' },
      { name: 'bankaccounttype', kind: 'text', values: ['checking', 'savings', 'default'], doc: 'checking, savings, DEFAULT.' },
      { name: 'autopayment', kind: 'boolean' },
      { name: 'preferred', kind: 'boolean' },
      { name: 'eft_sepa_sequencetype', kind: 'text', values: SEPA_SEQUENCE_TYPES, doc: 'FRST first, RCUR recurring, OOFF once off, FNAL final debits; NA not available / used up.' },
      { name: 'eft_sepa_bic', kind: 'text', doc: 'SEPA BIC / SWIFT (8 or 11 characters).' },
      { name: 'eft_sepa_iban', kind: 'text', doc: 'SEPA IBAN: check digits verified, tokenised, only its country and last 4 characters kept.' },
      { name: 'eft_sepa_debtorname', kind: 'text' },
      { name: 'eft_sepa_country', kind: 'text' },
      { name: 'eft_sepa_debtorremittancedata', kind: 'text' },
      { name: 'eft_sepa_signaturedate', kind: 'isoDate', doc: 'YYYY-MM-DD; not in the future.' },
    ],
    returns: 'OK',
    graphql: 'mutation bankAccountCreateFromDetails',
    notes: 'customerid is required. eft_sepa_bic is read as text: the document says INTEGER, but a BIC is alphanumeric.',
    run: async (ctx, args) => {
      await instrumentService.addBankDetails(ctx, {
        customerId: args.requiredInt('customerid'),
        accountNumber: args.requiredText('bankaccountnumber'),
        sortCode: args.text('banksortcode'),
        onlineRef: args.text('bankonlineref'),
        accountName: args.text('bankaccountname'),
        detailsChanged: args.bool('bankdetailschanged'),
        accountType: args.text('bankaccounttype') as BankAccountRow['accountType'] | null | undefined,
        autoPayment: args.bool('autopayment'),
        preferred: args.bool('preferred'),
        sepaSequenceType: args.text('eft_sepa_sequencetype')?.toLowerCase() as BankAccountRow['sepaSequenceType'] | undefined,
        sepaBic: args.text('eft_sepa_bic'),
        iban: args.text('eft_sepa_iban'),
        sepaDebtorName: args.text('eft_sepa_debtorname'),
        sepaCountry: args.text('eft_sepa_country'),
        sepaRemittanceData: args.text('eft_sepa_debtorremittancedata'),
        sepaSignatureDate: args.text('eft_sepa_signaturedate'),
      });
      return 'OK';
    },
  }),

  operation({
    name: 'getEFTData',
    access: 'read',
    summary: "Lists the customer's bank (EFT) accounts, masked.",
    params: [customerId],
    returns: '<eftAccountsRoot> document',
    graphql: 'query customer(id).bankAccounts',
    notes: documentNote('eftAccountsRoot', 'eft', 'eft_accounts') + ' Field names follow addEFTToken / addEFT.' + MASKING_NOTE + ' The IBAN is its country code, stars and its last four characters.',
    run: async (ctx, args) => {
      const rows = await instrumentService.bankAccountsOfCustomer(ctx, args.requiredInt('customerid'));
      return recordsDocument('eftAccountsRoot', 'eft', 'eft_accounts', rows.map(bankAccountRecord));
    },
  }),

  operation({
    name: 'getCreditCardData',
    access: 'read',
    summary: "Lists the customer's credit cards, masked.",
    params: [customerId],
    returns: '<creditCardsRoot> document',
    graphql: 'query customer(id).creditCards',
    notes: documentNote('creditCardsRoot', 'creditcard', 'creditcards') + ' Field names follow addCreditCardToken.' + MASKING_NOTE,
    run: async (ctx, args) => {
      const rows = await instrumentService.cardsOfCustomer(ctx, args.requiredInt('customerid'));
      return recordsDocument('creditCardsRoot', 'creditcard', 'creditcards', rows.map(cardRecord));
    },
  }),
];

export const billingOperations: LegacyOperation[] = [
  ...subscriptionOperations,
  ...productOperations,
  ...invoiceOperations,
  ...instrumentOperations,
];
