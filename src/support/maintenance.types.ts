/** The GraphQL shape of maintenance (support) tickets and installer jobs. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

export enum MaintenanceStatus {
  OPEN = 'open',
  CLOSED = 'closed',
  WAITING_FOR_CUSTOMER = 'waiting_for_customer',
}
registerEnumType(MaintenanceStatus, { name: 'MaintenanceStatus' });

export enum InstallerTrackingStatus {
  OPEN = 'open',
  PAID = 'paid',
}
registerEnumType(InstallerTrackingStatus, { name: 'InstallerTrackingStatus', description: 'The job is open, or the installer has been paid.' });

@ObjectType('MaintenanceTicket', { implements: Node, description: 'A support ticket on a customer, a site or a device (SIMPLer maintenance).' })
export class MaintenanceTicket extends Node {
  @Field(() => DateScalar) dateReported!: string;
  @Field(() => String, { nullable: true }) reportedBy!: string | null;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => Int, { nullable: true }) priority!: number | null;
  @Field(() => MaintenanceStatus) status!: MaintenanceStatus;
  @Field(() => DateScalar, { nullable: true }) dateClosed!: string | null;
  @Field(() => String, { nullable: true }) closedBy!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) hoursSpent!: string | null;
  @Field(() => String, { nullable: true, description: 'Extra addresses notified about the ticket.' }) emailRecipients!: string | null;
  @Field(() => String, { nullable: true }) updatedBy!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;

  /** Internal: foreign keys the relation resolvers follow. */
  customerId!: number | null;
  siteId!: number | null;
  equipmentId!: number | null;
  typeId!: number | null;
  subtypeId!: number | null;
}

@ObjectType('InstallerTracking', { implements: Node, description: "An installer's job on a ticket and what they are owed for it." })
export class InstallerTracking extends Node {
  /** The installer (InstallerTrackingResolver.installer gives the staff user). */
  installerStaffId!: number | null;
  @Field(() => DateScalar, { nullable: true }) dateOpened!: string | null;
  @Field(() => DateScalar, { nullable: true }) dateClosed!: string | null;
  @Field(() => InstallerTrackingStatus) status!: InstallerTrackingStatus;
  @Field(() => DecimalScalar, { nullable: true }) installerFee!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) dueAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;

  maintenanceTicketId!: number;
}

@InputType({ description: 'Conditions on the maintenance ticket objects to list; all given ones must hold.' })
export class MaintenanceTicketFilterInput {
  @Field(() => [MaintenanceStatus], { nullable: true }) status?: MaintenanceStatus[] | null;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => ID, { nullable: true }) equipmentId?: string | null;
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
  @Field(() => SortDirection, { nullable: true }) direction?: SortDirection;
}
