/** The GraphQL shape of background jobs: the job, its filters, and one request input per kind. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { payloadOf } from '../graphql/payload';
import { AttachmentRight } from '../support/attachment.types';
import { Node, NumberedNode } from '../graphql/node';
import { SortDirection } from '../graphql/sort-direction';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

export enum BackgroundJobStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
}
registerEnumType(BackgroundJobStatus, {
  name: 'BackgroundJobStatus',
  description: 'Where a background job is: waiting, being carried out, or done with its outcome.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be carried out.' },
    RUNNING: { description: 'Being carried out now.' },
    SUCCEEDED: { description: 'Done; see its result.' },
    FAILED: { description: 'Gave up; see its error.' },
  },
});

export enum BackgroundJobKind {
  UPDATE_WIB_FILES = 'update_wib_files',
  UPDATE_GPS_DETAILS = 'update_gps_details',
  UPDATE_BUCKETS_FROM_SUBSCRIPTION = 'update_buckets_from_subscription',
  SYNC_CUSTOMER_ATTACHMENTS = 'sync_customer_attachments',
  SYNC_MAINTENANCE_ATTACHMENTS = 'sync_maintenance_attachments',
  APPLY_PLAN_CHANGES = 'apply_plan_changes',
}
registerEnumType(BackgroundJobKind, {
  name: 'BackgroundJobKind',
  description: 'What a background job does.',
  valuesConfig: {
    APPLY_PLAN_CHANGES: { description: 'Applies the plan changes that have come due.' },
    SYNC_MAINTENANCE_ATTACHMENTS: { description: 'Records new files of the attachment drop for a maintenance ticket (SIMPLer synchronizeMaintenanceAttachments).' },
    SYNC_CUSTOMER_ATTACHMENTS: { description: 'Records new files of the attachment drop for a customer (SIMPLer synchronizeCustomerAttachments).' },
    UPDATE_BUCKETS_FROM_SUBSCRIPTION: { description: 'Re-derives RADIUS groups from active subscriptions (SIMPLer updateBucketsFromSubscription).' },
    UPDATE_GPS_DETAILS: { description: 'Fills missing customer coordinates from their addresses (SIMPLer updateGPSdetails).' },
    UPDATE_WIB_FILES: { description: 'Rewrites a gateway\'s provisioning file (SIMPLer updateWibFiles).' },
  },
});

export enum BackgroundJobOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
  KIND = 'KIND',
  STATUS = 'STATUS',
}
registerEnumType(BackgroundJobOrderField, {
  name: 'BackgroundJobOrderField',
  description: 'What background jobs can be ordered by; ties in order of queueing.',
  valuesConfig: {
    ID: { description: 'The order they were queued in.' },
    CREATED_AT: { description: 'When they were queued.' },
    KIND: { description: 'What they do, alphabetically.' },
    STATUS: { description: 'Where they are: queued, running, succeeded, failed.' },
  },
});

@InputType({ description: 'How to order background jobs.' })
export class BackgroundJobOrder {
  @Field(() => BackgroundJobOrderField, { description: 'What to order by.' }) field!: BackgroundJobOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'DESC when omitted (newest first).' }) direction?: SortDirection;
}

@ObjectType('BackgroundJob', { implements: Node, description: 'Work on an outside system requested through the API and carried out by the job worker.' })
export class BackgroundJob extends NumberedNode {
  @Field(() => BackgroundJobKind, { description: 'What the job does.' }) kind!: BackgroundJobKind;
  @Field(() => BackgroundJobStatus, { description: 'Waiting, running, or done with its outcome.' }) status!: BackgroundJobStatus;
  @Field(() => Int, { description: 'How many times a worker has taken the job.' }) attempts!: number;
  @Field(() => JSONScalar, { description: 'The parameters, as validated when the job was requested (ids are legacy ids).' }) params!: unknown;
  @Field(() => JSONScalar, { nullable: true, description: 'What the job did, once it succeeded.' }) result!: unknown;
  @Field(() => String, { nullable: true, description: 'Why the job failed.' }) error!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the job was requested.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a worker last took the job; null while it waits.' }) startedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the job succeeded or gave up; null until then.' }) finishedAt!: Date | null;
}

@InputType({ description: 'Which background jobs to list.' })
export class BackgroundJobFilterInput {
  @Field(() => BackgroundJobStatus, { nullable: true, description: 'Only jobs in this status.' }) status?: BackgroundJobStatus | null;
  @Field(() => BackgroundJobKind, { nullable: true, description: 'Only jobs of this kind.' }) kind?: BackgroundJobKind | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_FROM_DESCRIPTION }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

/** The fields of the payload of bucketsFromSubscriptionUpdate, customerAttachmentsSync, gpsDetailsUpdate, maintenanceAttachmentsSync, planChangesApply and wibFilesUpdate (each its own type): payloadOf below. */
@ObjectType()
export class BackgroundJobPayload {
  @Field(() => BackgroundJob, { nullable: true, description: 'The job queued; null when refused.' }) job!: BackgroundJob | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
export const BucketsFromSubscriptionUpdatePayload = payloadOf(BackgroundJobPayload, 'bucketsFromSubscriptionUpdate', 'the job queued to re-derive RADIUS groups, or why it was refused');
export const CustomerAttachmentsSyncPayload = payloadOf(BackgroundJobPayload, 'customerAttachmentsSync', "the job queued to record a customer's new attachments, or why it was refused");
export const GpsDetailsUpdatePayload = payloadOf(BackgroundJobPayload, 'gpsDetailsUpdate', 'the job queued to fill customer coordinates, or why it was refused');
export const MaintenanceAttachmentsSyncPayload = payloadOf(BackgroundJobPayload, 'maintenanceAttachmentsSync', "the job queued to record a maintenance ticket's new attachments, or why it was refused");
export const PlanChangesApplyPayload = payloadOf(BackgroundJobPayload, 'planChangesApply', 'the job queued to apply the plan changes due, or why it was refused');
export const WibFilesUpdatePayload = payloadOf(BackgroundJobPayload, 'wibFilesUpdate', "the job queued to rewrite the gateway's provisioning file, or why it was refused");

@InputType({ description: "Rewrite a gateway's provisioning (WIB) file (SIMPLer updateWibFiles)." })
export class WibFilesUpdateInput {
  @Field(() => ID, { description: 'The gateway whose provisioning file to rewrite.' }) gatewayId!: string;
  @Field(() => Boolean, { nullable: true, description: 'Rewrite even when the content is unchanged (needed for QoS rate changes).' }) force?: boolean | null;
}

@InputType({ description: 'Fill missing customer coordinates from addresses (SIMPLer updateGPSdetails).' })
export class GpsDetailsUpdateInput {
  @Field(() => ID, { nullable: true, description: 'Only this customer; all customers missing coordinates when omitted.' }) customerId?: string | null;
}

@InputType({ description: "Put RADIUS accounts in their active subscription plan's group (SIMPLer updateBucketsFromSubscription)." })
export class BucketsFromSubscriptionUpdateInput {
  @Field(() => ID, { nullable: true, description: 'Only this customer; every customer when omitted.' }) customerId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also give accounts without a group row one, and overwrite custom group changes.' }) force?: boolean | null;
}

@InputType({ description: 'Record new files of the attachment drop as customer attachments (SIMPLer synchronizeCustomerAttachments).' })
export class CustomerAttachmentsSyncInput {
  @Field(() => ID, { description: 'The customer whose attachment drop to read.' }) customerId!: string;
  @Field(() => String, { description: 'Only file names matching this regular expression (at most 200 characters, no nested repetition).' }) filenameRegexp!: string;
  @Field(() => String, { description: 'Description given to every file added.' }) description!: string;
  @Field(() => [AttachmentRight], { description: 'Who may see the files added.' }) rights!: AttachmentRight[];
  @Field(() => String, { nullable: true, description: 'SIMPLer attachment mode; the only one is "electronic_document".' }) mode?: string | null;
}

@InputType({ description: 'Record new files of the attachment drop as maintenance ticket attachments (SIMPLer synchronizeMaintenanceAttachments).' })
export class MaintenanceAttachmentsSyncInput {
  @Field(() => ID, { description: 'The maintenance ticket whose attachment drop to read.' }) maintenanceTicketId!: string;
  @Field(() => String, { description: 'Only file names matching this regular expression (at most 200 characters, no nested repetition).' }) filenameRegexp!: string;
  @Field(() => String, { description: 'Description given to every file added.' }) description!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the new attachments are recorded as attached; the time they are recorded if omitted.' }) createdAt?: Date | null;
}

@InputType({ description: 'Apply the plan changes that have come due.' })
export class PlanChangesApplyInput {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Apply changes due at this moment; now when omitted.' }) asOf?: Date | null;
}
