/**
 * Reader-page benchmark: builds and starts a real Midad server as `npm start` runs it (its own
 * process, the production bundle, SQLite with the demo content loaded beforehand by `midad demo`) and
 * loads the article, home and section pages with autocannon at 50 connections. Each page is run
 * three times; the report gives the median requests/s, p50 and p99 latency, and the server's peak
 * resident memory (VmHWM). Run with `npm run bench`; options: BENCH_SECONDS (default 10).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const RUNS = 3;
/** The Node flags `npm start` runs the server with (keep in step with package.json). */
const SERVER_FLAGS = ['--max-semi-space-size=4'];
const PORT = 3900 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;
const root = fileURLToPath(new URL('..', import.meta.url));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'midad-bench-'));
  const env = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, LOG_LEVEL: 'warn' };
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  // Load the demo in its own process so that the server's peak memory is that of serving.
  execFileSync(process.execPath, [join(root, 'dist/midad.js'), 'demo'], { env, stdio: 'inherit' });
  const server = spawn(process.execPath, [...SERVER_FLAGS, join(root, 'dist/midad.js'), 'serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    await waitForServer();
    const list = (await (await fetch(`${BASE}/api/v1/articles?limit=1`)).json()) as { items: { url: string }[] };
    const articlePath = new URL(list.items[0]!.url).pathname;
    const pages = { article: articlePath, home: '/', section: encodeURI('/section/دول-العالم') };
    const results: Record<string, { requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number }> = {};
    for (const [name, path] of Object.entries(pages)) {
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const r = await autocannon({ url: BASE + path, connections: CONNECTIONS, duration: SECONDS });
        runs.push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors });
        process.stderr.write(`${name} run ${run + 1}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms\n`);
      }
      results[name] = {
        requestsPerSecond: Math.round(median(runs.map((r) => r.rps))),
        p50Ms: median(runs.map((r) => r.p50)),
        p99Ms: median(runs.map((r) => r.p99)),
        non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
      };
    }
    const report = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      connections: CONNECTIONS,
      secondsPerRun: SECONDS,
      runs: RUNS,
      pages: results,
      serverPeakRssMiB: Math.round(peakRssMiB(server.pid!)),
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/pages.json'), JSON.stringify(report, null, 2));
    console.log('\npage      req/s   p50 ms  p99 ms  errors');
    for (const [name, r] of Object.entries(results)) {
      console.log(`${name.padEnd(9)} ${String(r.requestsPerSecond).padStart(6)} ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(7)} ${String(r.non2xx).padStart(7)}`);
    }
    console.log(`server peak RSS: ${report.serverPeakRssMiB} MiB  (${report.machine})`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
