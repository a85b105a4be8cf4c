/**
 * The GraphQL shape of a customer's records: notes, community codes, sub-account links,
 * custom-table rows and the operator's customer statuses.
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../graphql/sort-direction';
import { Node, NumberedNode } from '../graphql/node';
import { inputOf, payloadOf } from '../graphql/payload';
import { CustomFieldType } from './customer.enums';
import { DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

// ---------------------------------------------------------------- notes

@ObjectType('CustomerNote', { implements: Node, description: 'A dated note on a customer account (SIMPLer addCustomerNote).' })
export class CustomerNote extends NumberedNode {
  @Field(() => String, { description: 'Short title of the note.' }) title!: string;
  @Field(() => String, { description: 'Text of the note.' }) body!: string;
  @Field(() => DateTimeScalar, { description: 'When the note was written.' }) createdAt!: Date;

  customerId!: number;
  /** For the authorName field (CustomerNoteResolver). */
  authorStaffId!: number | null;
}

export enum CustomerNoteOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(CustomerNoteOrderField, {
  name: 'CustomerNoteOrderField',
  description: 'What customer notes can be ordered by; ties in the order they were written.',
  valuesConfig: {
    ID: { description: 'The order they were written in.' },
    CREATED_AT: { description: 'When they were written.' },
  },
});

@InputType({ description: 'How to sort a list of customer note objects.' })
export class CustomerNoteOrder {
  @Field(() => CustomerNoteOrderField, { description: 'What to order by.' }) field!: CustomerNoteOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'DESC when omitted (newest first).' }) direction?: SortDirection;
}

@InputType({ description: 'A new note on a customer.' })
export class CustomerNoteCreateInput {
  @Field(() => ID, { description: 'The customer the note is about.' }) customerId!: string;
  @Field(() => String, { description: 'Short title of the note.' }) title!: string;
  @Field(() => String, { description: 'Text of the note.' }) text!: string;
}

/** The fields of the payload of customerNoteCreate: payloadOf below. */
@ObjectType()
export class CustomerNotePayload {
  @Field(() => CustomerNote, { nullable: true, description: 'The note as saved; null when refused.' }) customerNote!: CustomerNote | null;
  @Field(() => [UserError], { description: 'Why the note was refused; empty on success.' }) userErrors!: UserError[];
}
export const CustomerNoteCreatePayload = payloadOf(CustomerNotePayload, 'customerNoteCreate', 'the new customer note, or why it was refused');

@InputType({ description: 'Changes to a note on a customer; fields left out stay as they are, and neither may be blank.' })
export class CustomerNoteUpdateInput {
  @Field(() => ID, { description: 'The note to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'New short title of the note.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'New text of the note.' }) text?: string | null;
}

/** The fields of the payload of customerNoteUpdate: payloadOf below. (It names the note `customerNote`, as the other payloads name their object; customerNoteCreate's still says `note`.) */
@ObjectType()
export class CustomerNoteUpdateFields {
  @Field(() => CustomerNote, { nullable: true, description: 'The note as it now is; null when refused.' }) customerNote!: CustomerNote | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const CustomerNoteUpdatePayload = payloadOf(CustomerNoteUpdateFields, 'customerNoteUpdate', 'the customer note as changed, or why it was refused');

// ---------------------------------------------------------------- community codes

@ObjectType('CommunityCode', { implements: Node, description: 'A community code customers can be assigned (unique per operator).' })
export class CommunityCode extends NumberedNode {
  @Field(() => String, { description: 'The code, unique per operator.' }) code!: string;
  @Field(() => DateTimeScalar, { description: 'When the code was added.' }) createdAt!: Date;
}

@InputType({ description: 'A new community code.' })
export class CommunityCodeCreateInput {
  @Field(() => String, { description: 'The code; must not be in use.' }) code!: string;
}

@InputType({ description: 'A new value for a community code.' })
export class CommunityCodeUpdateInput {
  @Field(() => ID, { description: 'The community code to change.' }) id!: string;
  @Field(() => String, { description: 'The new code; must not be in use.' }) code!: string;
}

@InputType({ description: 'Which community code to delete.' })
export class CommunityCodeDeleteInput {
  @Field(() => ID, { description: 'The community code to delete.' }) id!: string;
}

/** The fields of the payload of communityCodeCreate and communityCodeUpdate (each its own type): payloadOf below. */
@ObjectType()
export class CommunityCodePayload {
  @Field(() => CommunityCode, { nullable: true, description: 'The code as saved; null when refused.' }) communityCode!: CommunityCode | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const CommunityCodeCreatePayload = payloadOf(CommunityCodePayload, 'communityCodeCreate', 'the new community code, or why it was refused');
export const CommunityCodeUpdatePayload = payloadOf(CommunityCodePayload, 'communityCodeUpdate', 'the community code as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting a community code.' })
export class CommunityCodeDeletePayload {
  @Field(() => ID, { nullable: true, description: 'Id of the deleted code; null when refused.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the deletion was refused; empty on success.' }) userErrors!: UserError[];
}

// ---------------------------------------------------------------- sub-accounts

export enum SubaccountLinkOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(SubaccountLinkOrderField, {
  name: 'SubaccountLinkOrderField',
  description: 'What sub-account links can be ordered by; ties in the order they were made.',
  valuesConfig: {
    ID: { description: 'The order they were made in.' },
    CREATED_AT: { description: 'When they were made.' },
  },
});

@InputType({ description: 'How to sort a list of subaccount link objects.' })
export class SubaccountLinkOrder {
  @Field(() => SubaccountLinkOrderField, { description: 'What to order by.' }) field!: SubaccountLinkOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'ASC when omitted (oldest first).' }) direction?: SortDirection;
}

