/**
 * Who is acting, and through which surface. Every service call receives this explicitly; there
 * is no global "current user". The operator it names scopes every read and write.
 */
import type { Database } from '../db/client';

export type StaffRole = 'admin' | 'manager' | 'staff' | 'collector' | 'installer' | 'api' | 'readonly';
export type Surface = 'graphql' | 'soap' | 'rest' | 'jaze' | 'crm' | 'm4' | 'cli' | 'seed' | 'worker';

export interface Actor {
  operatorId: number;
  staffUserId: number | null;
  role: StaffRole;
  surface: Surface;
  requestId?: string;
}

export interface ServiceContext {
  db: Database;
  actor: Actor;
}
