import { parseArgs } from 'node:util';
import { isAppError } from '../errors.ts';
import { ROLE_LABELS } from '../content/users/user.ts';
import type { UserService } from '../content/users/users.service.ts';

export const USER_USAGE = 'midad user add --email E --name N --role admin|editor|writer   (كلمة المرور تُطلب بعد ذلك، أو تُقرأ من السطر الأول للإدخال القياسي)';

const PASSWORD_ARGUMENT_REFUSED =
  'لا تُقبل كلمة المرور وسيطاً في سطر الأوامر: تبقى في سجل الأوامر وتظهر في قائمة العمليات. اكتبها عند الطلب، أو مرّرها في السطر الأول من الإدخال القياسي.';

// Enough for the longest accepted password (1,024 characters of up to 4 bytes) and a line ending.
const MAX_STDIN_BYTES = 4_200;

const FIELD_NAMES: Record<string, string> = { email: '--email', name: '--name', role: '--role', password: 'كلمة المرور' };

class PasswordInputError extends Error {}

/** `midad user add`: creates an account; the password never comes from an argument. Returns the exit code. */
export async function userCommand(users: UserService, args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'add') {
    process.stderr.write(`استخدم: ${USER_USAGE}\n`);
    return 2;
  }
  if (rest.some((arg) => /^-(-password|p)(=|$)/i.test(arg) || /^--pass/i.test(arg))) {
    process.stderr.write(`خطأ: ${PASSWORD_ARGUMENT_REFUSED}\n`);
    return 2;
  }
  let values: { email?: string | undefined; name?: string | undefined; role?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: rest,
      allowPositionals: false,
      strict: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
    }));
  } catch (error) {
    process.stderr.write(`خطأ: وسائط غير صالحة (${(error as Error).message})\nاستخدم: ${USER_USAGE}\n`);
    return 2;
  }
  const missing = (['email', 'name', 'role'] as const).filter((key) => !values[key]);
  if (missing.length > 0) {
    process.stderr.write(`خطأ: ينقص ${missing.map((key) => `--${key}`).join(' و')}\nاستخدم: ${USER_USAGE}\n`);
    return 2;
  }

  let password: string;
  try {
    password = process.stdin.isTTY ? await passwordFromTerminal() : await firstLineOfStdin();
  } catch (error) {
    if (error instanceof PasswordInputError) {
      process.stderr.write(`خطأ: ${error.message}\n`);
      return error.message === 'أُلغي.' ? 130 : 1;
    }
    throw error;
  }

  try {
    const user = await users.create('cli', { email: values.email, name: values.name, role: values.role, password });
    process.stdout.write(`أُنشئ الحساب #${user.id}: ${user.email} (${ROLE_LABELS[user.role]}) — created\n`);
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.fields) {
      for (const [field, message] of Object.entries(error.fields)) process.stderr.write(`خطأ: ${FIELD_NAMES[field] ?? field}: ${message}\n`);
    } else {
      process.stderr.write(`خطأ: ${error.arabicMessage} [${error.code}]\n`);
    }
    return 1;
  }
}

/** Asks twice with echo off; the two must match. */
async function passwordFromTerminal(): Promise<string> {
  const [first, second] = await promptHidden(['كلمة المرور (12 حرفاً على الأقل): ', 'أعد كتابة كلمة المرور: ']);
  if (first !== second) throw new PasswordInputError('كلمتا المرور غير متطابقتين؛ لم يُنشأ شيء.');
  return first!;
}

/**
 * Reads one line per prompt from the terminal without showing what is typed (raw mode: the terminal
 * echoes nothing). One raw session for all prompts, so keys typed ahead belong to the next prompt.
 */
function promptHidden(prompts: readonly string[]): Promise<string[]> {
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  process.stderr.write(prompts[0]!);
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\u0003') {
          finish();
          process.stderr.write('\n');
          reject(new PasswordInputError('أُلغي.'));
          return;
        }
        if (ch === '\r' || ch === '\n' || (ch === '\u0004' && value === '')) {
          lines.push(value);
          value = '';
          process.stderr.write('\n');
          if (lines.length === prompts.length) {
            finish();
            resolve(lines);
            return;
          }
          process.stderr.write(prompts[lines.length]!);
        } else if (ch === '\u007f' || ch === '\b') {
          value = [...value].slice(0, -1).join('');
        } else if (ch >= ' ') {
          value += ch;
        }
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of a piped stdin (without its line ending), read no further than needed. */
async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (chunk.includes(0x0a)) break;
    if (size > MAX_STDIN_BYTES) throw new PasswordInputError('السطر الأول من الإدخال القياسي أطول من أي كلمة مرور مقبولة (1024 حرفاً).');
  }
  const all = Buffer.concat(chunks);
  const newline = all.indexOf(0x0a);
  const line = (newline === -1 ? all : all.subarray(0, newline)).toString('utf8').replace(/\r$/, '');
  if (!line) throw new PasswordInputError('لم تُقرأ كلمة مرور: مرّرها في السطر الأول من الإدخال القياسي، أو شغّل الأمر في طرفية ليطلبها.');
  return line;
}
