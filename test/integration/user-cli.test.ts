import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectCookies, cookieHeader, csrfTokenIn } from '../helpers/newsroom.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';

const MIDAD = fileURLToPath(new URL('../../bin/midad.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `midad` command against a test site's database, with `input` piped to its stdin. */
function midad(databaseUrl: string, args: string[], input: string | null): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MIDAD, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', DEMO_CONTENT: 'false' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    // The command may stop reading early (a refused argument); a closed pipe is not the test's problem.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

async function accountCount(site: TestSite): Promise<number> {
  const row = await site.db.kysely.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Signs in through the web form of the test site (same database): proves the CLI's hash works for the site. */
async function signInStatus(site: TestSite, email: string, password: string): Promise<number> {
  const page = await site.app.inject('/newsroom/login');
  const jar = new Map<string, string>();
  collectCookies(jar, page.headers['set-cookie']);
  const res = await site.app.inject({
    method: 'POST',
    url: '/newsroom/login',
    remoteAddress: '10.20.0.1',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: csrfTokenIn(page.body) }).toString(),
  });
  return res.statusCode;
}

const hasScript = spawnSync('script', ['--version']).status === 0;

forEachDialect('midad user add', {}, (site) => {
  test('creates an account with the password from the first line of stdin; it can sign in on the site; the audit says the CLI did it', async () => {
    const run = await midad(site().databaseUrl, ['user', 'add', '--email', 'Chief@Midad.Test', '--name', 'رئيسة التحرير', '--role', 'admin'], 'كلمة مرور رئيسة التحرير\nthe second line is ignored\n');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^أُنشئ الحساب #\d+: chief@midad\.test \(مدير\)/);
    assert.doesNotMatch(run.stdout + run.stderr, /كلمة مرور رئيسة التحرير/, 'the password is never printed');
    const row = await site().db.kysely.selectFrom('users').selectAll().where('email', '=', 'chief@midad.test').executeTakeFirstOrThrow();
    assert.equal(row.role, 'admin');
    assert.equal(row.name, 'رئيسة التحرير');
    assert.match(row.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await signInStatus(site(), 'chief@midad.test', 'كلمة مرور رئيسة التحرير'), 303);
    const audit = await site().services.audit.list({ actions: ['user.created'], subject: `user:${row.id}` });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.userId, null);
    assert.equal(audit[0]!.details?.by, 'cli');
  });

  // Each run starts Node and compiles TypeScript (seconds on a busy machine): runs that do not depend
  // on each other go in parallel.
  test('a password given as an argument is refused in Arabic, in any spelling, and nothing is created', async () => {
    const before = await accountCount(site());
    const spellings = [['--password', 'secret password 1'], ['--password=secret password 1'], ['-p', 'secret password 1']];
    const runs = await Promise.all(
      spellings.map((args) => midad(site().databaseUrl, ['user', 'add', '--email', 'argv@midad.test', '--name', 'x', '--role', 'writer', ...args], 'stdin password 123\n')),
    );
    for (const [i, run] of runs.entries()) {
      assert.equal(run.code, 2, spellings[i]!.join(' '));
      assert.match(run.stderr, /لا تُقبل كلمة المرور وسيطاً/);
    }
    assert.equal(await accountCount(site()), before);
  });

  test('bad input gets an Arabic message naming the problem, exit 1 or 2, and nothing is created', async () => {
    const before = await accountCount(site());
    const cases: Array<{ args: string[]; input: string; code: number; messages: RegExp[] }> = [
      { args: ['add', '--email', 'short@midad.test', '--name', 'قصير', '--role', 'writer'], input: 'short\n', code: 1, messages: [/12 حرفاً على الأقل/] },
      {
        args: ['add', '--email', 'not-an-email', '--name', 'بريد', '--role', 'boss'],
        input: 'a long enough password\n',
        code: 1,
        messages: [/--role: اختر دوراً/, /--email: أدخل بريداً إلكترونياً صالحاً/],
      },
      { args: ['add', '--email', 'empty@midad.test', '--name', 'فارغ', '--role', 'writer'], input: '', code: 1, messages: [/لم تُقرأ كلمة مرور/] },
      { args: ['add', '--email', 'huge@midad.test', '--name', 'ضخم', '--role', 'writer'], input: 'x'.repeat(100_000), code: 1, messages: [/أطول من أي كلمة مرور/] },
      { args: ['add', '--email', 'missing@midad.test', '--role', 'writer', '--admin'], input: 'a long enough password\n', code: 2, messages: [/وسائط غير صالحة/] },
      { args: ['add', '--email', 'missing@midad.test', '--role', 'writer'], input: 'a long enough password\n', code: 2, messages: [/ينقص --name/, /midad user add/] },
    ];
    const runs = await Promise.all(cases.map(({ args, input }) => midad(site().databaseUrl, ['user', ...args], input)));
    for (const [i, run] of runs.entries()) {
      const { args, code, messages } = cases[i]!;
      assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
      for (const message of messages) assert.match(run.stderr, message, args.join(' '));
    }
    assert.equal(await accountCount(site()), before);
  });

  test('an address already taken (whatever its case) answers USER_EXISTS with exit 1; a Windows line ending is not part of the password', async () => {
    const first = await midad(site().databaseUrl, ['user', 'add', '--email', 'twice@midad.test', '--name', 'أول', '--role', 'editor'], 'first long password\r\n');
    assert.equal(first.code, 0, first.stderr);
    const before = await accountCount(site());
    const second = await midad(site().databaseUrl, ['user', 'add', '--email', 'TWICE@midad.test', '--name', 'ثان', '--role', 'admin'], 'second long password\n');
    assert.equal(second.code, 1);
    assert.match(second.stderr, /يوجد حساب بهذا البريد الإلكتروني.*USER_EXISTS/);
    assert.equal(await accountCount(site()), before);
    assert.equal(await signInStatus(site(), 'twice@midad.test', 'first long password'), 303);
  });

  test('at a terminal the password is asked twice and never echoed', { skip: hasScript ? false : 'the `script` command (util-linux) is not installed' }, async () => {
    const password = 'terminal password 2026';
    const command = [process.execPath, MIDAD, 'user', 'add', '--email', 'tty@midad.test', '--name', 'طرفية', '--role', 'writer']
      .map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`)
      .join(' ');
    const output = await new Promise<{ code: number; text: string }>((resolve) => {
      // `script` runs the command on a pseudo-terminal, so stdin is a TTY as when a person types.
      const child = spawn('script', ['-qec', command, '/dev/null'], {
        env: { ...process.env, DATABASE_URL: site().databaseUrl, LOG_LEVEL: 'silent', DEMO_CONTENT: 'false' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let text = '';
      let answered = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        // Type only once the prompt is shown: the terminal is in no-echo mode by then.
        const prompts = (text.match(/كلمة المرور/g) ?? []).length;
        while (answered < Math.min(prompts, 2)) {
          answered++;
          child.stdin.write(`${password}\r`);
        }
      });
      // Never wait forever for a prompt that does not come.
      const timer = setTimeout(() => child.kill(), 120_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? 1, text });
      });
    });
    assert.equal(output.code, 0, output.text);
    assert.match(output.text, /أعد كتابة كلمة المرور/);
    assert.doesNotMatch(output.text, new RegExp(password), 'the password was not echoed');
    assert.equal(await signInStatus(site(), 'tty@midad.test', password), 303);
  });
});
