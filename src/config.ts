import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { type DatabaseTarget, parseDatabaseUrl } from './db/database.js';
import { DEFAULT_DATE_LOCALE_EN, isEnglishFormattingLocale } from './i18n/i18n.js';
import type { ZipLimits } from './integrations/zip/safe-zip.js';

/** Every setting, read from the environment once at boot. Documented in README.md § Configuration. */
const environmentSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters long').optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Diploma Platform <no-reply@diploma.localhost>'),
  DATE_LOCALE_EN: z
    .string()
    .default(DEFAULT_DATE_LOCALE_EN)
    .refine(isEnglishFormattingLocale, 'DATE_LOCALE_EN must be an English locale tag such as en-GB or en-US')
    .transform((tag) => Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_DATE_LOCALE_EN),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUSTED_ISSUERS: z.string().default(''),
  VERIFY_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  SIGN_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(400).default(50),
  ZIP_MAX_ENTRIES: z.coerce.number().int().min(1).optional(),
  ZIP_MAX_TOTAL_MB: z.coerce.number().int().min(1).optional(),
  ZIP_MAX_ENTRY_MB: z.coerce.number().int().min(1).optional(),
  ZIP_MAX_RATIO: z.coerce.number().int().min(1).optional(),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  // Load shedding (docs/operations.md); unset: the defaults of src/http/load-shedding.ts; 0 turns one off.
  SHED_MAX_IN_FLIGHT: z.coerce.number().int().min(0).optional(),
  SHED_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).optional(),
  SHED_HEAP_MB: z.coerce.number().int().min(0).optional(),
  SHED_RSS_MB: z.coerce.number().int().min(0).optional(),
  // BigBlueButton's API (docs/webinars.md): both or neither.
  BBB_URL: z.url({ protocol: /^https?$/ }).optional(),
  BBB_SECRET: z.string().min(8).optional(),
});

export interface Config {
  dataDir: string;
  database: DatabaseTarget;
  port: number;
  host: string;
  baseUrl: string;
  /** True when BASE_URL is https: cookies get the Secure flag. */
  secureCookies: boolean;
  sessionSecret: string;
  smtpUrl: string | null;
  mailFrom: string;
  outboxDir: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  /** How English pages write dates and numbers (DATE_LOCALE_EN; default en-GB: "18 Oct 2027"). */
  dateLocaleEn?: string;
  trustProxy: boolean;
  /** Load-shedding limits that differ from the defaults (src/http/load-shedding.ts). */
  loadShedding?: {
    maxInFlight?: number;
    maxEventLoopDelayMs?: number;
    maxHeapUsedBytes?: number;
    maxRssBytes?: number;
    sampleIntervalMs?: number;
  };
  /** Issuer ids (DIDs, URLs) the verifier trusts besides our own: the trust policy (TRUSTED_ISSUERS). */
  trustedIssuers: string[];
  /** Worker threads for verification (VERIFY_WORKERS; default one per core but one; 0 = in-process). */
  verifyWorkers: number;
  /** Worker threads signing certificates issued in batches (SIGN_WORKERS; default one per core; 0 = in-process). */
  signWorkers: number;
  /** How far V8 lets the heap grow past what a full collection kept, in % (HEAP_GROWING_PERCENT; 0: V8's own). */
  heapGrowingPercent: number;
  /** Caps on uploaded zip packages (defaults: DEFAULT_ZIP_LIMITS; docs/operations.md § Zip limits). */
  zipLimits?: Partial<ZipLimits>;
  /** BigBlueButton's API base (`…/bigbluebutton/`) and shared secret; absent: only external links (docs/webinars.md). */
  bbb?: { url: string; secret: string } | null;
}

/** Thrown at boot when the environment is wrong; the message names each bad variable. */
export class ConfigError extends Error {}

/** Parses and checks the environment; creates DATA_DIR and the session secret file when needed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.BBB_URL) !== Boolean(e.BBB_SECRET))
    throw new ConfigError('Invalid configuration:\n  BBB_URL and BBB_SECRET: set both or neither');
  const dataDir = resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const databaseUrl = e.DATABASE_URL ?? join(dataDir, 'diploma.sqlite');
  return {
    dataDir,
    database: parseDatabaseUrl(databaseUrl),
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(join(dataDir, 'session-secret')),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    outboxDir: join(dataDir, 'outbox'),
    logLevel: e.LOG_LEVEL,
    dateLocaleEn: e.DATE_LOCALE_EN,
    trustProxy: e.TRUST_PROXY,
    loadShedding: {
      ...(e.SHED_MAX_IN_FLIGHT !== undefined ? { maxInFlight: e.SHED_MAX_IN_FLIGHT } : {}),
      ...(e.SHED_EVENT_LOOP_DELAY_MS !== undefined
        ? { maxEventLoopDelayMs: e.SHED_EVENT_LOOP_DELAY_MS }
        : {}),
      ...(e.SHED_HEAP_MB !== undefined ? { maxHeapUsedBytes: e.SHED_HEAP_MB * 1024 * 1024 } : {}),
      ...(e.SHED_RSS_MB !== undefined ? { maxRssBytes: e.SHED_RSS_MB * 1024 * 1024 } : {}),
    },
    trustedIssuers: e.TRUSTED_ISSUERS.split(/[\s,]+/).filter((id) => id !== ''),
    verifyWorkers: e.VERIFY_WORKERS ?? Math.max(1, availableParallelism() - 1),
    signWorkers: e.SIGN_WORKERS ?? availableParallelism(),
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    zipLimits: {
      ...(e.ZIP_MAX_ENTRIES ? { maxEntries: e.ZIP_MAX_ENTRIES } : {}),
      ...(e.ZIP_MAX_TOTAL_MB ? { maxTotalBytes: e.ZIP_MAX_TOTAL_MB * 1024 * 1024 } : {}),
      ...(e.ZIP_MAX_ENTRY_MB ? { maxEntryBytes: e.ZIP_MAX_ENTRY_MB * 1024 * 1024 } : {}),
      ...(e.ZIP_MAX_RATIO ? { maxRatio: e.ZIP_MAX_RATIO } : {}),
    },
    bbb: e.BBB_URL && e.BBB_SECRET ? { url: e.BBB_URL, secret: e.BBB_SECRET } : null,
  };
}

/** A secret kept in a file readable by its owner only; made on first use. Never logged. */
function readOrCreateSecret(path: string): string {
  if (existsSync(path)) {
    const existing = readFileSync(path, 'utf8').trim();
    if (existing.length >= 32) return existing;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return secret;
}
