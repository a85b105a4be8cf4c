/**
 * The real legacy SOAP clients: from Debian's packages (Perl SOAP::Lite, PHP SoapClient, Python
 * zeep), each run as a long-lived process that the tests drive one call at a time over
 * stdin/stdout (test/legacy/clients/*), and node-soap (the `soap` npm package, a devDependency),
 * run in-process from the served WSDL. In CI (CI=true or REQUIRE_LEGACY_CLIENTS=1) a missing
 * client fails the suite instead of skipping it.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import * as soap from 'soap';

export type ClientKind = 'perl' | 'php-nowsdl' | 'php-wsdl' | 'zeep' | 'node-soap';
/** The clients that call through the served WSDL, so send only the elements it declares. */
export const WSDL_CLIENTS: readonly ClientKind[] = ['php-wsdl', 'zeep', 'node-soap'];
export type CallStyle = 'named' | 'positional' | 'map';

export interface ClientReply {
  result?: unknown;
  fault?: string;
  faultcode?: string;
  error?: string;
}

export interface LegacyClient {
  kind: ClientKind;
  /** What the client printed on start (zeep and PHP with WSDL: the operations they found). */
  greeting?: Record<string, unknown>;
  /** Values are strings, or structures a WSDL-driven client serialises by its schema. */
  call(op: string, params: [string, unknown][], style?: CallStyle): Promise<ClientReply>;
  close(): Promise<void>;
}

const CLIENTS = path.resolve(import.meta.dirname, '../legacy/clients');
/** Debian's python3 (with python3-zeep), not whatever python a developer's PATH prefers. */
const PYTHON = '/usr/bin/python3';

type ProcessKind = Exclude<ClientKind, 'node-soap'>;

const PROBES: Record<ProcessKind, [string, string[]]> = {
  perl: ['perl', ['-MSOAP::Lite', '-MJSON::PP', '-e', '1']],
  'php-nowsdl': ['php', ['-r', 'exit(class_exists("SoapClient") ? 0 : 1);']],
  'php-wsdl': ['php', ['-r', 'exit(class_exists("SoapClient") ? 0 : 1);']],
  zeep: [PYTHON, ['-c', 'import zeep']],
};

const COMMANDS: Record<ProcessKind, (base: string) => [string, string[]]> = {
  perl: (base) => ['perl', [path.join(CLIENTS, 'soap-lite.pl'), base]],
  'php-nowsdl': (base) => ['php', [path.join(CLIENTS, 'php-soapclient.php'), base, 'nowsdl']],
  'php-wsdl': (base) => ['php', [path.join(CLIENTS, 'php-soapclient.php'), base, 'wsdl']],
  zeep: (base) => [PYTHON, [path.join(CLIENTS, 'zeep-client.py'), base]],
};

export function clientAvailable(kind: ClientKind): boolean {
  // node-soap comes with `npm ci`: importing this module has already loaded it.
  if (kind === 'node-soap') return true;
  const [command, args] = PROBES[kind];
  const probe = spawnSync(command, args, { stdio: 'ignore' });
  if (probe.status === 0) return true;
  if (process.env.CI === 'true' || process.env.REQUIRE_LEGACY_CLIENTS === '1') {
    throw new Error(`legacy client ${kind} is not installed (${command} ${args.join(' ')} failed); .ci/run installs it with apt-get`);
  }
  return false;
}

export async function startClient(kind: ClientKind, baseUrl: string): Promise<LegacyClient> {
  if (kind === 'node-soap') return startNodeSoap(baseUrl);
  const [command, args] = COMMANDS[kind](baseUrl);
  const child: ChildProcessWithoutNullStreams = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error(`${kind} client exited: ${stderr.trim()}`);
    return JSON.parse(line.value) as Record<string, unknown>;
  };
  const greeting = kind === 'zeep' || kind === 'php-wsdl' ? await next() : undefined;
  let queue = Promise.resolve();
  return {
    kind,
    greeting,
    call(op, params, style = 'named') {
      const run = queue.then(async () => {
        child.stdin.write(`${JSON.stringify({ op, params, style })}\n`);
        return (await next()) as ClientReply;
      });
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    close: async () => {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

interface NodeSoapFault {
  root?: { Envelope?: { Body?: { Fault?: { faultcode?: string; faultstring?: string } } } };
}

/**
 * node-soap as a Node team would use it: the client built from the served WSDL, each operation
 * called as `client.<op>Async(args)` with one object of the parameters, the reply's `return` read.
 */
async function startNodeSoap(baseUrl: string): Promise<LegacyClient> {
  const client = await soap.createClientAsync(`${baseUrl}/API/operatorapi.pl?wsdl`);
  const ports = (client.describe() as Record<string, Record<string, Record<string, unknown>>>).OperatorAPI!;
  const operations = Object.keys(ports.OperatorAPIPort!).sort();
  return {
    kind: 'node-soap',
    greeting: { operations },
    async call(op, params) {
      const method = (client as unknown as Record<string, unknown>)[`${op}Async`];
      if (typeof method !== 'function') return { error: `node-soap: the WSDL has no operation ${op}` };
      try {
        const [reply] = (await (method as (args: object) => Promise<[{ return?: unknown } | null]>).call(client, Object.fromEntries(params))) ?? [];
        return { result: reply?.return };
      } catch (error) {
        const fault = (error as NodeSoapFault).root?.Envelope?.Body?.Fault;
        if (fault) return { fault: fault.faultstring, faultcode: fault.faultcode };
        return { error: `${(error as Error).name}: ${(error as Error).message}` };
      }
    },
    close: async () => undefined,
  };
}
