import { z } from 'zod';
import { AppError } from './errors.ts';
import { isValidTimeZone } from './arabic/dates.ts';

/** Where the data lives: an SQLite file, or a PostgreSQL server. */
export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** The validated, frozen settings of one Midad process. Nothing else reads process.env. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  siteUrl: string;
  siteName: string;
  siteDescription: string;
  siteTimeZone: string;
  dateLocale: string;
  dateDigits: 'latn' | 'arab';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load the demo content into an empty database at start. */
  demoContent: boolean;
  /** Seconds a rendered page may be reused by shared caches (CDN). */
  cdnMaxAgeSeconds: number;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  trustProxy: boolean;
  /** Answer 503 while the event loop lags more than this (ms); 0 turns load shedding off. */
  maxEventLoopDelayMs: number;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('sqlite:data/midad.db'),
  SITE_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
    .optional(),
  SITE_NAME: z.string().trim().min(1).max(80).default('مداد'),
  SITE_DESCRIPTION: z.string().trim().min(1).max(300).default('أخبار العالم العربي والعالم لحظة بلحظة'),
  SITE_TIMEZONE: z
    .string()
    .default('Asia/Riyadh')
    .refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Riyadh'),
  DATE_LOCALE: z
    .string()
    .regex(/^ar(-[A-Z]{2})?$/, 'must be an Arabic locale such as ar, ar-EG or ar-SY')
    .default('ar'),
  DATE_DIGITS: z.enum(['latn', 'arab']).default('latn'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_CONTENT: z.enum(['true', 'false', '1', '0']).default('true'),
  CDN_MAX_AGE: z.coerce.number().int().min(0).max(86400).default(60),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
});

/** Reads DATABASE_URL: "sqlite:PATH", a plain file path, or a postgres:// URL. */
export function parseDatabaseUrl(value: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  const path = value.replace(/^sqlite:(\/\/)?/i, '');
  if (!path) throw new AppError('CONFIG_INVALID', { details: 'DATABASE_URL names no SQLite file' });
  return { kind: 'sqlite', path };
}

/** Parses and validates the environment once; throws CONFIG_INVALID naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('CONFIG_INVALID', { details: problems.join('; ') });
  }
  const e = parsed.data;
  const siteUrl = (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL),
    siteUrl,
    siteName: e.SITE_NAME,
    siteDescription: e.SITE_DESCRIPTION,
    siteTimeZone: e.SITE_TIMEZONE,
    dateLocale: e.DATE_LOCALE,
    dateDigits: e.DATE_DIGITS,
    logLevel: e.LOG_LEVEL,
    demoContent: e.DEMO_CONTENT === 'true' || e.DEMO_CONTENT === '1',
    cdnMaxAgeSeconds: e.CDN_MAX_AGE,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
  });
}
