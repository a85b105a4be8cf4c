/**
 * `npm run admin -- <noun> <verb> …`: provisioning an ISP from an empty database — operators,
 * staff users, API tokens, SIMPLer credentials, CRM keys, the M4 secret. Every write goes
 * through the tenancy services (the same rules, transactions and audit entries as GraphQL),
 * acting as role admin on surface `cli`. JSON on stdout, messages on stderr; exit 0 done,
 * 1 refused (a duplicate, something unknown, DATA_DIR held by a running server), 2 usage.
 * Secrets are printed once, in the JSON, and stored only hashed (the M4 secret readable).
 */
import { loadConfig } from '../../config';
import { openDatabase, type Database, type DatabaseHandle } from '../../db/client';
import { DataDirInUseError, setDataDirRole } from '../../db/data-dir-lock';
import { describeError } from '../../shared/describe-error';
import { logToStderr } from '../../server/logger';
import { DomainError } from '../../shared/errors';
import type { ServiceContext, StaffRole } from '../../shared/context';
import * as apiCredentialService from '../api-credential.service';
import * as apiTokenService from '../api-token.service';
import * as m4SettingsService from '../m4-settings.service';
import * as operatorService from '../operator.service';
import * as staffUserService from '../staff-user.service';
import { onOff, parseCommand, parseExpiry, UsageError, type CommandSpec, type ParsedCommand } from './parse';
import { promptNewPassword, readStdinSecret } from './secret-input';

type Handler = (db: Database, command: ParsedCommand) => Promise<unknown>;
interface Command extends CommandSpec {
  run: Handler;
}

const ONCE = 'shown once: only its hash is stored, so keep it now';

/** The CLI acts inside the named operator as an admin; an unknown code is NOT_FOUND on `field`. */
async function contextOf(db: Database, code: string, field: string[]): Promise<ServiceContext> {
  const operator = await operatorService.getByCode(db, code, field);
  return { db, actor: operatorService.systemActor(operator.id, 'cli') };
}

/** The operator named by --operator. */
function operatorContext(db: Database, command: ParsedCommand): Promise<ServiceContext> {
  return contextOf(db, String(command.options.operator), ['operator']);
}

async function userId(ctx: ServiceContext, username: string): Promise<number> {
  return (await staffUserService.getByUsername(ctx, username, ['user'])).id;
}

async function newPassword(noun: string, command: ParsedCommand): Promise<string> {
  if (command.options['password-stdin']) return readStdinSecret('password', noun);
  return promptNewPassword(noun, 'password');
}

function publicUser(row: staffUserService.StaffUserRow) {
  const { operatorId: _operatorId, ...rest } = row;
  return rest;
}

function publicToken(row: apiTokenService.ApiTokenRow & { username?: string }) {
  const { operatorId: _operatorId, tokenHash: _hash, ...rest } = row as typeof row & { tokenHash?: string };
  return rest;
}

function publicCredential(view: apiCredentialService.ApiCredentialView) {
  return {
    id: view.id,
    kind: view.kind,
    identifier: view.identifier,
    user: view.username,
    note: view.note,
    strictParameters: view.strictParameters,
    createdAt: view.createdAt,
    revokedAt: view.revokedAt,
    ...(view.kind === 'simpler' ? { allowedNetworks: view.allowedNetworks.map((r) => ({ id: r.id, network: r.network, operatorWide: r.apiCredentialId == null })) } : {}),
  };
}

const UNREACHABLE = 'no network is allowed for this credential: it is refused from everywhere until one is added (api-credential allow)';

