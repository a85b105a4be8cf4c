/** GraphQL inputs and payloads for writing tickets, installer jobs and sales issues. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../graphql/sort-direction';
import { Node, NumberedNode } from '../graphql/node';
import { payloadOf } from '../graphql/payload';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';
import { InstallerTracking, InstallerTrackingStatus, MaintenanceStatus, MaintenanceTicket } from './maintenance.types';

// ---------------------------------------------------------------- tickets

@InputType({ description: 'Ticket fields shared by create and update; omitted fields are left as they are.' })
export class MaintenanceTicketFieldsInput {
  @Field(() => ID, { nullable: true, description: 'The customer the ticket is about.' }) customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The site the ticket is about.' }) siteId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The device the ticket is about.' }) equipmentId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today on create.' }) dateReported?: string | null;
  @Field(() => String, { nullable: true, description: 'Who reported the problem, as free text.' }) reportedBy?: string | null;
  @Field(() => String, { nullable: true, description: "Name of one of the operator's ticket types, e.g. \"support\"." }) type?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of a subtype of `type`.' }) subtype?: string | null;
  @Field(() => String, { nullable: true, description: 'The problem in full, as free text.' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'What was done to solve it, as free text.' }) resolution?: string | null;
  @Field(() => Int, { nullable: true, description: 'Priority as a whole number, 0 to 32767.' }) priority?: number | null;
  @Field(() => MaintenanceStatus, { nullable: true, description: 'Open, waiting for the customer, or closed.' }) status?: MaintenanceStatus | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the ticket was closed.' }) dateClosed?: string | null;
  @Field(() => String, { nullable: true, description: 'Who closed the ticket, as free text.' }) closedBy?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Hours of work spent on the ticket.' }) hoursSpent?: string | null;
  @Field(() => String, { nullable: true, description: 'Extra addresses notified about the ticket.' }) emailRecipients?: string | null;
}

@InputType({ description: 'A new maintenance ticket.' })
export class MaintenanceTicketCreateInput extends MaintenanceTicketFieldsInput {
  @Field(() => String, { description: 'A short summary of the problem.' }) title!: string;
}

@InputType({ description: 'Changes to a maintenance ticket.' })
export class MaintenanceTicketUpdateInput extends MaintenanceTicketFieldsInput {
  @Field(() => ID, { description: 'The maintenance ticket to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'A short summary of the problem.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Who makes the change, as free text.' }) updatedBy?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Append `resolution` to the current one instead of replacing it.' }) appendResolution?: boolean | null;
}

/** The fields of the payload of maintenanceTicketCreate and maintenanceTicketUpdate (each its own type): payloadOf below. */
@ObjectType()
export class MaintenanceTicketPayload {
  @Field(() => MaintenanceTicket, { nullable: true, description: 'The maintenance ticket as it now is; null when the change was refused.' }) maintenanceTicket!: MaintenanceTicket | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const MaintenanceTicketCreatePayload = payloadOf(MaintenanceTicketPayload, 'maintenanceTicketCreate', 'the new maintenance ticket, or why it was refused');
export const MaintenanceTicketUpdatePayload = payloadOf(MaintenanceTicketPayload, 'maintenanceTicketUpdate', 'the maintenance ticket as changed, or why it was refused');

// ---------------------------------------------------------------- installer tracking

@InputType({ description: 'Installer job fields; omitted fields are left as they are.' })
export class InstallerTrackingFieldsInput {
  @Field(() => ID, { nullable: true, description: 'The installer: an active staff user with role installer; null clears it.' }) installerId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the installer job was opened.' }) dateOpened?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the installer job was closed.' }) dateClosed?: string | null;
  @Field(() => InstallerTrackingStatus, { nullable: true, description: 'Open, or paid to the installer.' }) status?: InstallerTrackingStatus | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'What the installer is paid for the job.' }) installerFee?: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note?: string | null;
  @Field(() => DateScalar, { nullable: true, description: "Due date; with dueHour and dueMinute, in the operator's time zone. null clears." }) dueDate?: string | null;
  @Field(() => Int, { nullable: true, description: '0-23, default 0.' }) dueHour?: number | null;
  @Field(() => Int, { nullable: true, description: '0-59, default 0.' }) dueMinute?: number | null;
}

@InputType({ description: 'A new installer job on a maintenance ticket.' })
export class InstallerTrackingCreateInput extends InstallerTrackingFieldsInput {
  @Field(() => ID, { description: 'The maintenance ticket the installer job belongs to.' }) maintenanceTicketId!: string;
}

@InputType({ description: 'Changes to an installer job.' })
export class InstallerTrackingUpdateInput extends InstallerTrackingFieldsInput {
  @Field(() => ID, { description: 'The installer tracking to change.' }) id!: string;
  @Field(() => ID, { nullable: true, description: 'Moves the installer job to this maintenance ticket.' }) maintenanceTicketId?: string | null;
}

@InputType({ description: 'Names the installer tracking to delete.' })
export class InstallerTrackingDeleteInput {
  @Field(() => ID, { description: 'The installer tracking to delete.' }) id!: string;
}

/** The fields of the payload of installerTrackingCreate and installerTrackingUpdate (each its own type): payloadOf below. */
@ObjectType()
export class InstallerTrackingPayload {
  @Field(() => InstallerTracking, { nullable: true, description: 'The installer tracking as it now is; null when the change was refused.' }) installerTracking!: InstallerTracking | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const InstallerTrackingCreatePayload = payloadOf(InstallerTrackingPayload, 'installerTrackingCreate', 'the new installer tracking entry, or why it was refused');
export const InstallerTrackingUpdatePayload = payloadOf(InstallerTrackingPayload, 'installerTrackingUpdate', 'the installer tracking entry as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting the installer tracking.' })
export class InstallerTrackingDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted installer tracking; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}

