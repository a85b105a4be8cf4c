/** What every resolver receives: who is asking, the database, and this request's loaders. */
import type { Database } from '../db/client';
import type { Actor, ServiceContext } from '../shared/context';
import { Loaders } from './loaders';

export interface GraphQLContext extends ServiceContext {
  actor: Actor;
  db: Database;
  loaders: Loaders;
  requestId: string;
}

export function createContext(db: Database, actor: Actor, requestId: string): GraphQLContext {
  return { db, actor, requestId, loaders: new Loaders() };
}
