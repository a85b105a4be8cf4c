/**
 * Who is acting, and through which surface. Every service call receives this explicitly; there
 * is no global "current user". The operator it names scopes every read and write.
 */
import type { Database } from '../db/client';

export type StaffRole = 'admin' | 'manager' | 'staff' | 'collector' | 'installer' | 'api' | 'readonly';
export type Surface = 'graphql' | 'soap' | 'rest' | 'jaze' | 'crm' | 'm4' | 'cli' | 'seed' | 'worker';

/**
 * The credential a call authenticated with, recorded on every audit entry (`kind:id`): a bearer
 * token (GraphQL, Jaze), a SIMPLer or CRM api credential, or an operator's M4 API secret (M4
 * signs with the operator's secret, so the operator's id names it). Never the secret itself.
 */
export interface CredentialRef {
  kind: 'api_token' | 'api_credential' | 'm4_secret';
  id: number;
}

export interface Actor {
  operatorId: number;
  staffUserId: number | null;
  role: StaffRole;
  surface: Surface;
  requestId?: string;
  /** Absent for the seed, the worker and the CLI, which act without a credential. */
  credential?: CredentialRef;
}

export interface ServiceContext {
  db: Database;
  actor: Actor;
}
