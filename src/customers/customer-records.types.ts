/**
 * The GraphQL shape of a customer's records: notes, community codes, sub-account links,
 * custom-table rows and the operator's customer statuses.
 */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { CustomFieldType } from './customer.enums';
import { DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

// ---------------------------------------------------------------- notes

@ObjectType('CustomerNote', { implements: Node, description: 'A dated note on a customer account (SIMPLer addCustomerNote).' })
export class CustomerNote extends Node {
  @Field(() => String) title!: string;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true, description: 'Display name of the staff user who wrote it.' }) authorName!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;

  customerId!: number;
}

@InputType()
export class CustomerNoteCreateInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) text!: string;
}

@ObjectType()
export class CustomerNotePayload {
  @Field(() => CustomerNote, { nullable: true }) note!: CustomerNote | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

// ---------------------------------------------------------------- community codes

@ObjectType('CommunityCode', { implements: Node, description: 'A community code customers can be assigned (unique per operator).' })
export class CommunityCode extends Node {
  @Field(() => String) code!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@InputType()
export class CommunityCodeCreateInput {
  @Field(() => String) code!: string;
}

@InputType()
export class CommunityCodeUpdateInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The new code; must not be in use.' }) code!: string;
}

@InputType()
export class CommunityCodeDeleteInput {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class CommunityCodePayload {
  @Field(() => CommunityCode, { nullable: true }) communityCode!: CommunityCode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class CommunityCodeDeletePayload {
  @Field(() => ID, { nullable: true }) deletedId!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

// ---------------------------------------------------------------- sub-accounts

@ObjectType('SubaccountLink', { implements: Node, description: 'A master/sub-account link and its display, synchronisation and invoicing flags.' })
export class SubaccountLink extends Node {
  @Field(() => Boolean) masterDisplaySubaccountInvoices!: boolean;
  @Field(() => Boolean) masterDisplaySubaccountUsage!: boolean;
  @Field(() => Boolean) subaccountDisplayMasterInvoices!: boolean;
  @Field(() => Boolean, { description: 'The sub-account follows the master customer status.' }) syncCustomerStatus!: boolean;
  @Field(() => Boolean) syncUsageAllowance!: boolean;
  @Field(() => Boolean, { description: 'The master may log in to the sub-account end-user portal.' }) masterAllowPortalRelogin!: boolean;
  @Field(() => Boolean) invoiceFromMaster!: boolean;
  @Field(() => Int, { description: '1 no prorate, 2 prorate option A, 3 prorate option B.' }) invoiceFromMasterProrate!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;

  masterCustomerId!: number;
  subCustomerId!: number;
}

@InputType({ description: 'Flags of a sub-account link; omitted flags are false on create and unchanged on update.' })
export class SubaccountFlagsInput {
  @Field(() => Boolean, { nullable: true }) masterDisplaySubaccountInvoices?: boolean;
  @Field(() => Boolean, { nullable: true }) masterDisplaySubaccountUsage?: boolean;
  @Field(() => Boolean, { nullable: true }) subaccountDisplayMasterInvoices?: boolean;
  @Field(() => Boolean, { nullable: true }) syncCustomerStatus?: boolean;
  @Field(() => Boolean, { nullable: true }) syncUsageAllowance?: boolean;
  @Field(() => Boolean, { nullable: true }) masterAllowPortalRelogin?: boolean;
  @Field(() => Boolean, { nullable: true }) invoiceFromMaster?: boolean;
  @Field(() => Int, { nullable: true, description: '1 no prorate, 2 prorate option A, 3 prorate option B.' }) invoiceFromMasterProrate?: number;
}

@InputType()
export class SubaccountLinkInput extends SubaccountFlagsInput {
  @Field(() => ID) masterCustomerId!: string;
  @Field(() => ID) subCustomerId!: string;
}

@InputType()
export class SubaccountLinkDeleteInput {
  @Field(() => ID) masterCustomerId!: string;
  @Field(() => ID) subCustomerId!: string;
}

@ObjectType()
export class SubaccountLinkPayload {
  @Field(() => SubaccountLink, { nullable: true }) subaccountLink!: SubaccountLink | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class SubaccountLinkDeletePayload {
  @Field(() => Boolean, { nullable: true, description: 'True when the link was removed.' }) deleted!: boolean | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

// ---------------------------------------------------------------- custom tables

@ObjectType({ description: 'One cell of a custom-table row.' })
export class CustomTableCell {
  @Field(() => Int, { description: 'Legacy id of the column (a custom field).' }) columnId!: number;
  @Field(() => String) label!: string;
  @Field(() => CustomFieldType, { description: 'What the column holds.' }) type!: CustomFieldType;
  @Field(() => String) value!: string;
}

@ObjectType('CustomTableRow', { implements: Node, description: 'A row of an operator-defined custom table (e.g. `voip`) belonging to a customer.' })
export class CustomTableRow extends Node {
  @Field(() => String) tableName!: string;
  @Field(() => [CustomTableCell], { description: 'Cells with a value, in column order.' }) cells!: CustomTableCell[];

  customerId!: number;
}

@InputType()
export class CustomTableCellInput {
  @Field(() => Int) columnId!: number;
  @Field(() => String, { nullable: true, description: 'null or "" clears the cell (update only).' }) value?: string | null;
}

@InputType()
export class CustomTableRowCreateInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String) tableName!: string;
  @Field(() => [CustomTableCellInput]) cells!: CustomTableCellInput[];
}

@InputType()
export class CustomTableRowUpdateInput {
  @Field(() => ID) id!: string;
  @Field(() => [CustomTableCellInput]) cells!: CustomTableCellInput[];
}

@InputType()
export class CustomTableRowDeleteInput {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class CustomTableRowPayload {
  @Field(() => CustomTableRow, { nullable: true }) customTableRow!: CustomTableRow | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class CustomTableRowDeletePayload {
  @Field(() => ID, { nullable: true }) deletedId!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

// ---------------------------------------------------------------- statuses

@ObjectType({ description: "One of the operator's customer statuses with its sub-statuses (SIMPLer getCustomerStatuses)." })
export class CustomerStatus {
  @Field(() => String, { description: 'The value of Customer.status, e.g. `post`.' }) name!: string;
  @Field(() => String, { description: 'What people see, e.g. `Disconnected`.' }) label!: string;
  @Field(() => String, { nullable: true, description: 'Heading of the sub-status choice, e.g. `Reason`.' }) subStatusLabel!: string | null;
  @Field(() => String, { nullable: true }) subStatusDefault!: string | null;
  @Field(() => [String], { description: 'Allowed values of Customer.subStatus under this status.' }) subStatuses!: string[];
}

@ObjectType({ description: 'A column of a custom table (a custom field of the table).' })
export class CustomTableColumn {
  @Field(() => Int, { description: 'Legacy id, the key of a cell value.' }) columnId!: number;
  @Field(() => String) label!: string;
  @Field(() => CustomFieldType, { description: 'What the column holds.' }) type!: CustomFieldType;
  @Field(() => [String], { description: 'Allowed values of a select column.' }) options!: string[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { nullable: true }) maxLength!: number | null;
  @Field(() => String, { nullable: true }) defaultValue!: string | null;
  @Field(() => Boolean) mandatory!: boolean;
  @Field(() => Boolean) locked!: boolean;
}

@ObjectType('CustomTable', { implements: Node, description: 'An operator-defined custom table (e.g. `voip`) and its columns.' })
export class CustomTable extends Node {
  @Field(() => String) name!: string;
  @Field(() => [CustomTableColumn]) columns!: CustomTableColumn[];
}
