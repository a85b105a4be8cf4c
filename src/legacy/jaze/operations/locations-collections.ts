/**
 * Jaze API v1 endpoints: the address book (E15–E20), field payment collection (E21–E25, E27,
 * E39) and renewals (E35). Thin adapters: wire names in, service call, reply out.
 */
import * as collectionService from '../../../billing/collection.service';
import * as renewalService from '../../../billing/renewal.service';
import * as locationWrites from '../../../locations/location-write.service';
import * as locationService from '../../../locations/location.service';
import { IDEMPOTENCY_NOTE, operation, type LegacyOperation } from '../../catalog/operation';
import { jazeData, jazeMessage, jazeRaw } from '../envelope';
import { areaJson, buildingJson, collectionCustomerJson, collectionModeJson, renewalJson, streetJson } from './locations-collections.wire';

/** The add/edit endpoints answer with the bare success envelope the document shows. */
const DONE = jazeRaw({ status: 'success', errorCode: 200 });
const ENVELOPE = '{ status: "success", errorCode: 200 }';
const MENDED_ERRORCODE = 'The document\'s `"errorCode" = 200` is served as valid JSON `"errorCode": 200`.';

// ---------------------------------------------------------------- address book writes

const locationWriteOperations = [
  operation({
    name: 'add_area',
    access: 'network.write',
    summary: 'E15: adds an area, or renames one when inputAreaId is given.',
    params: [
      { name: 'areaName', kind: 'text', required: true, doc: 'Unique within the account.' },
      { name: 'inputAreaId', kind: 'integer', doc: 'The area to edit; absent: a new area.' },
    ],
    returns: ENVELOPE,
    graphql: 'mutation areaCreate / areaUpdate',
    routes: [{ method: 'POST', path: '/api/v1/add_area' }],
    notes: `${MENDED_ERRORCODE} A duplicate name is refused (409); editing an unknown area is 404.`,
    run: async (ctx, args) => {
      const input = { name: args.requiredText('areaName') };
      const id = args.int('inputAreaId');
      if (id != null) await locationWrites.updateArea(ctx, id, input);
      else await locationWrites.createArea(ctx, input);
      return DONE;
    },
  }),

  operation({
    name: 'add_street',
    access: 'network.write',
    summary: 'E16: adds a street to an area, or edits one (name, and area: its customers move along) when inputStreetId is given.',
    params: [
      { name: 'StreetName', kind: 'text', required: true, doc: 'Unique within the area.' },
      { name: 'inputAreaId', kind: 'integer', required: true, doc: 'The area of the street.' },
      { name: 'inputStreetId', kind: 'integer', doc: 'The street to edit; absent: a new street.' },
    ],
    returns: ENVELOPE,
    graphql: 'mutation streetCreate / streetUpdate',
    routes: [{ method: 'POST', path: '/api/v1/add_street' }],
    notes: `${MENDED_ERRORCODE} Unknown area or street: 404; a name already on the area: 409.`,
    run: async (ctx, args) => {
      const input = { name: args.requiredText('StreetName'), areaId: args.requiredInt('inputAreaId') };
      const id = args.int('inputStreetId');
      if (id != null) await locationWrites.updateStreet(ctx, id, input);
      else await locationWrites.createStreet(ctx, input);
      return DONE;
    },
  }),

  operation({
    name: 'add_block',
    access: 'network.write',
    summary: 'E17: adds a building (block) on a street, or edits one (name, and street: its customers move along) when inputBlockId is given.',
    params: [
      { name: 'BlockName', kind: 'text', required: true, doc: 'Unique on the street.' },
      { name: 'inputStreetId', kind: 'integer', required: true, doc: 'The street of the building.' },
      { name: 'inputBlockId', kind: 'integer', doc: 'The building to edit; absent: a new building.' },
    ],
    returns: ENVELOPE,
    graphql: 'mutation buildingCreate / buildingUpdate',
    routes: [{ method: 'POST', path: '/api/v1/add_block' }],
    notes: `${MENDED_ERRORCODE} Unknown street or building: 404; a name already on the street: 409.`,
    run: async (ctx, args) => {
      const input = { name: args.requiredText('BlockName'), streetId: args.requiredInt('inputStreetId') };
      const id = args.int('inputBlockId');
      if (id != null) await locationWrites.updateBuilding(ctx, id, input);
      else await locationWrites.createBuilding(ctx, input);
      return DONE;
    },
  }),
];

