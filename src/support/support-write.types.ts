/** GraphQL inputs and payloads for writing tickets, installer jobs and sales issues. */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';
import { InstallerTracking, InstallerTrackingStatus, MaintenanceStatus, MaintenanceTicket } from './maintenance.types';

// ---------------------------------------------------------------- tickets

@InputType({ description: 'Ticket fields shared by create and update; omitted fields are left as they are.' })
export class MaintenanceTicketFieldsInput {
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => ID, { nullable: true }) equipmentId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today on create.' }) dateReported?: string | null;
  @Field(() => String, { nullable: true }) reportedBy?: string | null;
  @Field(() => String, { nullable: true, description: "Name of one of the operator's ticket types, e.g. \"support\"." }) type?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of a subtype of `type`.' }) subtype?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) resolution?: string | null;
  @Field(() => Int, { nullable: true }) priority?: number | null;
  @Field(() => MaintenanceStatus, { nullable: true }) status?: MaintenanceStatus | null;
  @Field(() => DateScalar, { nullable: true }) dateClosed?: string | null;
  @Field(() => String, { nullable: true }) closedBy?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) hoursSpent?: string | null;
  @Field(() => String, { nullable: true, description: 'Extra addresses notified about the ticket.' }) emailRecipients?: string | null;
}

@InputType()
export class MaintenanceTicketCreateInput extends MaintenanceTicketFieldsInput {
  @Field(() => String) title!: string;
}

@InputType()
export class MaintenanceTicketUpdateInput extends MaintenanceTicketFieldsInput {
  @Field(() => ID, { description: 'The maintenance ticket to change.' }) id!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) updatedBy?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Append `resolution` to the current one instead of replacing it.' }) appendResolution?: boolean | null;
}

@ObjectType({ description: 'The maintenance ticket after the change, or why it was refused.' })
export class MaintenanceTicketPayload {
  @Field(() => MaintenanceTicket, { nullable: true, description: 'The maintenance ticket as it now is; null when the change was refused.' }) maintenanceTicket!: MaintenanceTicket | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}

// ---------------------------------------------------------------- installer tracking

@InputType({ description: 'Installer job fields; omitted fields are left as they are.' })
export class InstallerTrackingFieldsInput {
  @Field(() => ID, { nullable: true, description: 'The installer: an active staff user with role installer; null clears it.' }) installerId?: string | null;
  @Field(() => DateScalar, { nullable: true }) dateOpened?: string | null;
  @Field(() => DateScalar, { nullable: true }) dateClosed?: string | null;
  @Field(() => InstallerTrackingStatus, { nullable: true }) status?: InstallerTrackingStatus | null;
  @Field(() => DecimalScalar, { nullable: true }) installerFee?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => DateScalar, { nullable: true, description: "Due date; with dueHour and dueMinute, in the operator's time zone. null clears." }) dueDate?: string | null;
  @Field(() => Int, { nullable: true, description: '0-23, default 0.' }) dueHour?: number | null;
  @Field(() => Int, { nullable: true, description: '0-59, default 0.' }) dueMinute?: number | null;
}

@InputType()
export class InstallerTrackingCreateInput extends InstallerTrackingFieldsInput {
  @Field(() => ID) maintenanceTicketId!: string;
}

@InputType()
export class InstallerTrackingUpdateInput extends InstallerTrackingFieldsInput {
  @Field(() => ID, { description: 'The installer tracking to change.' }) id!: string;
  @Field(() => ID, { nullable: true }) maintenanceTicketId?: string | null;
}

@InputType({ description: 'Names the installer tracking to delete.' })
export class InstallerTrackingDeleteInput {
  @Field(() => ID, { description: 'The installer tracking to delete.' }) id!: string;
}

@ObjectType({ description: 'The installer tracking after the change, or why it was refused.' })
export class InstallerTrackingPayload {
  @Field(() => InstallerTracking, { nullable: true, description: 'The installer tracking as it now is; null when the change was refused.' }) installerTracking!: InstallerTracking | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting the installer tracking.' })
export class InstallerTrackingDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted installer tracking; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

// ---------------------------------------------------------------- salesman tasks

@ObjectType('SalesmanTask', { implements: Node, description: 'A sales issue on a customer (SIMPLer salesman task).' })
export class SalesmanTask extends Node {
  @Field(() => DateScalar) dateReported!: string;
  @Field(() => String) description!: string;
  @Field(() => String) type!: string;
  @Field(() => DateScalar, { nullable: true }) dateClosed!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) hoursSpent!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Value of the sale.' }) value!: string | null;
  @Field(() => Int, { nullable: true }) priority!: number | null;
  @Field(() => MaintenanceStatus) status!: MaintenanceStatus;
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;

  customerId!: number;
  valueAddedResellerId!: number | null;
  regionalSalesManagerId!: number | null;
  masterAgentId!: number | null;
  salesmanId!: number | null;
}

@InputType({ description: 'Sales issue fields; sales people are given by NAME.' })
export class SalesmanTaskFieldsInput {
  @Field(() => DateScalar, { nullable: true }) dateClosed?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) hoursSpent?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Value of the sale.' }) value?: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 5.' }) priority?: number | null;
  @Field(() => MaintenanceStatus, { nullable: true }) status?: MaintenanceStatus | null;
  @Field(() => String, { nullable: true, description: 'Name of a value added reseller.' }) valueAddedReseller?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of a regional sales manager.' }) regionalSalesManager?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of a master agent.' }) masterAgent?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of a salesman.' }) salesman?: string | null;
  @Field(() => String, { nullable: true }) resolution?: string | null;
}

@InputType()
export class SalesmanTaskCreateInput extends SalesmanTaskFieldsInput {
  @Field(() => ID) customerId!: string;
  @Field(() => DateScalar) dateReported!: string;
  @Field(() => String) description!: string;
  @Field(() => String) type!: string;
}

@InputType()
export class SalesmanTaskUpdateInput extends SalesmanTaskFieldsInput {
  @Field(() => ID, { description: 'The salesman task to change.' }) id!: string;
  @Field(() => DateScalar, { nullable: true }) dateReported?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String, { nullable: true }) type?: string;
  @Field(() => Boolean, { nullable: true, description: 'Append `resolution` to the current one instead of replacing it.' }) appendResolution?: boolean | null;
}

@InputType({ description: 'Names the salesman task to delete.' })
export class SalesmanTaskDeleteInput {
  @Field(() => ID, { description: 'The salesman task to delete.' }) id!: string;
}

@ObjectType({ description: 'The salesman task after the change, or why it was refused.' })
export class SalesmanTaskPayload {
  @Field(() => SalesmanTask, { nullable: true, description: 'The salesman task as it now is; null when the change was refused.' }) salesmanTask!: SalesmanTask | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting the salesman task.' })
export class SalesmanTaskDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted salesman task; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}
