/** The GraphQL shape of resellers and their wallets: objects, inputs, filters and ordering. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Address, AddressInput } from '../graphql/address';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateTimeScalar, DecimalScalar, EmailAddressScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UserError } from '../graphql/user-error';
import { ResellerInvoiceBy, ResellerPaymentBy, ResellerType, WalletAction, WalletTxnCode } from './reseller.enums';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/describe';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('Reseller', { implements: Node, description: 'A reseller or franchisee with its wallet (CRM reseller).' })
export class Reseller extends NumberedNode {
  @Field(() => ResellerType, { description: 'Reseller or franchisee.' }) type!: ResellerType;
  @Field(() => String, { description: 'The reseller name.' }) name!: string;
  @Field(() => String, { description: 'Unique among the operator\'s live resellers.' }) code!: string;
  @Field(() => Address, { description: 'Postal address: one free-text line (street1), state and country; a null state means the reseller serves all states.' }) address!: Address;
  @Field(() => String, { description: 'Mobile phone number.' }) mobile!: string;
  @Field(() => EmailAddressScalar, { description: 'Contact e-mail address.' }) email!: string;
  @Field(() => ResellerInvoiceBy, { description: 'Who invoices the reseller\'s customers.' }) invoiceBy!: ResellerInvoiceBy;
  @Field(() => ResellerPaymentBy, { description: 'Who collects the customers\' payments.' }) paymentBy!: ResellerPaymentBy;
  @Field(() => DecimalScalar, { nullable: true, description: 'Franchisee commission, percent.' }) commissionPercent!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'How far a franchisee\'s wallet may go below zero.' }) creditLimit!: string | null;
  @Field(() => DecimalScalar, { description: 'The sum of the wallet ledger.' }) walletBalance!: string;
  @Field(() => DateTimeScalar, { description: 'When the reseller was recorded.' }) createdAt!: Date;
}

@ObjectType('WalletTransaction', { implements: Node, description: "An entry of a reseller's append-only wallet ledger." })
export class WalletTransaction extends NumberedNode {
  @Field(() => WalletTxnCode, { description: 'What the entry records.' }) txnCode!: WalletTxnCode;
  @Field(() => DecimalScalar, { description: 'Signed: credits positive, debits negative.' }) amount!: string;
  @Field(() => DecimalScalar, { description: 'The wallet balance after this entry.' }) balanceAfter!: string;
  @Field(() => String, { nullable: true, description: 'Free-text note; null when none was given.' }) note!: string | null;
  /** The subscription and staff user of the entry (WalletTransactionResolver gives them as objects). */
  serviceId!: number | null;
  createdByStaffId!: number | null;
  @Field(() => DateTimeScalar, { description: 'When the entry was made.' }) createdAt!: Date;

  resellerId!: number;
}

// ---------------------------------------------------------------- inputs

@InputType('ResellerFieldsInput', { description: 'Reseller fields shared by create and update; omitted fields are left as they are.' })
export class ResellerFieldsInput {
  @Field(() => AddressInput, {
    nullable: true,
    description: 'Postal address: the whole free-text address in street1, state (leave empty for all states) and country; the other parts are not stored and refused.',
  })
  address?: AddressInput | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Required for franchisees: 0 to 100.' }) commissionPercent?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Required for franchisees: 0 or more.' }) creditLimit?: string | null;
}

@InputType({ description: 'A new reseller or franchisee (CRM reseller/create).' })
export class ResellerCreateInput extends ResellerFieldsInput {
  @Field(() => ResellerType, { description: 'Reseller or franchisee.' }) type!: ResellerType;
  @Field(() => ResellerInvoiceBy, { description: 'Who invoices the reseller\'s customers.' }) invoiceBy!: ResellerInvoiceBy;
  @Field(() => ResellerPaymentBy, { description: 'Who collects the customers\' payments.' }) paymentBy!: ResellerPaymentBy;
  @Field(() => String, { description: 'The reseller name.' }) name!: string;
  @Field(() => String, { description: 'Unique among the operator\'s live resellers.' }) code!: string;
  @Field(() => String, { description: 'Mobile phone number.' }) mobile!: string;
  @Field(() => EmailAddressScalar, { description: 'Contact e-mail address.' }) email!: string;
}

@InputType({ description: 'Changes to a reseller (CRM reseller/update).' })
export class ResellerUpdateInput extends ResellerFieldsInput {
  @Field(() => ID, { description: 'The reseller to change.' }) id!: string;
  @Field(() => ResellerType, { nullable: true, description: 'Reseller or franchisee.' }) type?: ResellerType;
  @Field(() => ResellerInvoiceBy, { nullable: true, description: 'Who invoices the reseller\'s customers.' }) invoiceBy?: ResellerInvoiceBy;
  @Field(() => ResellerPaymentBy, { nullable: true, description: 'Who collects the customers\' payments.' }) paymentBy?: ResellerPaymentBy;
  @Field(() => String, { nullable: true, description: 'The reseller name.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'Unique among the operator\'s live resellers.' }) code?: string;
  @Field(() => String, { nullable: true, description: 'Mobile phone number.' }) mobile?: string;
  @Field(() => EmailAddressScalar, { nullable: true, description: 'Contact e-mail address.' }) email?: string;
}