// ---------------------------------------------------------------- address book reads

const locationReadOperations = [
  operation({
    name: 'get_all_areas',
    access: 'read',
    summary: "E18: the account's areas, by name.",
    params: [],
    returns: '{ status, errorCode: 200, data: [ { CollectionArea: { id, account_id, area, internal } } ] }',
    graphql: 'query areas',
    routes: [
      { method: 'GET', path: '/api/v1/get_all_areas' },
      { method: 'POST', path: '/api/v1/get_all_areas' },
    ],
    notes: '`account_id` is the operator code. Also answers POST.',
    run: async (ctx) => jazeData((await locationService.listAreasWithOperator(ctx)).map(areaJson)),
  }),

  operation({
    name: 'get_all_streets',
    access: 'read',
    summary: "E19: the account's streets by name, or one area's.",
    params: [{ name: 'inputAreaId', kind: 'integer', doc: 'Only the streets of this area (unknown area: 404).' }],
    returns: '{ status, errorCode: 200, data: [ { CollectionStreet: { id, account_id, area_id, street, internal } } ] }',
    graphql: 'query areas { streets }',
    routes: [
      { method: 'POST', path: '/api/v1/get_all_streets' },
      { method: 'GET', path: '/api/v1/get_all_streets' },
    ],
    notes: 'Also answers GET (parameters in the query string).',
    run: async (ctx, args) => jazeData((await locationService.listStreets(ctx, { areaId: args.int('inputAreaId') })).map(streetJson)),
  }),

  operation({
    name: 'get_all_buildings',
    access: 'read',
    summary: "E20: the account's buildings by name, or one street's.",
    params: [{ name: 'streetId', kind: 'integer', doc: 'Only the buildings on this street (unknown street: 404).' }],
    returns: '{ status, errorCode: 200, data: [ { CollectionBlock: { id, account_id, street_id, block, internal } } ] }',
    graphql: 'query areas { streets { buildings } }',
    routes: [
      { method: 'POST', path: '/api/v1/get_all_buildings' },
      { method: 'GET', path: '/api/v1/get_all_buildings' },
    ],
    notes: 'Also answers GET (parameters in the query string).',
    run: async (ctx, args) => jazeData((await locationService.listBuildings(ctx, { streetId: args.int('streetId') })).map(buildingJson)),
  }),
];

// ---------------------------------------------------------------- collections

const COLLECTION_OUTCOME: Record<string, collectionService.CollectionOutcome> = {
  cashCollected: 'cash_collected',
  notAvailable: 'not_available',
  alreadyPaid: 'already_paid',
};
const COLLECTION_METHOD: Record<string, collectionService.CollectionMethod> = {
  cash: 'cash',
  cheque: 'cheque',
  creditCard: 'credit_card',
  debitCard: 'debit_card',
};

