/**
 * CRM reseller API (document 002): list, create, update, delete resellers and franchisees, and
 * their wallet ledger (wallet_txn lists it, wallet_update appends to it). Thin adapters: the
 * franchisee terms, the wallet floor and "no delete while it has customers" are service rules.
 */
import * as resellerService from '../../../resellers/reseller.service';
import type { ResellerInput, ResellerRow } from '../../../resellers/reseller.service';
import * as walletService from '../../../resellers/wallet.service';
import type { WalletAction, WalletTransactionRow } from '../../../resellers/wallet.service';
import type { Args } from '../../catalog/args';
import { IDEMPOTENCY_NOTE, operation, type LegacyOperation, type OperationContext, type ParamSpec } from '../../catalog/operation';
import { crmResult, DONE } from '../envelope';
import { answerList, crmDateTime, listParams, readListRequest, requireOwnIsp } from '../filters';

const TYPES = { Reseller: 'reseller', Franchisee: 'franchisee' } as const;
const INVOICE_BY = { ISP: 'isp', Reseller: 'reseller' } as const;
/**
 * `ISP+Reseller` sent unescaped in a form body (`-d payment_by="ISP+Reseller"`, as curl does)
 * arrives as `ISP Reseller`: form encoding reads `+` as a space. Both spellings mean the same.
 */
const PAYMENT_BY = { ISP: 'isp', Reseller: 'reseller', 'ISP+Reseller': 'isp_and_reseller', 'ISP Reseller': 'isp_and_reseller' } as const;
const TXN_CODES = { Invoice: 'invoice', Payment: 'payment', Topup: 'topup', Settlement: 'settlement', Adj: 'adj' } as const;
const ACTIONS = { TopUp: 'topup', Settlement: 'settlement', Adj: 'adj' } as const satisfies Record<string, WalletAction>;

export const RESELLER_SORT_FIELDS = ['id', 'ispid', 'type', 'name', 'code', 'state', 'wallet'] as const;

/** The stored value of an enum parameter: undefined when not sent, null when sent empty. */
function stored<T extends Record<string, string>>(words: T, args: Args, param: string): T[keyof T] | null | undefined {
  const word = args.text(param);
  if (word === undefined) return undefined;
  return word ? words[word as keyof T] : null;
}

function wireWord<T extends Record<string, string>>(words: T, value: string | null): keyof T | null {
  if (value == null) return null;
  return (Object.keys(words) as (keyof T)[]).find((key) => words[key] === value) ?? null;
}

/** Optional text: undefined when not sent; sent empty clears it (null). */
function optionalText(args: Args, param: string): string | null | undefined {
  const value = args.text(param);
  return value == null ? value : value.trim() || null;
}

function resellerRecord(row: ResellerRow) {
  return {
    id: row.id,
    ispid: row.operatorId,
    type: wireWord(TYPES, row.type),
    name: row.name,
    code: row.code,
    address: row.address,
    mobile: row.mobile,
    email: row.email,
    state: row.state,
    country: row.country,
    invoice_by: wireWord(INVOICE_BY, row.invoiceBy),
    payment_by: wireWord(PAYMENT_BY, row.paymentBy),
    commission_percent: row.commissionPercent,
    credit_limit: row.creditLimit,
    wallet: row.walletBalance,
    created: crmDateTime(row.createdAt),
  };
}

function transactionRecord(row: WalletTransactionRow) {
  return {
    id: row.id,
    ispid: row.operatorId,
    resellerid: row.resellerId,
    txn_code: wireWord(TXN_CODES, row.txnCode),
    serviceid: row.serviceId,
    amt: row.amount,
    balance: row.balanceAfter,
    note: row.note,
    created: crmDateTime(row.createdAt),
  };
}

/** The reseller fields create and update share; `required` only on create. */
function resellerFieldParams(creating: boolean): ParamSpec[] {
  const req = creating;
  return [
    { name: 'invoice_by', kind: 'text', required: req, values: Object.keys(INVOICE_BY), doc: 'Invoice By' },
    { name: 'payment_by', kind: 'text', required: req, values: Object.keys(PAYMENT_BY), doc: 'Payment Collection By (ISP, Reseller, ISP+Reseller)' },
    { name: 'type', kind: 'text', required: req, values: Object.keys(TYPES), doc: 'Reseller Type' },
    { name: 'name', kind: 'text', required: req, doc: 'Reseller Name' },
    { name: 'code', kind: 'text', required: req, doc: 'Reseller Code' },
    { name: 'address', kind: 'text', doc: 'Reseller Address' },
    { name: 'mobile', kind: 'text', required: req, doc: 'Reseller Mobile Number' },
    { name: 'email', kind: 'text', required: req, doc: 'Reseller Email ID' },
    { name: 'state', kind: 'text', doc: 'Reseller State. Leave empty for All states' },
    { name: 'country', kind: 'text', doc: 'Reseller Country (sent by the document\'s create example, not in its table)' },
    { name: 'commission_percent', kind: 'decimal', doc: `Commission Percentage to Franchisee. 0 to 100${creating ? '. Required, if type=Franchisee' : ''}` },
    { name: 'credit_limit', kind: 'money', doc: `Credit limit to Franchisee${creating ? '. Required, if type=Franchisee' : ''}` },
  ];
}

