/** Registers every legacy dialect's routes on the shared router. */
import type { Database } from '../db/client';
import type { Router } from '../server/http';
import { registerOperatorApiRest } from './rest/operator-api.routes';
import { registerOperatorApiSoap } from './soap/operator-api.routes';
import { registerJaze } from './jaze/routes';
import { registerCRM } from './crm/routes';
import { registerM4 } from './m4/routes';

export function registerLegacySurfaces(router: Router, db: Database): void {
  // SOAP first: /API/operatorapi.pl must not be taken for a REST operation name.
  registerOperatorApiSoap(router, db);
  registerOperatorApiRest(router, db);
  registerJaze(router, db);
  registerCRM(router, db);
  registerM4(router, db);
}
