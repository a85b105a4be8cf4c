/** The GraphQL shape of attachments (files recorded by SIMPLer synchronize*Attachments). */
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../graphql/sort-direction';
import { Node, NumberedNode } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';
import { UserError } from '../graphql/user-error';

export enum AttachmentRight {
  BILLING_INFORMATION = 'billing_information',
  MAINTENANCE = 'maintenance',
  NETWORK_INFORMATION = 'network_information',
  SALES_TRACKING = 'sales_tracking',
}
registerEnumType(AttachmentRight, {
  name: 'AttachmentRight',
  description: 'Who may see a customer attachment.',
  valuesConfig: {
    SALES_TRACKING: { description: 'Shown with sales tracking.' },
    NETWORK_INFORMATION: { description: 'Shown with network information.' },
    MAINTENANCE: { description: 'Shown with maintenance.' },
    BILLING_INFORMATION: { description: 'Shown with billing information.' },
  },
});

@ObjectType('Attachment', { implements: Node, description: 'A file attached to a customer or a maintenance ticket.' })
export class Attachment extends NumberedNode {
  @Field(() => String, { description: 'The file name.' }) filename!: string;
  @Field(() => String, { nullable: true, description: 'What the file is, as free text.' }) description!: string | null;
  @Field(() => [AttachmentRight], { nullable: true, description: 'Customer attachments: who may see them.' }) rights!: AttachmentRight[] | null;
  @Field(() => String, { nullable: true, description: 'SIMPLer mode, e.g. electronic_document.' }) mode!: string | null;
  @Field(() => Float, { nullable: true, description: 'Size in bytes.' }) sizeBytes!: number | null;
  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the file was attached.' }) dateAdded!: Date;

  customerId!: number | null;
  maintenanceTicketId!: number | null;
}

export enum AttachmentOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(AttachmentOrderField, {
  name: 'AttachmentOrderField',
  description: 'What attachments can be ordered by; ties in the order they were recorded.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in.' },
    CREATED_AT: { description: 'When the files were attached.' },
  },
});

@InputType({ description: 'How to sort a list of attachment objects.' })
export class AttachmentOrder {
  @Field(() => AttachmentOrderField, { description: 'What to order by.' }) field!: AttachmentOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'ASC when omitted (oldest first).' }) direction?: SortDirection;
}

@InputType({ description: 'What to change of an attachment; fields left out stay as they are.' })
export class AttachmentUpdateInput {
  @Field(() => ID, { description: 'The attachment to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'What the file is, as free text; null clears it.' }) description?: string | null;
  @Field(() => [AttachmentRight], { nullable: true, description: "Who may see the file: a customer's attachments only; null clears it." }) rights?: AttachmentRight[] | null;
}

@ObjectType('AttachmentUpdatePayload', { description: 'What attachmentUpdate returns: the attachment as changed, or why it was refused.' })
export class AttachmentUpdatePayload {
  @Field(() => Attachment, { nullable: true, description: 'The attachment as it now is; null when refused.' }) attachment!: Attachment | null;
  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' }) userErrors!: UserError[];
}
