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
}

export function createContext(db: Database, actor: Actor, requestId: string, clientIp: string): GraphQLContext {
  return { db, actor, requestId, clientIp, loaders: new Loaders() };
}
