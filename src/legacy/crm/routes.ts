/** The CRM dialect's HTTP routes. (Being written.) */
import type { Database } from '../../db/client';
import type { Router } from '../../server/http';

export function registerCRM(router: Router, db: Database): void {
  void router;
  void db;
}
