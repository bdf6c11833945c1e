// `npm test`: starts one embedded PostgreSQL server for the whole run, runs every test file under
// test/unit, test/integration and test/e2e (and any *.test.ts beside the code in src/) with Node's
// test runner, then stops the server and deletes its data, whatever happened in between.
//
//   node scripts/run-tests.mjs                     everything
//   node scripts/run-tests.mjs unit integration    some groups (unit also takes src/**/*.test.ts)
//   node scripts/run-tests.mjs test/integration/x.test.ts test/unit/arabic
//
// Environment:
//   SKIP_E2E=1                      leave out test/e2e
//   MIDAD_TEST_PG_URL=postgres://…  use this server instead of starting one (a superuser URL)
//   MIDAD_TEST_CONCURRENCY=N        test files run at once (default 2: CI has 2 cores)
//   MIDAD_TEST_TIMEOUT_MINUTES=N    stop a run that hangs (default 30)
//   MIDAD_DEBUG=1                   show PostgreSQL's own log
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const skipE2e = process.env.SKIP_E2E === '1';
const concurrency = positiveInteger('MIDAD_TEST_CONCURRENCY', 2);
const timeoutMinutes = positiveInteger('MIDAD_TEST_TIMEOUT_MINUTES', 30);
const testFile = /\.test\.tsx?$/;

// Node 20's --test takes paths literally (glob patterns arrive in Node 21), so we list the files
// ourselves; a folder that does not exist yet simply contributes nothing.
const groups = {
  unit: () => [...findFiles('test/unit'), ...findFiles('src')],
  integration: () => findFiles('test/integration'),
  e2e: () => (skipE2e ? [] : findFiles('test/e2e')),
};
const selection = process.argv.slice(2);
const files = [...new Set((selection.length > 0 ? selection : Object.keys(groups)).flatMap(select))];
if (files.length === 0) {
  console.error(`run-tests: found no *.test.ts(x) files in ${selection.join(', ') || 'test/ or src/'}.`);
  process.exit(1);
}
// Unit tests need no database; anything else may.
const needsPostgres = files.some((file) => !file.startsWith('test/unit/') && !file.startsWith('src/'));

let runner;
let interruptedBy;
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(name, () => {
    interruptedBy ??= name;
    signalGroup(runner?.pid, name);
  });
}

let server;
if (!needsPostgres) {
  console.log('▶ PostgreSQL: not needed for unit tests');
} else if (process.env.MIDAD_TEST_PG_URL) {
  console.log('▶ PostgreSQL: using MIDAD_TEST_PG_URL');
} else {
  const started = performance.now();
  register();
  const { startEmbeddedPostgres } = await import('../test/helpers/postgres.ts');
  try {
    server = await startEmbeddedPostgres();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  process.env.MIDAD_TEST_PG_URL = server.url;
  console.log(`▶ PostgreSQL: embedded server ready in ${seconds(started)}`);
}
if (interruptedBy) await finish(128 + constants.signals[interruptedBy]);

const counts = Object.entries({ unit: /^(test\/unit|src)\//, integration: /^test\/integration\//, e2e: /^test\/e2e\// })
  .map(([name, pattern]) => `${files.filter((file) => pattern.test(file)).length} ${name}`)
  .join(', ');
const e2eNote = skipE2e ? '; e2e skipped by SKIP_E2E=1' : '';
console.log(`▶ Tests: ${files.length} files (${counts}${e2eNote}), ${concurrency} at a time\n`);

// The runner gets its own process group, so that stopping it also stops the test files and any
// browser or server they started, and the terminal's Ctrl-C reaches it only through us.
runner = spawn(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-concurrency=${concurrency}`,
    '--test-timeout=300000',
    ...files,
  ],
  { cwd: root, stdio: 'inherit', detached: true, env: process.env },
);

const watchdog = setTimeout(() => {
  console.error(`\nrun-tests: the run took longer than ${timeoutMinutes} minutes and was stopped; a test file ` +
    'probably left a pool, server, browser or timer open.');
  interruptedBy ??= 'SIGTERM';
  signalGroup(runner.pid, 'SIGTERM');
  setTimeout(() => signalGroup(runner.pid, 'SIGKILL'), 10_000).unref();
}, timeoutMinutes * 60_000);
watchdog.unref();

const exitCode = await new Promise((resolve) => {
  runner.on('error', (error) => {
    console.error(`run-tests: could not start the test runner: ${error.message}`);
    resolve(1);
  });
  runner.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
});
clearTimeout(watchdog);
// Whatever a test file left running in the runner's group goes with it.
signalGroup(runner.pid, 'SIGKILL');

await finish(interruptedBy ? 128 + constants.signals[interruptedBy] : exitCode);

async function finish(code) {
  try {
    await server?.stop();
  } catch (error) {
    console.error(`run-tests: stopping PostgreSQL failed: ${error instanceof Error ? error.message : error}`);
  }
  process.exit(code);
}

/** A group name, or a test file or folder (relative to the repository root). */
function select(name) {
  if (Object.hasOwn(groups, name)) return groups[name]();
  const path = relative(root, join(root, name)).split(sep).join('/');
  let stats;
  try {
    stats = statSync(join(root, path));
  } catch {
    console.error(`run-tests: "${name}" is neither unit, integration, e2e nor an existing file or folder.`);
    process.exit(1);
  }
  return stats.isDirectory() ? findFiles(path) : [path];
}

function findFiles(folder) {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && testFile.test(entry.name)) found.push(relative(root, join(root, path)).split(sep).join('/'));
    }
  };
  walk(folder);
  return found.sort();
}

function signalGroup(pid, name) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, name);
  } catch {
    // The group is already gone.
  }
}

function positiveInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`run-tests: ${name} must be a positive integer, not "${raw}".`);
    process.exit(1);
  }
  return value;
}

function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)}s`;
}
