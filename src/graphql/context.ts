/** What every resolver receives: who is asking, the database, and this request's loaders. */
import type { Database } from '../db/client';
import type { Actor, ServiceContext } from '../shared/context';
import { Loaders } from './loaders';

export interface GraphQLContext extends ServiceContext {
  actor: Actor;
  db: Database;
  loaders: Loaders;
  requestId: string;
  /** The caller's address (the login throttle charges failed portal logins to it). */
  clientIp: string;
  /** SHA-256 of the bearer token of this request (staffLogout revokes it); absent for the unauthenticated staffLogin. */
  tokenDigest?: string;
}

export function createContext(db: Database, actor: Actor, requestId: string, clientIp: string, tokenDigest?: string): GraphQLContext {
  return { db, actor, requestId, clientIp, tokenDigest, loaders: new Loaders() };
}