// ---------------------------------------------------------------- salesman tasks

@ObjectType('SalesmanTask', { implements: Node, description: 'A sales issue on a customer (SIMPLer salesman task).' })
export class SalesmanTask extends NumberedNode {
  @Field(() => DateScalar, { description: 'The day the task was reported.' }) dateReported!: string;
  @Field(() => String, { description: 'What the task is, as free text.' }) description!: string;
  @Field(() => String, { description: 'The kind of task, in the operator\'s words.' }) type!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day the task was closed; null while it is not.' }) dateClosed!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Hours of work spent on the task.' }) hoursSpent!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Value of the sale.' }) value!: string | null;
  @Field(() => Int, { nullable: true, description: 'Priority as a whole number.' }) priority!: number | null;
  @Field(() => MaintenanceStatus, { description: 'Open, waiting for the customer, or closed.' }) status!: MaintenanceStatus;
  @Field(() => String, { nullable: true, description: 'How the task ended, as free text.' }) resolution!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the task was recorded.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the task was last changed.' }) updatedAt!: Date;

  customerId!: number;
  valueAddedResellerId!: number | null;
  regionalSalesManagerId!: number | null;
  masterAgentId!: number | null;
  salesmanId!: number | null;
}

export enum SalesmanTaskOrderField {
  ID = 'ID',
  DATE_REPORTED = 'DATE_REPORTED',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(SalesmanTaskOrderField, {
  name: 'SalesmanTaskOrderField',
  description: 'What sales issues can be ordered by; ties in the order they were recorded.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    DATE_REPORTED: { description: 'The day they were reported.' },
    CREATED_AT: { description: 'When they were recorded.' },
  },
});

@InputType({ description: 'How to sort a list of salesman task objects.' })
export class SalesmanTaskOrder {
  @Field(() => SalesmanTaskOrderField, { description: 'What to order by.' }) field!: SalesmanTaskOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'DESC when omitted (newest first).' }) direction?: SortDirection;
}

@InputType({ description: 'Sales issue fields; sales people are given by NAME.' })
export class SalesmanTaskFieldsInput {
  @Field(() => DateScalar, { nullable: true, description: 'The day the task was closed.' }) dateClosed?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Hours of work spent on the task.' }) hoursSpent?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Value of the sale.' }) value?: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 5.' }) priority?: number | null;
  @Field(() => MaintenanceStatus, { nullable: true, description: 'Open, waiting for the customer, or closed.' }) status?: MaintenanceStatus | null;
  @Field(() => String, { nullable: true, description: 'Name of a value added reseller.' }) valueAddedReseller?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of a regional sales manager.' }) regionalSalesManager?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of a master agent.' }) masterAgent?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of a salesman.' }) salesman?: string | null;
  @Field(() => String, { nullable: true, description: 'How the task ended, as free text.' }) resolution?: string | null;
}

@InputType({ description: 'A new salesman task for a customer.' })
export class SalesmanTaskCreateInput extends SalesmanTaskFieldsInput {
  @Field(() => ID, { description: 'The customer the task is about.' }) customerId!: string;
  @Field(() => DateScalar, { description: 'The day the task was reported.' }) dateReported!: string;
  @Field(() => String, { description: 'What the task is, as free text.' }) description!: string;
  @Field(() => String, { description: 'The kind of task, in the operator\'s words.' }) type!: string;
}

@InputType({ description: 'Changes to a salesman task.' })
export class SalesmanTaskUpdateInput extends SalesmanTaskFieldsInput {
  @Field(() => ID, { description: 'The salesman task to change.' }) id!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day the task was reported.' }) dateReported?: string;
  @Field(() => String, { nullable: true, description: 'What the task is, as free text.' }) description?: string;
  @Field(() => String, { nullable: true, description: 'The kind of task, in the operator\'s words.' }) type?: string;
  @Field(() => Boolean, { nullable: true, description: 'Append `resolution` to the current one instead of replacing it.' }) appendResolution?: boolean | null;
}

@InputType({ description: 'Names the salesman task to delete.' })
export class SalesmanTaskDeleteInput {
  @Field(() => ID, { description: 'The salesman task to delete.' }) id!: string;
}

/** The fields of the payload of salesmanTaskCreate and salesmanTaskUpdate (each its own type): payloadOf below. */
@ObjectType()
export class SalesmanTaskPayload {
  @Field(() => SalesmanTask, { nullable: true, description: 'The salesman task as it now is; null when the change was refused.' }) salesmanTask!: SalesmanTask | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const SalesmanTaskCreatePayload = payloadOf(SalesmanTaskPayload, 'salesmanTaskCreate', 'the new salesman task, or why it was refused');
export const SalesmanTaskUpdatePayload = payloadOf(SalesmanTaskPayload, 'salesmanTaskUpdate', 'the salesman task as changed, or why it was refused');

@ObjectType({ description: 'The result of deleting the salesman task.' })
export class SalesmanTaskDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted salesman task; null when nothing was deleted.' }) deletedId!: string | null;
  @Field(() => [UserError], { description: 'Why the delete was refused; empty on success.' }) userErrors!: UserError[];
}