@ObjectType('SubaccountLink', { implements: Node, description: 'A master/sub-account link and its display, synchronisation and invoicing flags.' })
export class SubaccountLink extends NumberedNode {
  @Field(() => Boolean, { description: "The master sees the sub-account's invoices." }) masterDisplaySubaccountInvoices!: boolean;
  @Field(() => Boolean, { description: "The master sees the sub-account's usage." }) masterDisplaySubaccountUsage!: boolean;
  @Field(() => Boolean, { description: "The sub-account sees the master's invoices." }) subaccountDisplayMasterInvoices!: boolean;
  @Field(() => Boolean, { description: 'The sub-account follows the master customer status.' }) syncCustomerStatus!: boolean;
  @Field(() => Boolean, { description: "The sub-account shares the master's usage allowance." }) syncUsageAllowance!: boolean;
  @Field(() => Boolean, { description: 'The master may log in to the sub-account end-user portal.' }) masterAllowPortalRelogin!: boolean;
  @Field(() => Boolean, { description: 'The sub-account is invoiced through the master.' }) invoiceFromMaster!: boolean;
  @Field(() => Int, { description: '1 no prorate, 2 prorate option A, 3 prorate option B.' }) invoiceFromMasterProrate!: number;
  @Field(() => DateTimeScalar, { description: 'When the link was made.' }) createdAt!: Date;

  masterCustomerId!: number;
  subCustomerId!: number;
}

@InputType({ description: 'Flags of a sub-account link; omitted flags are false on create and unchanged on update.' })
export class SubaccountFlagsInput {
  @Field(() => Boolean, { nullable: true, description: "The master sees the sub-account's invoices." }) masterDisplaySubaccountInvoices?: boolean;
  @Field(() => Boolean, { nullable: true, description: "The master sees the sub-account's usage." }) masterDisplaySubaccountUsage?: boolean;
  @Field(() => Boolean, { nullable: true, description: "The sub-account sees the master's invoices." }) subaccountDisplayMasterInvoices?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'The sub-account follows the master customer status.' }) syncCustomerStatus?: boolean;
  @Field(() => Boolean, { nullable: true, description: "The sub-account shares the master's usage allowance." }) syncUsageAllowance?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'The master may log in to the sub-account end-user portal.' }) masterAllowPortalRelogin?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'The sub-account is invoiced through the master.' }) invoiceFromMaster?: boolean;
  @Field(() => Int, { nullable: true, description: '1 no prorate, 2 prorate option A, 3 prorate option B.' }) invoiceFromMasterProrate?: number;
}

/** The fields of the input of subaccountLinkCreate and subaccountLinkUpdate (each its own type): inputOf below. */
@InputType()
export class SubaccountLinkInput extends SubaccountFlagsInput {
  @Field(() => ID, { description: 'The master customer.' }) masterCustomerId!: string;
  @Field(() => ID, { description: 'The sub-account customer.' }) subCustomerId!: string;
}
export const SubaccountLinkCreateInput = inputOf(SubaccountLinkInput, 'subaccountLinkCreate', 'A master/sub-account link to make, with its flags (omitted flags are false).');
export const SubaccountLinkUpdateInput = inputOf(SubaccountLinkInput, 'subaccountLinkUpdate', 'A master/sub-account link and the flags to change (omitted flags stay as they are).');

/** The fields of the payload of subaccountLinkCreate and subaccountLinkUpdate (each its own type): payloadOf below. */
@ObjectType()
export class SubaccountLinkPayload {
  @Field(() => SubaccountLink, { nullable: true, description: 'The link as saved; null when refused.' }) subaccountLink!: SubaccountLink | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const SubaccountLinkCreatePayload = payloadOf(SubaccountLinkPayload, 'subaccountLinkCreate', 'the new sub-account link, or why it was refused');
export const SubaccountLinkUpdatePayload = payloadOf(SubaccountLinkPayload, 'subaccountLinkUpdate', 'the sub-account link as changed, or why it was refused');

// ---------------------------------------------------------------- custom tables

@ObjectType({ description: 'One cell of a custom-table row.' })
export class CustomTableCell {
  @Field(() => Int, { description: 'Legacy id of the column (a custom field).' }) columnId!: number;
  @Field(() => String, { description: 'Label of the column.' }) label!: string;
  @Field(() => CustomFieldType, { description: 'What the column holds.' }) type!: CustomFieldType;
  @Field(() => String, { description: 'Value of the cell, as text.' }) value!: string;
}

@ObjectType('CustomTableRow', { implements: Node, description: 'A row of an operator-defined custom table (e.g. `voip`) belonging to a customer.' })
export class CustomTableRow extends NumberedNode {
  @Field(() => String, { description: 'Name of the custom table the row belongs to.' }) tableName!: string;
  @Field(() => [CustomTableCell], { description: 'Cells with a value, in column order.' }) cells!: CustomTableCell[];

