/** The M4 dialect's HTTP routes. (Being written.) */
import type { Database } from '../../db/client';
import type { Router } from '../../server/http';

export function registerM4(router: Router, db: Database): void {
  void router;
  void db;
}
