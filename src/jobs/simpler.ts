/**
 * SIMPLer OperatorAPI operations that queue a background job, with their wire argument names
 * mapped onto the job kinds' parameters. The SOAP/REST adapters call `enqueueSimpler` and answer
 * 'OK' when it returns (the job is queued; its outcome is on the job), or the error message.
 */
import type { ServiceContext } from '../shared/context';
import { enqueue, type BackgroundJobRow } from './job.service';

type Args = Record<string, unknown>;

const OPERATIONS: Record<string, { kind: string; params: (a: Args) => Args }> = {
  updateWibFiles: { kind: 'update_wib_files', params: (a) => ({ wibNumber: a.wibnumber, force: a.force }) },
  updateGPSdetails: { kind: 'update_gps_details', params: () => ({}) },
  updateBucketsFromSubscription: { kind: 'update_buckets_from_subscription', params: (a) => ({ customerId: a.customerid, force: a.force }) },
  synchronizeCustomerAttachments: {
    kind: 'sync_customer_attachments',
    params: (a) => ({ customerId: a.customerid, filenameRegexp: a.filenameregexp, description: a.description, rights: a.rights, mode: a.mode }),
  },
  synchronizeMaintenanceAttachments: {
    kind: 'sync_maintenance_attachments',
    params: (a) => ({ maintenanceTicketId: a.issuenumber, filenameRegexp: a.filenameregexp, description: a.description, dateAdded: a.dateadded }),
  },
};

export const SIMPLER_JOB_OPERATIONS = Object.keys(OPERATIONS);

/** Validates and queues the job of a SIMPLer operation; DomainError (field names are the job's) when refused. */
export function enqueueSimpler(ctx: ServiceContext, operation: string, args: Args): Promise<BackgroundJobRow> {
  const op = OPERATIONS[operation];
  if (!op) throw new Error(`${operation} is not a SIMPLer job operation`);
  const params = Object.fromEntries(Object.entries(op.params(args)).filter(([, v]) => v !== undefined));
  return enqueue(ctx, op.kind, params);
}