  customerId!: number;
}

@InputType({ description: 'A value for one cell of a custom-table row.' })
export class CustomTableCellInput {
  @Field(() => Int, { description: 'Legacy id of the column (a custom field).' }) columnId!: number;
  @Field(() => String, { nullable: true, description: 'null or "" clears the cell (update only).' }) value?: string | null;
}

@InputType({ description: "A new row in a customer's custom table." })
export class CustomTableRowCreateInput {
  @Field(() => ID, { description: 'The customer the row belongs to.' }) customerId!: string;
  @Field(() => String, { description: 'Name of the custom table, e.g. `voip`.' }) tableName!: string;
  @Field(() => [CustomTableCellInput], { description: "Values of the row's cells." }) cells!: CustomTableCellInput[];
}

@InputType({ description: 'New cell values for a custom-table row; cells not listed keep their value.' })
export class CustomTableRowUpdateInput {
  @Field(() => ID, { description: 'The row to change.' }) id!: string;
  @Field(() => [CustomTableCellInput], { description: 'Cells to change.' }) cells!: CustomTableCellInput[];
}

@InputType({ description: 'Which custom-table row to delete.' })
export class CustomTableRowDeleteInput {
  @Field(() => ID, { description: 'The row to delete.' }) id!: string;
}

/** The fields of the payload of customTableRowCreate and customTableRowUpdate (each its own type): payloadOf below. */
@ObjectType()
export class CustomTableRowPayload {
  @Field(() => CustomTableRow, { nullable: true, description: 'The row as saved; null when refused.' }) customTableRow!: CustomTableRow | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const CustomTableRowCreatePayload = payloadOf(CustomTableRowPayload, 'customTableRowCreate', 'the new custom table row, or why it was refused');
export const CustomTableRowUpdatePayload = payloadOf(CustomTableRowPayload, 'customTableRowUpdate', 'the custom table row as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting a custom-table row.' })
export class CustomTableRowDeletePayload {
  @Field(() => ID, { nullable: true, description: 'Id of the deleted row; null when refused.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the deletion was refused; empty on success.' }) userErrors!: UserError[];
}

// ---------------------------------------------------------------- statuses

@ObjectType({ description: "One of the operator's customer statuses with its sub-statuses (SIMPLer getCustomerStatuses)." })
export class CustomerStatus {
  @Field(() => String, { description: 'The value of Customer.status, e.g. `post`.' }) name!: string;
  @Field(() => String, { description: 'What people see, e.g. `Disconnected`.' }) label!: string;
  @Field(() => String, { nullable: true, description: 'Heading of the sub-status choice, e.g. `Reason`.' }) subStatusLabel!: string | null;
  @Field(() => String, { nullable: true, description: 'Default sub-status under this status; null when none.' }) subStatusDefault!: string | null;
  @Field(() => [String], { description: 'Allowed values of Customer.subStatus under this status.' }) subStatuses!: string[];
}

@ObjectType({ description: 'A column of a custom table (a custom field of the table).' })
export class CustomTableColumn {
  @Field(() => Int, { description: 'Legacy id, the key of a cell value.' }) columnId!: number;
  @Field(() => String, { description: 'Label shown for the column.' }) label!: string;
  @Field(() => CustomFieldType, { description: 'What the column holds.' }) type!: CustomFieldType;
  @Field(() => [String], { description: 'Allowed values of a select column.' }) options!: string[];
  @Field(() => String, { nullable: true, description: 'Help text for the column.' }) note!: string | null;
  @Field(() => Int, { nullable: true, description: 'Longest value allowed, in characters; null for no limit.' }) maxLength!: number | null;
  @Field(() => String, { nullable: true, description: 'Value a new row starts with.' }) defaultValue!: string | null;
  @Field(() => Boolean, { description: 'Whether every row must have a value.' }) mandatory!: boolean;
  @Field(() => Boolean, { description: 'Whether the column is locked against editing.' }) locked!: boolean;
}

@ObjectType('CustomTable', { implements: Node, description: 'An operator-defined custom table (e.g. `voip`) and its columns.' })
export class CustomTable extends NumberedNode {
  @Field(() => String, { description: 'Name of the table, e.g. `voip`.' }) name!: string;
  @Field(() => [CustomTableColumn], { description: "The table's columns." }) columns!: CustomTableColumn[];
}
