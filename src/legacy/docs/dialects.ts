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
      '`"errorCode" = 200`); failures are `{ "status": "failure", "errorCode": 400|401|403|404|409|412, "message": … }` with HTTP 200. ' +
      'Parameter names match in any case, and a space (sent as `%20` or `+`) and `_` in a name are the same character; where the document spells a ' +
      'parameter otherwise in its text (`Userwith balance`, `UserID`, `Account`), that spelling is accepted too, as listed per endpoint below.\n\n' +
      'Every reply has each key of the document\'s sample output for its endpoint, grouped as the sample groups them (test/legacy/jaze-samples.test.ts reads the ' +
      'samples from the document and compares key by key). Keys beyond a sample: the `User` record answers the union of the fields the samples of E2, E3, E4, ' +
      'E8, E9, E13 and E41 show (each shows a different subset), and `currentBillingCycleUsage` the union of E2, E3 and E13; get_all and ' +
      'get_user_from_all_accounts carry E2\'s location fields inside `User`; a delayed move_group adds `effectiveDate`; collect_user_payment and ' +
      'assign_users_to_admin add `errorCode` (200) like every other success; get_user_logs for e-mail adds `subject`. E13\'s `api_token`/`api_key` are never served.',
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
