/** The GraphQL shape of maintenance (support) tickets and installer jobs. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

export enum MaintenanceStatus {
  OPEN = 'open',
  CLOSED = 'closed',
  WAITING_FOR_CUSTOMER = 'waiting_for_customer',
}
registerEnumType(MaintenanceStatus, {
  name: 'MaintenanceStatus',
  description: 'Where a ticket or task stands.',
  valuesConfig: {
    WAITING_FOR_CUSTOMER: { description: 'Waiting for an answer or action of the customer.' },
    CLOSED: { description: 'Done.' },
    OPEN: { description: 'Being worked on.' },
  },
});

export enum InstallerTrackingStatus {
  OPEN = 'open',
  PAID = 'paid',
}
registerEnumType(InstallerTrackingStatus, {
  name: 'InstallerTrackingStatus',
  description: 'The job is open, or the installer has been paid.',
  valuesConfig: {
    PAID: { description: 'The installer has been paid.' },
    OPEN: { description: 'Not yet paid.' },
  },
});

@ObjectType('MaintenanceTicket', { implements: Node, description: 'A support ticket on a customer, a site or a device (SIMPLer maintenance).' })
export class MaintenanceTicket extends NumberedNode {
  @Field(() => DateScalar, { description: 'The day the problem was reported.' }) dateReported!: string;
  @Field(() => String, { nullable: true, description: 'Who reported the problem, as free text.' }) reportedBy!: string | null;
  @Field(() => String, { description: 'A short summary of the problem.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'The problem in full, as free text.' }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'What was done to solve it, as free text.' }) resolution!: string | null;
  @Field(() => Int, { nullable: true, description: 'Priority as a whole number, 0 to 32767.' }) priority!: number | null;
  @Field(() => MaintenanceStatus, { description: 'Open, waiting for the customer, or closed.' }) status!: MaintenanceStatus;
  @Field(() => DateScalar, { nullable: true, description: 'The day the ticket was closed; null while it is not.' }) dateClosed!: string | null;
  @Field(() => String, { nullable: true, description: 'Who closed the ticket, as free text.' }) closedBy!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Hours of work spent on the ticket.' }) hoursSpent!: string | null;
  @Field(() => String, { nullable: true, description: 'Extra addresses notified about the ticket.' }) emailRecipients!: string | null;
  @Field(() => String, { nullable: true, description: 'Who last changed the ticket, as free text.' }) updatedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the ticket was recorded.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the ticket was last changed.' }) updatedAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  customerId!: number | null;
  siteId!: number | null;
  equipmentId!: number | null;
  typeId!: number | null;
  subtypeId!: number | null;
}

@ObjectType('InstallerTracking', { implements: Node, description: "An installer's job on a ticket and what they are owed for it." })
export class InstallerTracking extends NumberedNode {
  /** The installer (InstallerTrackingResolver.installer gives the staff user). */
  installerStaffId!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the installer job was opened.' }) dateOpened!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the installer job was closed; null while it is not.' }) dateClosed!: string | null;
  @Field(() => InstallerTrackingStatus, { description: 'Open, or paid to the installer.' }) status!: InstallerTrackingStatus;
  @Field(() => DecimalScalar, { nullable: true, description: 'What the installer is paid for the job.' }) installerFee!: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the job is due; null when no date is set.' }) dueAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the job was recorded.' }) createdAt!: Date;

  maintenanceTicketId!: number;
}

@InputType({ description: 'Conditions on the maintenance ticket objects to list; all given ones must hold.' })
export class MaintenanceTicketFilterInput {
  @Field(() => [MaintenanceStatus], { nullable: true, description: 'Only tickets in one of these statuses.' }) status?: MaintenanceStatus[] | null;
  @Field(() => ID, { nullable: true, description: 'Only this customer\'s tickets.' }) customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only tickets about this site.' }) siteId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only tickets about this device.' }) equipmentId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Reported on or after this date.' }) reportedFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Reported on or before this date.' }) reportedTo?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum MaintenanceTicketOrderField {
  ID = 'ID',
  DATE_REPORTED = 'DATE_REPORTED',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(MaintenanceTicketOrderField, {
  name: 'MaintenanceTicketOrderField',
  description: 'What maintenance tickets can be ordered by.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    DATE_REPORTED: { description: 'The day the problem was reported.' },
    UPDATED_AT: { description: 'When they last changed.' },
  },
});

@InputType({ description: 'How to sort a list of maintenance ticket objects.' })
export class MaintenanceTicketOrder {
  @Field(() => MaintenanceTicketOrderField, { description: 'What to order by.' }) field!: MaintenanceTicketOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}
