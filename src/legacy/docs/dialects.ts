/**
 * The path-addressed legacy dialects (Jaze, CRM, M4) with the words that introduce them: one
 * definition shared by docs/COMPATIBILITY.md and the OpenAPI document.
 */
import type { RoutedDialect } from './compatibility';
import { JAZE_OPERATIONS } from '../jaze/catalogue';
import { CRM_OPERATIONS } from '../crm/catalogue';
import { M4_OPERATIONS } from '../m4/catalogue';

export const ROUTED_DIALECTS: readonly RoutedDialect[] = [
  {
    id: 'jaze',
    source: 'src/legacy/jaze/catalogue.ts',
    title: 'Jaze ISP manager API v1',
    intro:
      'Under `/api/v1/`. Authentication: a staff user\'s API token as `Authorization: Bearer <token>` or an `api_key` parameter; ' +
      'the token scopes every call to its operator. Parameters as query string, form fields or JSON. ' +
      'Replies are the documented JSON (`{ "status": "success", "errorCode": 200, … }`, valid JSON where the document has ' +
      '`"errorCode" = 200`); failures are `{ "status": "failure", "errorCode": 400|401|403|404|409|412, "message": … }` with HTTP 200.',
    operations: JAZE_OPERATIONS,
  },
  {
    id: 'crm',
    source: 'src/legacy/crm/catalogue.ts',
    title: 'ISP CRM plan and reseller API',
    intro:
      '`POST /api/plan/…` and `/api/reseller/…`, form-encoded (as the documented curl examples send) or JSON. Authentication: ' +
      '`userid` (the staff user\'s numeric id) and `api_key`. Replies `{ "result": …, "error": null }` or `{ "result": null, "error": "<description>" }`.',
    operations: CRM_OPERATIONS,
  },
  {
    id: 'm4',
    source: 'src/legacy/m4/catalogue.ts',
    title: 'Kolmisoft M4 user details',
    intro:
      '`GET`/`POST /billing/api/user_details_raw_get` with `u`, `user_id` and `hash` = SHA1 of the parameter values followed by the ' +
      'operator\'s API secret; XML replies in the documented `<page>` shape.',
    operations: M4_OPERATIONS,
  },
];
