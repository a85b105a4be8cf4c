/** `npm run legacy:emit`: writes wsdl/operatorapi.wsdl and docs/COMPATIBILITY.md from the catalogue. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIMPLER_OPERATIONS } from '../simpler/catalogue';
import { generateWsdl } from '../soap/wsdl';
import { generateCompatibility, type RoutedDialect } from '../docs/compatibility';
import { JAZE_OPERATIONS } from '../jaze/catalogue';
import { CRM_OPERATIONS } from '../crm/catalogue';
import { M4_OPERATIONS } from '../m4/catalogue';

const ROUTED: RoutedDialect[] = [
  {
    title: 'Jaze ISP manager API v1',
    source: 'src/legacy/jaze/catalogue.ts',
    intro:
      'Under `/api/v1/`. Authentication: a staff user\'s API token as `Authorization: Bearer <token>` or an `api_key` parameter; ' +
      'the token scopes every call to its operator (demo: `demo-token`). Parameters as query string, form fields or JSON. ' +
      'Replies are the documented JSON (`{ "status": "success", "errorCode": 200, … }`, valid JSON where the document has ' +
      '`"errorCode" = 200`); failures are `{ "status": "failure", "errorCode": 400|401|403|404|409|412, "message": … }` with HTTP 200.',
    operations: JAZE_OPERATIONS,
  },
  {
    title: 'ISP CRM plan and reseller API',
    source: 'src/legacy/crm/catalogue.ts',
    intro:
      '`POST /api/plan/…` and `/api/reseller/…`, form-encoded (as the documented curl examples send) or JSON. Authentication: ' +
      '`userid` (the staff user\'s numeric id) and `api_key`. Replies `{ "result": …, "error": null }` or `{ "result": null, "error": "<description>" }`.',
    operations: CRM_OPERATIONS,
  },
  {
    title: 'Kolmisoft M4 user details',
    source: 'src/legacy/m4/catalogue.ts',
    intro:
      '`GET`/`POST /billing/api/user_details_raw_get` with `u`, `user_id` and `hash` = SHA1 of the parameter values followed by the ' +
      'operator\'s API secret; XML replies in the documented `<page>` shape.',
    operations: M4_OPERATIONS,
  },
];

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function legacyArtefacts(): [string, string][] {
  return [
    ['wsdl/operatorapi.wsdl', generateWsdl(SIMPLER_OPERATIONS)],
    ['docs/COMPATIBILITY.md', generateCompatibility(SIMPLER_OPERATIONS, ROUTED)],
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, content] of legacyArtefacts()) {
    writeFileSync(path.join(projectRoot, file), content);
    process.stdout.write(`wrote ${file}\n`);
  }
}