/** Wire fields to the service input; absent fields stay absent, empty ones clear. */
function resellerInput(args: Args): ResellerInput {
  const input: ResellerInput = {
    type: stored(TYPES, args, 'type'),
    invoiceBy: stored(INVOICE_BY, args, 'invoice_by'),
    paymentBy: stored(PAYMENT_BY, args, 'payment_by'),
    name: optionalText(args, 'name'),
    code: optionalText(args, 'code'),
    address: optionalText(args, 'address'),
    mobile: optionalText(args, 'mobile'),
    email: optionalText(args, 'email'),
    state: optionalText(args, 'state'),
    country: optionalText(args, 'country'),
    commissionPercent: args.text('commission_percent'),
    creditLimit: args.text('credit_limit'),
  } as ResellerInput;
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as ResellerInput;
}

const ISP_PARAM: ParamSpec = { name: 'ispid', kind: 'integer', doc: 'ISP ID. Optional: the ISP of the login userid' };
const RESELLER_ID: ParamSpec = { name: 'resellerid', kind: 'integer', required: true, doc: 'Reseller ID' };

async function write(ctx: OperationContext, args: Args, change: () => Promise<unknown>) {
  requireOwnIsp(ctx, args);
  await change();
  return crmResult(DONE);
}

export const crmResellerOperations: LegacyOperation[] = [
  operation({
    name: 'reseller/list',
    access: 'read',
    summary: 'Lists the ISP\'s resellers and franchisees (deleted ones excluded), filtered, sorted and paged, or counts them.',
    routes: [{ method: 'POST', path: '/api/reseller/list' }],
    params: [
      ISP_PARAM,
      { name: 'resellerid', kind: 'integer', doc: 'Reseller ID' },
      { name: 'invoice_by', kind: 'text', values: Object.keys(INVOICE_BY), doc: 'Invoice By' },
      { name: 'payment_by', kind: 'text', values: Object.keys(PAYMENT_BY), doc: 'Payment Collection By (ISP, Reseller, ISP+Reseller)' },
      { name: 'type', kind: 'text', values: Object.keys(TYPES), doc: 'Reseller Type' },
      { name: 'name', kind: 'text', doc: "Reseller's Name. Partial names accepted" },
      { name: 'code', kind: 'text', doc: "Reseller's Code. Partial text accepted" },
      { name: 'state', kind: 'text', doc: 'Reseller State (whole name, any case)' },
      { name: 'created_from', kind: 'isoDate', doc: 'Created from date in yyyy-mm-dd format' },
      { name: 'created_upto', kind: 'isoDate', doc: 'Created upto date in yyyy-mm-dd format' },
      ...listParams(RESELLER_SORT_FIELDS),
    ],
    returns:
      '{ "result": [ { id, ispid, type, name, code, address, mobile, email, state, country, invoice_by, payment_by, commission_percent, credit_limit, wallet, created }, … ] | <count>, "error": null }',
    graphql: 'query resellers(filter:, orderBy:) { totalCount nodes { … } }',
    notes:
      '`payment_by=ISP+Reseller` sent unescaped in a form body arrives as `ISP Reseller` (form encoding reads `+` as a space); both are accepted. ' +
      'Amounts are decimal strings; `rows_limit` above 100 is an error, not silently capped.',
    async run(ctx, args) {
      const request = readListRequest<resellerService.ResellerListOrderField>(args, 'id');
      const filter: resellerService.ResellerListFilter = {
        id: args.int('resellerid'),
        type: stored(TYPES, args, 'type'),
        invoiceBy: stored(INVOICE_BY, args, 'invoice_by'),
        paymentBy: stored(PAYMENT_BY, args, 'payment_by'),
        name: args.text('name'),
        code: args.text('code'),
        state: args.text('state'),
        createdFromDay: args.text('created_from'),
        createdUptoDay: args.text('created_upto'),
      };
      return answerList(
        ctx,
        args,
        request,
        () => resellerService.listResellersByOffset(ctx, filter, request.order, request.window),
        () => resellerService.countResellers(ctx, filter),
        resellerRecord,
      );
    },
  }),
  operation({
    name: 'reseller/create',
    access: 'billing.write',
    summary: 'Creates a reseller or franchisee (a franchisee needs a commission of 0–100 % and a credit limit).',
    routes: [{ method: 'POST', path: '/api/reseller/create' }],
    params: [ISP_PARAM, ...resellerFieldParams(true)],
    returns: '{ "result": <new reseller id>, "error": null }',
    graphql: 'mutation resellerCreate',
    notes: 'Accepts `country`, which the document\'s own example sends although its parameter table does not list it.',
    async run(ctx, args) {
      requireOwnIsp(ctx, args);
      const row = await resellerService.create(ctx, resellerInput(args));
      return crmResult(row.id);
    },
  }),
  operation({
    name: 'reseller/update',
    access: 'billing.write',
    summary: 'Changes the given fields of a reseller; a franchisee must keep its terms and its wallet within its credit limit.',
    routes: [{ method: 'POST', path: '/api/reseller/update' }],
    params: [ISP_PARAM, RESELLER_ID, ...resellerFieldParams(false)],
    returns: '{ "result": "done", "error": null }',
    graphql: 'mutation resellerUpdate',
    notes: 'Fields not sent are left as they are; an optional field sent empty (address, state, country) is cleared.',
    run: (ctx, args) => write(ctx, args, () => resellerService.update(ctx, args.requiredInt('resellerid'), resellerInput(args))),
  }),
  operation({
    name: 'reseller/wallet_txn',
    access: 'read',
    summary: 'Lists wallet ledger entries (invoices, payments, top-ups, settlements, adjustments), oldest first, or counts them.',
    routes: [
      { method: 'POST', path: '/api/reseller/wallet_txn' },
      { method: 'POST', path: '/api/reseller/credits_usage' },
    ],
    params: [
      { name: 'id', kind: 'integer', doc: 'Record ID' },
      { name: 'ispid', kind: 'integer', doc: 'Filter records by ISP Id' },
      { name: 'resellerid', kind: 'integer', doc: 'Filter records by Reseller Id' },
      { name: 'txn_code', kind: 'text', values: Object.keys(TXN_CODES), doc: 'Filter records by Txn code' },
      { name: 'serviceid', kind: 'integer', doc: 'Filter records by Service Id (subscription)' },
      { name: 'created_from', kind: 'isoDate', doc: 'Created from date in yyyy-mm-dd format' },
      { name: 'created_upto', kind: 'isoDate', doc: 'Created upto date in yyyy-mm-dd format' },
      ...listParams(),
    ],
    returns: '{ "result": [ { id, ispid, resellerid, txn_code, serviceid, amt, balance, note, created }, … ] | <count>, "error": null }',
    graphql: 'query reseller(legacyId:) { walletTransactions { … } }',
    notes:
      'Also answers at `POST /api/reseller/credits_usage`, the path the document\'s own curl example posts to. ' +
      '`amt` is signed (credits positive, debits negative); `balance` is the wallet after the entry. Entries of deleted resellers are kept and listed.',
    async run(ctx, args) {
      const request = readListRequest(args, 'id');
      const txnCode = stored(TXN_CODES, args, 'txn_code');
      const filter: walletService.WalletListFilter = {
        id: args.int('id'),
        resellerId: args.int('resellerid'),
        txnCode: txnCode ? [txnCode] : undefined,
        serviceId: args.int('serviceid'),
        createdFromDay: args.text('created_from'),
        createdUptoDay: args.text('created_upto'),
      };
      return answerList(
        ctx,
        args,
        request,
        () => walletService.listTransactionsByOffset(ctx, filter, request.window),
        () => walletService.countTransactions(ctx, filter),
        transactionRecord,
      );
    },
  }),
  operation({
    name: 'reseller/wallet_update',
    access: 'billing.write',
    summary: 'Tops up, settles or adjusts a wallet as one atomic ledger entry (a franchisee may go down to minus its credit limit, a reseller to zero).',
    routes: [{ method: 'POST', path: '/api/reseller/wallet_update' }],
    params: [
      ISP_PARAM,
      RESELLER_ID,
      { name: 'action', kind: 'text', required: true, values: Object.keys(ACTIONS), doc: 'TopUp, Settlement or Adj' },
      { name: 'amt', kind: 'money', required: true, doc: 'Amount: positive for TopUp and Settlement, signed and non-zero for Adj' },
    ],
    returns: '{ "result": "done", "error": null }',
    graphql: 'mutation resellerWalletAdjust',
    notes: IDEMPOTENCY_NOTE,
    run: (ctx, args) =>
      write(ctx, args, () =>
        walletService.adjust(ctx, args.requiredInt('resellerid'), {
          action: ACTIONS[args.requiredText('action') as keyof typeof ACTIONS],
          amount: args.requiredText('amt'),
          idempotencyKey: ctx.idempotencyKey,
        }),
      ),
  }),
  operation({
    name: 'reseller/delete',
    access: 'billing.write',
    summary: 'Deletes a reseller that has no customers; its wallet ledger is kept.',
    routes: [{ method: 'POST', path: '/api/reseller/delete' }],
    params: [ISP_PARAM, RESELLER_ID],
    returns: '{ "result": "done", "error": null }',
    graphql: 'mutation resellerDelete',
    run: (ctx, args) => write(ctx, args, () => resellerService.remove(ctx, args.requiredInt('resellerid'))),
  }),
];
