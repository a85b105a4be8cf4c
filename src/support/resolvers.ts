/** The GraphQL resolvers of this area, gathered by src/graphql/schema.ts. */
// The compiled read path's mappings of this area's types (side effect: they register).
import './support.sql';
import {
  CustomerSupportResolver,
  EquipmentSupportResolver,
  InstallerTrackingResolver,
  MaintenanceTicketResolver,
  SiteSupportResolver,
} from './maintenance.resolver';
import { CustomerSalesResolver, SupportWriteResolver } from './support-write.resolver';
import { CustomerMessagesResolver, MessageResolver } from './message.resolver';
import { AttachmentWritesResolver, CustomerAttachmentsResolver, TicketAttachmentsResolver } from './attachment.resolver';

export const supportResolvers: Function[] = [
  MaintenanceTicketResolver,
  InstallerTrackingResolver,
  CustomerSupportResolver,
  SiteSupportResolver,
  EquipmentSupportResolver,
  SupportWriteResolver,
  CustomerSalesResolver,
  MessageResolver,
  CustomerMessagesResolver,
  CustomerAttachmentsResolver,
  TicketAttachmentsResolver,
  AttachmentWritesResolver,
];
