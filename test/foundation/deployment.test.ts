/**
 * What can be checked of the container files without a container engine: the Dockerfile
 * copies files that exist and runs the server the way `npm start` does, as a non-root user,
 * with a health check on a route the server has; compose.yaml parses, waits for a healthy
 * PostgreSQL and sets only environment variables the server reads.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Every environment variable the server's sources read, by name. */
function envNamesRead(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (full.endsWith('.ts')) {
        for (const m of readFileSync(full, 'utf8').matchAll(/process\.env\.([A-Z_]+)|process\.env\[['"]([A-Z_]+)['"]\]|\bread\.(?:raw|int|bool)\('([A-Z_]+)'/g)) {
          names.add((m[1] ?? m[2] ?? m[3])!);
        }
      }
    }
  };
  walk(path.join(root, 'src'));
  return names;
}

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function instructions(): { op: string; args: string }[] {
  return read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfile', () => {
  const steps = instructions();
  const stages = steps.filter((s) => s.op === 'FROM');
  const runtime = steps.slice(steps.lastIndexOf(stages[stages.length - 1]!));

  it('builds in stages on the Node major version package.json asks for: production packages, the bundle, the runtime', () => {
    expect(stages.length).toBe(3);
    const engines = JSON.parse(read('package.json')).engines.node as string;
    const major = /(\d+)/.exec(engines)![1];
    for (const stage of stages) expect(stage.args).toMatch(new RegExp(`^node:${major}(-slim)?\\b`));
    expect(steps.some((s) => s.op === 'RUN' && s.args.includes('npm ci') && s.args.includes('--omit=dev'))).toBe(true);
    // The bundle `npm start` runs is built in the image, with the build's own packages, and copied in.
    const stageSteps = stages.map((stage, i) => steps.slice(steps.indexOf(stage), i + 1 < stages.length ? steps.indexOf(stages[i + 1]!) : undefined));
    const building = stageSteps.find((own) => own.some((t) => t.op === 'RUN' && t.args.includes('npm run build')))!;
    const buildStage = /\bAS\s+(\S+)/i.exec(building[0]!.args)![1]!;
    expect(runtime.find((s) => s.op === 'COPY' && s.args.startsWith(`--from=${buildStage}`))?.args).toMatch(/\/app\/dist \.\/dist$/);
  });

  it('copies only files that exist and that .dockerignore does not hide', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const copies = steps.filter((s) => s.op === 'COPY' && !s.args.startsWith('--from'));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const parts = copy.args.split(/\s+/);
      for (const source of parts.slice(0, -1)) {
        expect(existsSync(path.join(root, source)), source).toBe(true);
        expect(ignored.some((pattern) => source === pattern || source.startsWith(`${pattern}/`)), `${source} is in .dockerignore`).toBe(false);
      }
    }
    // What the server needs at run time: the sources, the migrations, the decorator settings and the driver patch.
    const copied = copies.flatMap((c) => c.args.split(/\s+/).slice(0, -1));
    for (const needed of ['src', 'drizzle', 'tsconfig.json', 'package.json', 'package-lock.json', 'patches']) expect(copied).toContain(needed);
  });

  it('runs the server as `npm start` does, as a non-root user, in production, with its data in a volume', () => {
    // `npm start` first rebuilds the bundle if a source is newer; the image's bundle is built from its sources.
    const start = (JSON.parse(read('package.json')).scripts.start as string).split(' && ').at(-1);
    const cmd = JSON.parse(runtime.find((s) => s.op === 'CMD')!.args) as string[];
    expect(`exec ${cmd.join(' ')}`).toBe(start);
    const user = runtime.find((s) => s.op === 'USER')?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    const env = runtime.filter((s) => s.op === 'ENV').map((s) => s.args).join(' ');
    expect(env).toMatch(/NODE_ENV=production/);
    const dataDir = /DATA_DIR=(\S+)/.exec(env)![1]!;
    expect(runtime.find((s) => s.op === 'VOLUME')?.args).toContain(dataDir);
    const port = /PORT=(\d+)/.exec(env)![1]!;
    expect(runtime.find((s) => s.op === 'EXPOSE')?.args).toBe(port);
    const names = envNamesRead();
    for (const name of env.match(/\b[A-Z_]+(?==)/g)!) expect(names, `${name} is not read by the server`).toContain(name);
  });

  it('checks health on a route the server registers', () => {
    const check = runtime.find((s) => s.op === 'HEALTHCHECK')!.args;
    const route = /\/(healthz|readyz|livez)\b/.exec(check)![0];
    expect(read('src/server/app.ts')).toMatch(new RegExp(`router\\.add\\(\\s*'GET',\\s*'${route}'`));
  });
});

describe('compose.yaml', () => {
  const compose = parseYaml(read('compose.yaml')) as {
    services: Record<string, { image?: string; build?: unknown; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] }; volumes?: string[] }>;
    volumes: Record<string, unknown>;
  };

  it('runs ispgraph on PostgreSQL 15, started once PostgreSQL is healthy, both with health checks', () => {
    const { ispgraph, postgres } = compose.services;
    expect(postgres!.image).toBe('postgres:15');
    expect(ispgraph!.build).toBe('.');
    expect(ispgraph!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(postgres!.healthcheck!.test.join(' ')).toContain('pg_isready');
    const route = /\/(healthz|readyz|livez)\b/.exec(ispgraph!.healthcheck!.test.join(' '))![0];
    expect(read('src/server/app.ts')).toMatch(new RegExp(`router\\.add\\(\\s*'GET',\\s*'${route}'`));
    for (const service of [ispgraph!, postgres!]) {
      for (const volume of service.volumes ?? []) expect(compose.volumes).toHaveProperty(volume.split(':')[0]!);
    }
    expect(postgres!.volumes).toContain('postgres-data:/var/lib/postgresql/data');
  });

  it('sets only variables the server reads, and a DATABASE_URL that names the compose database', () => {
    const env = compose.services.ispgraph!.environment!;
    const names = envNamesRead();
    for (const name of Object.keys(env)) expect(names, `${name} is not read by the server`).toContain(name);
    const url = new URL(env.DATABASE_URL!);
    const pg = compose.services.postgres!.environment!;
    expect(url.hostname).toBe('postgres');
    expect(decodeURIComponent(url.username)).toBe(pg.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(pg.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${pg.POSTGRES_DB}`);
    // WORKERS above 1 needs DATABASE_URL, which is set here.
    expect(Number(env.WORKERS ?? '1')).toBeGreaterThanOrEqual(1);
  });
});