const COMMANDS: Record<string, Record<string, Command>> = {
  operator: {
    create: {
      summary: 'operator create <code> --name <name> [--currency EUR] [--timezone UTC]   a new operator (tenant) with SIMPLer\'s customer statuses',
      positional: ['code'],
      options: { name: 'string', currency: 'string', timezone: 'string' },
      required: ['name'],
      run: async (db, c) => ({ operator: await operatorService.create(db, { code: c.positional.code!, name: String(c.options.name), currency: c.options.currency as string | undefined, timezone: c.options.timezone as string | undefined }, 'cli') }),
    },
    update: {
      summary: 'operator update <code> [--name <name>] [--currency USD] [--timezone America/New_York]   changes an operator\'s name, currency or time zone',
      positional: ['code'],
      options: { name: 'string', currency: 'string', timezone: 'string' },
      run: async (db, c) => ({
        operator: await operatorService.update(await contextOf(db, c.positional.code!.trim(), ['code']), {
          name: c.options.name as string | undefined,
          currency: c.options.currency as string | undefined,
          timezone: c.options.timezone as string | undefined,
        }),
      }),
    },
    list: {
      summary: 'operator list   every operator (never its M4 secret: only whether one is set)',
      positional: [],
      options: {},
      run: async (db) => ({ operators: await operatorService.list(db) }),
    },
  },
  user: {
    create: {
      summary:
        'user create <username> --operator <code> --role <role> [--display-name …] [--email …] [--phone …] [--password-stdin | --no-password]   a staff user; the password (12+ characters) is asked on the terminal without echo, read from standard input, or left unset for accounts that only use tokens and API credentials',
      positional: ['username'],
      options: { operator: 'string', role: 'string', 'display-name': 'string', email: 'string', phone: 'string', 'password-stdin': 'boolean', 'no-password': 'boolean' },
      required: ['operator', 'role'],
      run: async (db, c) => {
        if (c.options['password-stdin'] && c.options['no-password']) throw new UsageError('user create: give --password-stdin or --no-password, not both', 'user');
        const role = String(c.options.role) as StaffRole;
        if (!staffUserService.STAFF_ROLES.includes(role)) throw new UsageError(`user create: --role must be one of ${staffUserService.STAFF_ROLES.join(', ')}`, 'user');
        const ctx = await operatorContext(db, c);
        const password = c.options['no-password'] ? null : await newPassword('user', c);
        const row = await staffUserService.create(ctx, {
          username: c.positional.username!,
          role,
          displayName: c.options['display-name'] as string | undefined,
          email: c.options.email as string | undefined,
          phone: c.options.phone as string | undefined,
          password,
        });
        return { staffUser: publicUser(row) };
      },
    },
    list: {
      summary: 'user list --operator <code>   the operator\'s staff users',
      positional: [],
      options: { operator: 'string' },
      required: ['operator'],
      run: async (db, c) => ({ staffUsers: (await staffUserService.list(await operatorContext(db, c))).map(publicUser) }),
    },
    update: {
      summary: 'user update <username> --operator <code> [--role …] [--display-name …] [--email …] [--phone …]   changes a staff user',
      positional: ['username'],
      options: { operator: 'string', role: 'string', 'display-name': 'string', email: 'string', phone: 'string' },
      required: ['operator'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        const role = c.options.role as StaffRole | undefined;
        if (role && !staffUserService.STAFF_ROLES.includes(role)) throw new UsageError(`user update: --role must be one of ${staffUserService.STAFF_ROLES.join(', ')}`, 'user');
        const row = await staffUserService.update(ctx, await userId(ctx, c.positional.username!), {
          role,
          displayName: c.options['display-name'] as string | undefined,
          email: c.options.email as string | undefined,
          phone: c.options.phone as string | undefined,
        });
        return { staffUser: publicUser(row) };
      },
    },
    activate: {
      summary: 'user activate <username> --operator <code>   lets the user, its tokens and credentials in again',
      positional: ['username'],
      options: { operator: 'string' },
      required: ['operator'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        return { staffUser: publicUser(await staffUserService.update(ctx, await userId(ctx, c.positional.username!), { active: true })) };
      },
    },
    deactivate: {
      summary: 'user deactivate <username> --operator <code>   refuses the user\'s logins, tokens and credentials from the next request on',
      positional: ['username'],
      options: { operator: 'string' },
      required: ['operator'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        return { staffUser: publicUser(await staffUserService.update(ctx, await userId(ctx, c.positional.username!), { active: false })) };
      },
    },
    'set-password': {
      summary: 'user set-password <username> --operator <code> [--password-stdin]   a new login password (12+ characters)',
      positional: ['username'],
      options: { operator: 'string', 'password-stdin': 'boolean' },
      required: ['operator'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        const id = await userId(ctx, c.positional.username!);
        return { staffUser: publicUser(await staffUserService.setPassword(ctx, id, await newPassword('user', c))) };
      },
    },
  },
  token: {
    create: {
      summary: 'token create --operator <code> --user <username> [--label …] [--expires 2027-03-31 | 90d]   a bearer token for GraphQL and Jaze, printed once',
      positional: [],
      options: { operator: 'string', user: 'string', label: 'string', expires: 'string' },
      required: ['operator', 'user'],
      run: async (db, c) => {
        const expiresAt = c.options.expires ? parseExpiry('token', String(c.options.expires)) : null;
        const ctx = await operatorContext(db, c);
        const issued = await apiTokenService.create(ctx, { staffUserId: await userId(ctx, String(c.options.user)), label: c.options.label as string | undefined, expiresAt });
        process.stderr.write(`the token is ${ONCE}\n`);
        return { token: issued.token, apiToken: publicToken(issued.apiToken) };
      },
    },
    revoke: {
      summary: 'token revoke <id> --operator <code>   refused from the next request on (the id is in token list)',
      positional: ['id'],
      options: { operator: 'string' },
      required: ['operator'],
      run: async (db, c) => {
        const id = Number(c.positional.id);
        if (!/^\d{1,9}$/.test(c.positional.id!)) throw new UsageError(`token revoke: <id> is a number from token list, got "${c.positional.id}"`, 'token');
        return { apiToken: publicToken(await apiTokenService.revoke(await operatorContext(db, c), id)) };
      },
    },
    list: {
      summary: 'token list --operator <code> [--all]   tokens (never the tokens themselves); --all includes revoked ones',
      positional: [],
      options: { operator: 'string', all: 'boolean' },
      required: ['operator'],
      run: async (db, c) => ({ apiTokens: (await apiTokenService.list(await operatorContext(db, c), { includeRevoked: c.options.all === true })).map(publicToken) }),
    },
  },
  'api-credential': {
    create: {
      summary:
        'api-credential create <api_username> --operator <code> --user <username> --allow <cidr> [--allow …] [--password-stdin] [--note …] [--strict-parameters]   a SIMPLer OperatorAPI credential accepted from those networks; the password is generated and printed once unless read from standard input; --strict-parameters refuses unknown parameters instead of ignoring them',
      positional: ['api_username'],
      options: { operator: 'string', user: 'string', allow: 'list', 'password-stdin': 'boolean', note: 'string', 'strict-parameters': 'boolean' },
      required: ['operator', 'user'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        const password = c.options['password-stdin'] ? await readStdinSecret('password', 'api-credential') : null;
        const issued = await apiCredentialService.createSimpler(ctx, {
          apiUsername: c.positional.api_username!,
          staffUserId: await userId(ctx, String(c.options.user)),
          password,
          allowedNetworks: (c.options.allow as string[] | undefined) ?? [],
          note: c.options.note as string | undefined,
          strictParameters: c.options['strict-parameters'] === true,
        });
        if (issued.generatedPassword) process.stderr.write(`the api_password is ${ONCE}\n`);
        if (!issued.reachable) process.stderr.write(`warning: ${UNREACHABLE}\n`);
        return {
          apiCredential: publicCredential(issued.credential),
          ...(issued.generatedPassword ? { apiUsername: issued.credential.identifier, apiPassword: issued.generatedPassword } : {}),
          reachable: issued.reachable,
          ...(issued.reachable ? {} : { warning: UNREACHABLE }),
        };
      },
    },
    update: {
      summary: 'api-credential update <api_username> --operator <code> --strict-parameters on|off   on: calls naming unknown parameters are refused; off: they are ignored and reported',
      positional: ['api_username'],
      options: { operator: 'string', 'strict-parameters': 'string' },
      required: ['operator', 'strict-parameters'],
      run: async (db, c) => {
        const strictParameters = onOff('api-credential', 'strict-parameters', c.options['strict-parameters'] as string);
        const ctx = await operatorContext(db, c);
        const credential = await apiCredentialService.getByIdentifier(ctx, 'simpler', c.positional.api_username!, ['api_username']);
        return { apiCredential: publicCredential(await apiCredentialService.update(ctx, credential.id, { strictParameters }, 'simpler')) };
      },
    },
    allow: {
      summary: 'api-credential allow <api_username> <cidr> --operator <code> [--note …]   adds a network to its access list',
      positional: ['api_username', 'cidr'],
      options: { operator: 'string', note: 'string' },
      required: ['operator'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        const credential = await apiCredentialService.getByIdentifier(ctx, 'simpler', c.positional.api_username!, ['api_username']);
        await apiCredentialService.addIpAccessRule(ctx, { apiCredentialId: credential.id, network: c.positional.cidr!, note: c.options.note as string | undefined });
        return { apiCredential: publicCredential(await apiCredentialService.getById(ctx, credential.id)) };
      },
    },
    disallow: {
      summary: 'api-credential disallow <api_username> <cidr> --operator <code>   removes a network from its own access list',
      positional: ['api_username', 'cidr'],
      options: { operator: 'string' },
      required: ['operator'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        const credential = await apiCredentialService.getByIdentifier(ctx, 'simpler', c.positional.api_username!, ['api_username']);
        const rule = credential.allowedNetworks.find((r) => r.apiCredentialId === credential.id && r.network === c.positional.cidr);
        if (!rule) throw new DomainError('NOT_FOUND', `${c.positional.cidr} is not on the access list of ${credential.identifier} (give it as listed: api-credential list)`);
        await apiCredentialService.removeIpAccessRule(ctx, rule.id);
        return { apiCredential: publicCredential(await apiCredentialService.getById(ctx, credential.id)) };
      },
    },
    revoke: {
      summary: 'api-credential revoke <api_username> --operator <code>   refused from the next call on',
      positional: ['api_username'],
      options: { operator: 'string' },
      required: ['operator'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        const credential = await apiCredentialService.getByIdentifier(ctx, 'simpler', c.positional.api_username!, ['api_username']);
        return { apiCredential: publicCredential(await apiCredentialService.revoke(ctx, credential.id, 'simpler')) };
      },
    },
    list: {
      summary: 'api-credential list --operator <code> [--all]   SIMPLer credentials with their networks (never a password); --all includes revoked ones',
      positional: [],
      options: { operator: 'string', all: 'boolean' },
      required: ['operator'],
      run: async (db, c) => ({ apiCredentials: (await apiCredentialService.list(await operatorContext(db, c), { kind: 'simpler', includeRevoked: c.options.all === true })).map(publicCredential) }),
    },
  },
  'crm-key': {
    create: {
      summary: 'crm-key create --operator <code> --user <username> [--note …] [--strict-parameters]   the user\'s ISP CRM userid and api_key, printed once; --strict-parameters refuses unknown parameters instead of ignoring them',
      positional: [],
      options: { operator: 'string', user: 'string', note: 'string', 'strict-parameters': 'boolean' },
      required: ['operator', 'user'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        const issued = await apiCredentialService.createCrmKey(ctx, {
          staffUserId: await userId(ctx, String(c.options.user)),
          note: c.options.note as string | undefined,
          strictParameters: c.options['strict-parameters'] === true,
        });
        process.stderr.write(`the api_key is ${ONCE}\n`);
        return { userid: issued.userId, api_key: issued.apiKey, apiCredential: publicCredential(issued.credential) };
      },
    },
    update: {
      summary: 'crm-key update --operator <code> --user <username> --strict-parameters on|off   on: calls naming unknown parameters are refused; off: they are ignored and reported',
      positional: [],
      options: { operator: 'string', user: 'string', 'strict-parameters': 'string' },
      required: ['operator', 'user', 'strict-parameters'],
      run: async (db, c) => {
        const strictParameters = onOff('crm-key', 'strict-parameters', c.options['strict-parameters'] as string);
        const ctx = await operatorContext(db, c);
        const credential = await apiCredentialService.getByIdentifier(ctx, 'crm', String(await userId(ctx, String(c.options.user))), ['user']);
        return { apiCredential: publicCredential(await apiCredentialService.update(ctx, credential.id, { strictParameters }, 'crm')) };
      },
    },
    revoke: {
      summary: 'crm-key revoke --operator <code> --user <username>   refused from the next call on',
      positional: [],
      options: { operator: 'string', user: 'string' },
      required: ['operator', 'user'],
      run: async (db, c) => {
        const ctx = await operatorContext(db, c);
        const credential = await apiCredentialService.getByIdentifier(ctx, 'crm', String(await userId(ctx, String(c.options.user))), ['user']);
        return { apiCredential: publicCredential(await apiCredentialService.revoke(ctx, credential.id, 'crm')) };
      },
    },
    list: {
      summary: 'crm-key list --operator <code> [--all]   CRM keys (never the keys); --all includes revoked ones',
      positional: [],
      options: { operator: 'string', all: 'boolean' },
      required: ['operator'],
      run: async (db, c) => ({ apiCredentials: (await apiCredentialService.list(await operatorContext(db, c), { kind: 'crm', includeRevoked: c.options.all === true })).map(publicCredential) }),
    },
  },
  'm4-secret': {
    set: {
      summary:
        'm4-secret set --operator <code> [--secret-stdin | --keep-secret] [--api on|off] [--get on|off]   a new M4 API secret (generated and printed once, or read from standard input), and M4\'s "Allow API" / "Allow GET API" switches (--api off also refuses SIMPLer credentials)',
      positional: [],
      options: { operator: 'string', 'secret-stdin': 'boolean', 'keep-secret': 'boolean', api: 'string', get: 'string' },
      required: ['operator'],
      run: async (db, c) => {
        if (c.options['secret-stdin'] && c.options['keep-secret']) throw new UsageError('m4-secret set: give --secret-stdin or --keep-secret, not both', 'm4-secret');
        const apiEnabled = onOff('m4-secret', 'api', c.options.api as string | undefined);
        const apiGetEnabled = onOff('m4-secret', 'get', c.options.get as string | undefined);
        const ctx = await operatorContext(db, c);
        const given = c.options['secret-stdin'] ? await readStdinSecret('secret', 'm4-secret') : undefined;
        const { settings, generatedSecret } = await m4SettingsService.update(ctx, {
          secret: c.options['keep-secret'] ? undefined : given,
          generateSecret: !c.options['keep-secret'] && given === undefined,
          apiEnabled,
          apiGetEnabled,
        });
        if (generatedSecret) process.stderr.write('the M4 API secret is shown once: keep it now (M4 clients sign requests with it)\n');
        return { m4Settings: settings, ...(generatedSecret ? { apiSecret: generatedSecret } : {}) };
      },
    },
    show: {
      summary: 'm4-secret show --operator <code>   whether a secret is set and the switches (never the secret)',
      positional: [],
      options: { operator: 'string' },
      required: ['operator'],
      run: async (db, c) => ({ m4Settings: await m4SettingsService.get(await operatorContext(db, c)) }),
    },
    clear: {
      summary: 'm4-secret clear --operator <code>   removes the secret: M4 requests are refused until a new one is set',
      positional: [],
      options: { operator: 'string' },
      required: ['operator'],
      run: async (db, c) => ({ m4Settings: (await m4SettingsService.update(await operatorContext(db, c), { secret: null })).settings }),
    },
  },
};