@InputType({ description: 'Names the reseller to delete.' })
export class ResellerDeleteInput {
  @Field(() => ID, { description: 'The reseller to delete.' }) id!: string;
}

@InputType({ description: 'A change to a wallet (CRM reseller/wallet_update).' })
export class ResellerWalletAdjustInput {
  @Field(() => ID, { description: 'The reseller whose wallet changes.' }) resellerId!: string;
  @Field(() => WalletAction, { description: 'Top-up, settlement or adjustment.' }) action!: WalletAction;
  @Field(() => DecimalScalar, { description: 'Positive for TOP_UP and SETTLEMENT; signed and non-zero for ADJUSTMENT; at most 2 decimals.' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'Free-text note kept with the entry.' }) note?: string | null;
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null;
}

/** The fields of the payload of resellerCreate and resellerUpdate (each its own type): payloadOf below. */
@ObjectType()
export class ResellerPayload {
  @Field(() => Reseller, { nullable: true, description: 'The reseller as it now is; null when the change was refused.' }) reseller!: Reseller | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const ResellerCreatePayload = payloadOf(ResellerPayload, 'resellerCreate', 'the new reseller, or why it was refused');
export const ResellerUpdatePayload = payloadOf(ResellerPayload, 'resellerUpdate', 'the reseller as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting the reseller.' })
export class ResellerDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted reseller; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

/** The fields of the payload of resellerWalletAdjust: payloadOf below. */
@ObjectType()
export class ResellerWalletPayload {
  @Field(() => Reseller, { nullable: true, description: 'The reseller with its new balance.' }) reseller!: Reseller | null;
  @Field(() => WalletTransaction, { nullable: true, description: 'The ledger entry appended.' }) transaction!: WalletTransaction | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const ResellerWalletAdjustPayload = payloadOf(ResellerWalletPayload, 'resellerWalletAdjust', 'the reseller and the wallet movement, or why it was refused');

// ---------------------------------------------------------------- listing

@InputType({ description: 'Filters of CRM reseller/list; text filters match anywhere, in any case.' })
export class ResellerFilterInput {
  @Field(() => ResellerType, { nullable: true, description: 'Only resellers or only franchisees.' }) type?: ResellerType | null;
  @Field(() => String, { nullable: true, description: 'Part of the name.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the code.' }) code?: string | null;
  @Field(() => String, { nullable: true, description: 'The whole state name, any case.' }) state?: string | null;
  @Field(() => ResellerInvoiceBy, { nullable: true, description: 'Only resellers whose customers this party invoices.' }) invoiceBy?: ResellerInvoiceBy | null;
  @Field(() => ResellerPaymentBy, { nullable: true, description: 'Only resellers whose customers\' payments this party collects.' }) paymentBy?: ResellerPaymentBy | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only resellers recorded at or after this moment.' }) createdFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only resellers recorded at or before this moment.' }) createdTo?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum ResellerOrderField {
  ID = 'ID',
  NAME = 'NAME',
  CODE = 'CODE',
  WALLET_BALANCE = 'WALLET_BALANCE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ResellerOrderField, {
  name: 'ResellerOrderField',
  description: 'What resellers can be ordered by.',
  valuesConfig: {
    UPDATED_AT: { description: 'When they were last changed.' },
    ID: { description: 'The order they were recorded in.' },
    NAME: { description: 'Name, alphabetically.' },
    CODE: { description: 'Reseller code, alphabetically.' },
    WALLET_BALANCE: { description: 'What is left in their wallet.' },
    CREATED_AT: { description: 'When they were added.' },
  },
});

@InputType({ description: 'How to sort a list of reseller objects.' })
export class ResellerOrder {
  @Field(() => ResellerOrderField, { description: 'What to order by.' }) field!: ResellerOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}

@InputType({ description: 'Conditions on the wallet transaction objects to list; all given ones must hold.' })
export class WalletTransactionFilterInput {
  @Field(() => [WalletTxnCode], { nullable: true, description: 'Only entries of these kinds.' }) txnCode?: WalletTxnCode[] | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only entries made at or after this moment.' }) createdFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only entries made at or before this moment.' }) createdTo?: Date | null;
}

export enum WalletTransactionOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(WalletTransactionOrderField, {
  name: 'WalletTransactionOrderField',
  description: 'What wallet transactions can be ordered by.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    CREATED_AT: { description: 'When they happened.' },
  },
});

@InputType({ description: 'How to sort a list of wallet transaction objects.' })
export class WalletTransactionOrder {
  @Field(() => WalletTransactionOrderField, { description: 'What to order by.' }) field!: WalletTransactionOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}
