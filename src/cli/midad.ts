import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { isAppError } from '../errors.ts';
import { systemClock } from '../content/clock.ts';
import { createContentEvents } from '../content/content-events.ts';
import { importJsonlFile, loadDemoContent } from '../content/imports/demo-content.ts';
import { paths } from '../content/paths.ts';
import { createLogger, createServices, DEMO_DIR, openDatabase, settingsFromConfig, startServer, type Services } from '../main.ts';
import { userCommand } from './user-command.ts';

const MAX_TEXT_FILE_BYTES = 1_048_576;

const HELP = `midad — منصة مداد للنشر الإخباري

الاستخدام:
  midad serve                                  تشغيل الموقع (المنفذ من PORT، قاعدة البيانات من DATABASE_URL)
  midad migrate                                ترقية مخطط قاعدة البيانات
  midad import-text FILE… [--publish] [--section SLUG]
                                               استيراد نصوص الوكالات (قسم، عنوان، سطر الكاتب، فقرات)
  midad import-jsonl FILE [--draft]            استيراد مقالات بصيغة JSONL (صيغة المدوّنة)
  midad demo                                   تحميل المحتوى التجريبي
  midad user add --email E --name N --role admin|editor|writer
                                               إضافة حساب لغرفة الأخبار (كلمة المرور تُطلب، أو من الإدخال القياسي)

Settings come from the environment: PORT, HOST, DATABASE_URL, SITE_URL, SITE_NAME, SITE_TIMEZONE,
DATE_LOCALE, DATE_DIGITS, LOG_LEVEL, DEMO_CONTENT (see README.md).
`;

/** Runs one CLI command and returns the process exit code. */
async function run(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return command ? 0 : 1;
  }
  const config = loadConfig(env);
  switch (command) {
    case 'serve': {
      const server = await startServer(config);
      const stop = async (signal: string) => {
        server.app.log.info({ signal }, 'stopping');
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      return -1;
    }
    case 'migrate': {
      const db = await openDatabase(config);
      await db.close();
      process.stdout.write('قاعدة البيانات محدّثة (database is up to date)\n');
      return 0;
    }
    case 'import-text':
      return withServices(config, (services) => importText(services, rest));
    case 'import-jsonl':
      return withServices(config, (services) => importJsonl(services, rest));
    case 'user':
      return withServices(config, (services) => userCommand(services.users, rest));
    case 'demo':
      return withServices(config, async (services) => {
        const report = await loadDemoContent(services, DEMO_DIR, progress);
        clearProgress();
        process.stdout.write(`demo: ${report.created} created, ${report.failed.length} failed\n`);
        return report.failed.length > 0 ? 1 : 0;
      });
    default:
      process.stderr.write(`أمر غير معروف: ${command}\n\n${HELP}`);
      return 2;
  }
}

async function withServices(config: Readonly<Config>, body: (services: Services) => Promise<number>): Promise<number> {
  const db = await openDatabase(config);
  try {
    return await body(createServices({ db, clock: systemClock, events: createContentEvents(), timeZone: config.siteTimeZone, siteDefaults: settingsFromConfig(config) }));
  } finally {
    await db.close();
  }
}

/** Reads a file for import, refusing what cannot be agency copy before reading it whole. */
async function readTextFile(file: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; message: string }> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return { ok: false, message: 'الملف غير موجود أو لا يمكن قراءته' };
  }
  if (!info.isFile()) return { ok: false, message: 'ليس ملفاً عادياً' };
  if (info.size > MAX_TEXT_FILE_BYTES) return { ok: false, message: 'الملف أكبر من 1 ميغابايت' };
  return { ok: true, bytes: await readFile(file) };
}

async function importText(services: Services, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { publish: { type: 'boolean', default: false }, section: { type: 'string' } },
  });
  if (positionals.length === 0) {
    process.stderr.write('حدّد ملفاً واحداً على الأقل: midad import-text FILE… [--publish] [--section SLUG]\n');
    return 2;
  }
  let failures = 0;
  for (const file of positionals) {
    const read = await readTextFile(file);
    const outcome = read.ok
      ? await services.imports.importWireCopy(read.bytes, {
          origin: `import-text:${basename(file)}`,
          publish: values.publish,
          ...(values.section !== undefined ? { section: values.section } : {}),
        })
      : ({ ok: false, code: 'IMPORT_FILE_INVALID', message: read.message } as const);
    if (!outcome.ok) {
      failures++;
      process.stderr.write(`${file}: خطأ: ${outcome.message} [${outcome.code}]\n`);
    } else if (outcome.created) {
      process.stdout.write(`${paths.article(outcome.article)}\n`);
    } else {
      process.stdout.write(`${paths.article(outcome.article)} (مستورد من قبل، لم يُنشأ شيء: already imported, nothing created)\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

async function importJsonl(services: Services, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { draft: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) {
    process.stderr.write('حدّد ملف JSONL واحداً: midad import-jsonl FILE [--draft]\n');
    return 2;
  }
  const file = positionals[0]!;
  try {
    await stat(file);
  } catch {
    process.stderr.write(`${file}: خطأ: الملف غير موجود أو لا يمكن قراءته\n`);
    return 1;
  }
  const report = await importJsonlFile(services, file, { publish: !values.draft, onProgress: progress });
  clearProgress();
  for (const failure of report.failed) process.stderr.write(`${failure.where}: خطأ: ${failure.message}\n`);
  process.stdout.write(`${report.created} created, ${report.existing} already present, ${report.failed.length} failed\n`);
  return report.failed.length > 0 ? 1 : 0;
}

function progress(lines: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\r… ${lines} lines`);
}

function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

try {
  const code = await run(process.argv.slice(2), process.env);
  if (code >= 0) process.exitCode = code;
} catch (error) {
  if (isAppError(error)) {
    process.stderr.write(`خطأ: ${error.arabicMessage}\n${error.message}\n`);
    process.exitCode = 1;
  } else {
    createLogger({ logLevel: 'error' }).error({ err: error }, 'midad failed');
    process.exitCode = 1;
  }
}
