/** The GraphQL shape of attachments (files recorded by SIMPLer synchronize*Attachments). */
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node';
import { DateTimeScalar } from '../graphql/scalars';

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
export class Attachment extends Node {
  @Field(() => String, { description: 'The file name.' }) filename!: string;
  @Field(() => String, { nullable: true, description: 'What the file is, as free text.' }) description!: string | null;
  @Field(() => [AttachmentRight], { nullable: true, description: 'Customer attachments: who may see them.' }) rights!: AttachmentRight[] | null;
  @Field(() => String, { nullable: true, description: 'SIMPLer mode, e.g. electronic_document.' }) mode!: string | null;
  @Field(() => Float, { nullable: true, description: 'Size in bytes.' }) sizeBytes!: number | null;
  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the file was attached.' }) dateAdded!: Date;

  customerId!: number | null;
  maintenanceTicketId!: number | null;
}