const collectionOperations = [
  operation({
    name: 'get_collection_users_areawise',
    access: 'read',
    summary: "E21: the customers on a collection admin's round (assigned with assign_users_to_admin), optionally of one area or only those who owe.",
    params: [
      { name: 'adminId', kind: 'integer', required: true, doc: 'The collection admin (staff user id).' },
      { name: 'areaId', kind: 'integer', doc: 'Only customers in this area.' },
      { name: 'userWithBalance', kind: 'boolean', aliases: ['Userwith balance'], doc: '1: only customers with an unpaid balance. The document spells it "Userwith balance".' },
    ],
    returns: '{ status, errorCode: 200, data: [ [ { "0": { balance }, UserLocation, Contact, CollectionArea, CollectionStreet, CollectionBlock } ] ] }',
    graphql: 'query collectionRound',
    routes: [
      { method: 'POST', path: '/api/v1/get_collection_users_areawise' },
      { method: 'GET', path: '/api/v1/get_collection_users_areawise' },
    ],
    notes:
      'The document\'s nested `data: [[…]]` is kept. `balance` is the unpaid part of open invoices (null when none is open). ' +
      'Contact: `person_title` is the company name, `first_name`/`last_name` split the customer name at its last word. ' +
      'Unknown admin or area: 404.',
    run: async (ctx, args) => {
      const rows = await collectionService.collectionRound(ctx, {
        staffUserId: args.requiredInt('adminId'),
        areaId: args.int('areaId'),
        withBalanceOnly: args.bool('userWithBalance'),
      });
      return jazeData([rows.map((row) => ({ 0: { balance: row.balance }, ...collectionCustomerJson(row) }))]);
    },
  }),

  operation({
    name: 'get_collection_approval_users',
    access: 'read',
    summary: 'E22: collected payments waiting for approval, with their customers, optionally by collector and date.',
    params: [
      { name: 'fromDate', kind: 'isoDate', doc: 'YYYY-MM-DD: collections recorded on or after this day (UTC).' },
      { name: 'toDate', kind: 'isoDate', doc: 'YYYY-MM-DD: collections recorded on or before this day (UTC).' },
      { name: 'adminId', kind: 'integer', doc: 'Only what this staff user collected.' },
    ],
    returns: '{ status, errorCode: 200, data: [ [ { UserLocation, Contact, CollectionArea, CollectionStreet, CollectionBlock, PaymentCollectionMode: { amount, create_datetime, paymentcollectionId } } ] ] }',
    graphql: 'query paymentCollectionsAwaitingApproval',
    routes: [
      { method: 'POST', path: '/api/v1/get_collection_approval_users' },
      { method: 'GET', path: '/api/v1/get_collection_approval_users' },
    ],
    notes: 'The nested `data: [[…]]` is kept. `paymentcollectionId` is the `modelId` of collection_approval/collection_disapproval. Dates: YYYY-MM-DD (the document gives no format); fromDate after toDate: 400.',
    run: async (ctx, args) => {
      const rows = await collectionService.awaitingApproval(ctx, {
        collectorStaffId: args.int('adminId'),
        from: args.text('fromDate'),
        to: args.text('toDate'),
      });
      return jazeData([rows.map((row) => ({ ...collectionCustomerJson(row), PaymentCollectionMode: collectionModeJson(row.collection) }))]);
    },
  }),

  operation({
    name: 'collection_approval',
    access: 'billing.write',
    summary: "E23: approves a collected payment: records it as payments, settling the customer's oldest open invoices first.",
    params: [
      { name: 'userId', kind: 'integer', required: true, doc: 'The customer.' },
      { name: 'amount', kind: 'money', required: true, doc: 'The approved amount, more than 0.' },
      { name: 'modelId', kind: 'integer', required: true, doc: 'The collection (paymentcollectionId of get_collection_approval_users).' },
    ],
    returns: '{ status, errorCode: 200, message: "Payment Approved" }',
    graphql: 'mutation paymentCollectionApprove',
    routes: [{ method: 'POST', path: '/api/v1/collection_approval' }],
    notes: `Only a collection whose money was collected can be approved: one already approved or disapproved, or not collected, is 412. Unknown user or collection: 404. ${IDEMPOTENCY_NOTE}`,
    run: async (ctx, args) => {
      await collectionService.approve(ctx, {
        customerId: args.requiredInt('userId'),
        collectionId: args.requiredInt('modelId'),
        amount: args.requiredText('amount'),
        idempotencyKey: ctx.idempotencyKey,
      });
      return jazeMessage('Payment Approved');
    },
  }),

  operation({
    name: 'collection_disapproval',
    access: 'billing.write',
    summary: 'E24: refuses a collection (requested or reported, not yet decided).',
    params: [
      { name: 'userId', kind: 'integer', required: true, doc: 'The customer.' },
      { name: 'modelId', kind: 'integer', required: true, doc: 'The collection.' },
    ],
    returns: '{ status, errorCode: 200, message: "Payment Disapproved" }',
    graphql: 'mutation paymentCollectionDisapprove',
    routes: [{ method: 'POST', path: '/api/v1/collection_disapproval' }],
    notes: 'A collection already approved or disapproved: 412. Unknown user or collection: 404.',
    run: async (ctx, args) => {
      await collectionService.disapprove(ctx, { customerId: args.requiredInt('userId'), collectionId: args.requiredInt('modelId') });
      return jazeMessage('Payment Disapproved');
    },
  }),

  operation({
    name: 'collect_user_payment',
    access: 'payments.collect',
    summary: "E25: the collector's report on a visit (collected, not available, already paid), on the customer's waiting request or as a new collection.",
    params: [
      { name: 'userId', kind: 'integer', required: true, doc: 'The customer.' },
      { name: 'amount', kind: 'money', doc: 'Required (more than 0) when statusOfCollection is cashCollected.' },
      { name: 'statusOfCollection', kind: 'text', required: true, values: Object.keys(COLLECTION_OUTCOME) },
      { name: 'method', kind: 'text', values: Object.keys(COLLECTION_METHOD), doc: 'Required when statusOfCollection is cashCollected.' },
      { name: 'bank', kind: 'text', doc: 'Required for a cheque.' },
      { name: 'chequeNumber', kind: 'text', doc: 'Digits; required for a cheque.' },
      { name: 'chequeDate', kind: 'isoDate', doc: 'YYYY-MM-DD; required for a cheque.' },
      { name: 'cardNumber', kind: 'text', doc: 'Cards: the LAST FOUR DIGITS only; a full card number is refused and never stored.' },
      { name: 'cardExpiration', kind: 'text', doc: 'Cards: MM/YY or MM/YYYY.' },
      { name: 'notes', kind: 'text' },
    ],
    returns: '{ status, errorCode: 200, message: "Payment Collected Successfully" }',
    graphql: 'mutation paymentCollectionCollect',
    routes: [{ method: 'POST', path: '/api/v1/collect_user_payment' }],
    notes:
      'The document marks every field mandatory; they are required as its conditions say (amount and method when cash was collected, ' +
      'bank/chequeNumber/chequeDate for a cheque, card fields for cards). `cardNumber` takes the last four digits only. ' +
      'The collector is the API token\'s staff user. The reply adds `errorCode: 200` to the documented one. ' +
      IDEMPOTENCY_NOTE,
    run: async (ctx, args) => {
      const method = args.text('method');
      await collectionService.collect(ctx, {
        customerId: args.requiredInt('userId'),
        amount: args.text('amount'),
        statusOfCollection: COLLECTION_OUTCOME[args.requiredText('statusOfCollection')]!,
        method: method ? COLLECTION_METHOD[method] : null,
        bank: args.text('bank'),
        chequeNumber: args.text('chequeNumber'),
        chequeDate: args.text('chequeDate'),
        cardLast4: args.text('cardNumber'),
        cardExpiration: args.text('cardExpiration'),
        notes: args.text('notes'),
        idempotencyKey: ctx.idempotencyKey,
      });
      return jazeMessage('Payment Collected Successfully');
    },
  }),

  operation({
    name: 'assign_users_to_admin',
    access: 'billing.write',
    summary: "E27: puts a customer on a collection admin's round (a customer is on one round at a time).",
    params: [
      { name: 'userId', kind: 'integer', required: true, doc: 'The customer.' },
      { name: 'accountId', kind: 'text', required: true, doc: 'The account (operator code); must be the caller\'s own.' },
      { name: 'adminId', kind: 'integer', required: true, doc: 'An active staff user with role collector, manager or admin.' },
    ],
    returns: '{ status, errorCode: 200, message: "User assigned to admin successfully" }',
    graphql: 'mutation customerCollectorAssign',
    routes: [{ method: 'POST', path: '/api/v1/assign_users_to_admin' }],
    notes:
      'An earlier collection assignment of the customer to another admin ends; assigning again to the same admin changes nothing. ' +
      'Unknown user, admin or account: 404; an admin who cannot collect (installer, API account) or is inactive: 400. The reply adds `errorCode: 200`.',
    run: async (ctx, args) => {
      await collectionService.assignToCollector(ctx, {
        customerId: args.requiredInt('userId'),
        staffUserId: args.requiredInt('adminId'),
        operatorCode: args.requiredText('accountId'),
      });
      return jazeMessage('User assigned to admin successfully');
    },
  }),

  operation({
    name: 'payment_collection_request',
    access: 'payments.collect',
    summary: 'E39: asks for a collector to visit the customer, saying which banknote to bring change for.',
    params: [
      { name: 'userId', kind: 'integer', required: true, doc: 'The customer.' },
      { name: 'bringChangeFor', kind: 'text', doc: '"none" (default) or a banknote value such as "500" or "2000".' },
    ],
    returns: '{ status, errorCode: 200, message: "We will collect your payment" }',
    graphql: 'mutation paymentCollectionRequest',
    routes: [
      { method: 'GET', path: '/api/v1/payment_collection_request/:userId/:bringChangeFor' },
      { method: 'GET', path: '/api/v1/payment_collection_request/:userId' },
    ],
    notes: 'The path may leave out bringChangeFor (default none). A customer with a request already waiting: 409. Unknown user: 404.',
    run: async (ctx, args) => {
      await collectionService.request(ctx, { customerId: args.requiredInt('userId'), bringChangeFor: args.text('bringChangeFor') });
      return jazeMessage('We will collect your payment');
    },
  }),
];