function help(noun?: string): string {
  const nouns = noun ? [noun] : Object.keys(COMMANDS);
  const lines = nouns.flatMap((n) => Object.values(COMMANDS[n]!).map((c) => `  npm run admin -- ${c.summary}`));
  return [
    noun ? `npm run admin -- ${noun} <verb> …` : 'npm run admin -- <noun> <verb> …   (nouns: ' + Object.keys(COMMANDS).join(', ') + '; <noun> --help for one)',
    '',
    ...lines,
    '',
    'The database is DATABASE_URL, or the embedded one under DATA_DIR (refused while a server holds it); it is migrated first.',
    'Output: JSON on stdout. Exit codes: 0 done, 1 refused (duplicate, unknown, DATA_DIR in use), 2 usage error.',
    '',
  ].join('\n');
}

/** Parses argv; UsageError on any mistake, before the database is touched. */
function resolve(argv: string[]): { noun: string; verb: string; command: Command; parsed: ParsedCommand } | { help: string } {
  const [noun, verb, ...rest] = argv;
  if (!noun || noun === '--help' || noun === 'help' || noun === '-h') return { help: help() };
  const verbs = COMMANDS[noun];
  if (!verbs) throw new UsageError(`unknown noun "${noun}" (nouns: ${Object.keys(COMMANDS).join(', ')})`);
  if (!verb || verb === '--help' || verb === '-h' || rest.includes('--help')) return { help: help(noun) };
  const command = verbs[verb];
  if (!command) throw new UsageError(`${noun}: unknown verb "${verb}" (verbs: ${Object.keys(verbs).join(', ')})`, noun);
  return { noun, verb, command, parsed: parseCommand(noun, verb, command, rest) };
}

async function main(argv: string[]): Promise<number> {
  let database: DatabaseHandle | undefined;
  try {
    const resolved = resolve(argv);
    if ('help' in resolved) {
      process.stdout.write(resolved.help);
      return 0;
    }
    const config = loadConfig();
    logToStderr();
    setDataDirRole('admin CLI');
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    await database.withStartupLock((db) => database!.migrate(db));
    const result = await resolved.command.run(database.db, resolved.parsed);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nsee: npm run admin -- ${error.noun ? `${error.noun} ` : ''}--help\n`);
      return 2;
    }
    if (error instanceof DomainError) {
      const fields = error.problems.filter((p) => p.field.length);
      process.stderr.write(`${error.code}: ${fields.length ? fields.map((p) => `${p.field.join('.')}: ${p.message}`).join('\n') : error.message}\n`);
      return 1;
    }
    if (error instanceof DataDirInUseError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`admin failed: ${describeError(error)}\n`);
    return 1;
  } finally {
    await database?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