// ---------------------------------------------------------------- renewals

const renewalOperations = [
  operation({
    name: 'get_renewal_details',
    access: 'read',
    summary: "E35: renewals (and user additions) recorded for the account or one user, optionally by the day they were recorded.",
    params: [
      { name: 'userId', kind: 'integer', doc: 'Only this customer\'s renewals (unknown user: 404).' },
      { name: 'fromDate', kind: 'isoDate', doc: 'YYYY-MM-DD: recorded on or after this day (UTC).' },
      { name: 'toDate', kind: 'isoDate', doc: 'YYYY-MM-DD: recorded on or before this day (UTC).' },
    ],
    returns: '{ status, errorCode: 200, message: [ { RenewalDetails: { id, user_id, account_id, admin_username, renewal_days, renewal_amount, … } } ] }',
    graphql: 'query customer(legacyId).renewals',
    routes: [
      { method: 'POST', path: '/api/v1/get_renewal_details' },
      { method: 'GET', path: '/api/v1/get_renewal_details' },
    ],
    notes:
      'The list is under `message`, as documented. Groups are ispgraph plans: `previous_group_id`/`present_group_id` are plan ids and ' +
      '`previous_plan_id`/`present_plan_id` are null. Deleted renewals are left out. Dates: YYYY-MM-DD; fromDate after toDate: 400.',
    run: async (ctx, args) => {
      const rows = await renewalService.list(ctx, { customerId: args.int('userId'), from: args.text('fromDate'), to: args.text('toDate') });
      return jazeMessage(rows.map(renewalJson));
    },
  }),
];

export const jazeLocationCollectionOperations: LegacyOperation[] = [
  ...locationWriteOperations,
  ...locationReadOperations,
  ...collectionOperations,
  ...renewalOperations,
];
