import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import { runtimeText, type RuntimeMessageKey } from '../messages.ts';
import { parseEnvFile } from './env-file.ts';

/** Where the store lives and the key that opens it (every command needs these). */
export interface StoreConfig {
  dataKey: Buffer;
  /** The SQLite file (AMANA_DB), used when there is no DATABASE_URL. */
  dbFile: string;
  /** PostgreSQL (DATABASE_URL=postgres://…): several instances share it. */
  databaseUrl?: string;
  /** The business number whose send rate instances on one PostgreSQL share. */
  phoneNumberId: string;
  /** Test-only shift of the retention clock (AMANA_NOW_OFFSET_DAYS), in ms. */
  clockOffsetMs: number;
}

/** What `serve` needs besides the store. */
export interface ServeConfig {
  port: number;
  host?: string;
  appSecret: string;
  verifyToken: string;
  accessToken: string;
  phoneNumberId: string;
  /** Graph API base including the version, without a trailing slash. */
  graphApiBase: string;
  /** Admin API bearer token; the admin API is off without one. */
  adminToken?: string;
  /** Messages per second to the Graph API (WhatsApp's default per business number is 80). */
  sendRate: number;
  /** Signs handoff forwards to a recipient's URL (`X-Amana-Signature-256`), if set. */
  forwardSecret?: string;
}

export type Checked<T> =
  { ok: true; config: T; warnings: string[] } | { ok: false; problems: string[]; warnings: string[] };

/** Every setting the runtime reads; anything else named AMANA_*, WHATSAPP_* or GRAPH_* is probably a typo. */
const knownSettings = [
  'PORT',
  'HOST',
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
  'GRAPH_API_BASE',
  'AMANA_DATA_KEY',
  'AMANA_DATA_KEY_FILE',
  'AMANA_DATA_KEY_NEW',
  'AMANA_TEST_ROTATE_PAUSE_MS',
  'AMANA_DB',
  'DATABASE_URL',
  'ADMIN_TOKEN',
  'AMANA_SEND_RATE',
  'AMANA_TEST_UNLIMITED_SEND_RATE',
  'HANDOFF_FORWARD_SECRET',
  'AMANA_NOW_OFFSET_DAYS',
  'AMANA_LANG',
] as const;

const defaultGraphApiBase = 'https://graph.facebook.com/v23.0';

/** The settings: the process environment over the `.env` file beside server.js. */
export interface Settings {
  values: Record<string, string | undefined>;
  /** Relative paths (AMANA_DB, AMANA_DATA_KEY_FILE) are read from here: the bundle's folder. */
  baseDir: string;
  problems: string[];
  warnings: string[];
}

export function readSettings(env: Record<string, string | undefined>, baseDir: string, language: UiLanguage): Settings {
  const say = (key: RuntimeMessageKey, params?: Record<string, string | number>) => runtimeText(language, key, params);
  const problems: string[] = [];
  const warnings: string[] = [];
  const envFile = join(baseDir, '.env');
  let fromFile: Record<string, string> = {};
  try {
    const parsed = parseEnvFile(readFileSync(envFile, 'utf8'));
    fromFile = parsed.values;
    // It holds the app secret and tokens, maybe the data key: only its owner should read it.
    if (Object.keys(fromFile).length > 0 && (statSync(envFile).mode & 0o077) !== 0)
      warnings.push(say('env-file-open', { file: envFile }));
    if (parsed.badLines.length > 0)
      problems.push(say('env-file-lines', { file: envFile, lines: parsed.badLines.join(', ') }));
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'ENOENT') problems.push(say('env-file-unreadable', { file: envFile, reason: code }));
  }
  const values: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) values[name] = value;
  const known = new Set<string>(knownSettings);
  for (const name of Object.keys(values)) {
    // AMANA_SECRET_NAME holds a secret the flow's requests read (./secrets.ts).
    if (name.startsWith('AMANA_SECRET_')) continue;
    if (/^(AMANA|WHATSAPP|GRAPH)_/.test(name) && !known.has(name)) warnings.push(say('unknown-setting', { name }));
  }
  return { values, baseDir, problems, warnings };
}

export function storeConfig(settings: Settings, language: UiLanguage): Checked<StoreConfig> {
  const check = new Checker(settings, language);
  const dataKey = check.dataKey();
  const dbFile = check.path(settings.values['AMANA_DB'] ?? './amana.db');
  const databaseUrl = check.databaseUrl();
  const phoneNumberId = settings.values['WHATSAPP_PHONE_NUMBER_ID']?.trim() || 'default';
  const offsetDays = settings.values['AMANA_NOW_OFFSET_DAYS'];
  let clockOffsetMs = 0;
  if (offsetDays !== undefined && offsetDays.trim() !== '') {
    const days = Number(offsetDays);
    if (Number.isFinite(days)) {
      clockOffsetMs = days * 24 * 60 * 60 * 1000;
      check.warn('test-clock', { days: offsetDays });
    } else {
      check.problem('bad-offset');
    }
  }
  return check.result(
    dataKey && { dataKey, dbFile, ...(databaseUrl ? { databaseUrl } : {}), phoneNumberId, clockOffsetMs },
  );
}

/**
 * The master key `rotate-key` re-wraps every person key under: read from `file` (its
 * `--new-key-file`) or AMANA_DATA_KEY_NEW, checked as strictly as AMANA_DATA_KEY.
 */
export function newDataKey(settings: Settings, language: UiLanguage, file?: string): Checked<Buffer> {
  const check = new Checker({ ...settings, problems: [], warnings: [] }, language);
  return check.result(check.newKey(file));
}

export function serveConfig(settings: Settings, language: UiLanguage): Checked<ServeConfig> {
  const check = new Checker(settings, language);
  const port = check.integer('PORT', 3000, 0, 65535);
  const appSecret = check.secret('WHATSAPP_APP_SECRET', 'hint-app-secret');
  const verifyToken = check.secret('WHATSAPP_VERIFY_TOKEN', 'hint-verify-token');
  const accessToken = check.secret('WHATSAPP_ACCESS_TOKEN', 'hint-access-token');
  const phoneNumberId = check.secret('WHATSAPP_PHONE_NUMBER_ID', 'hint-phone-number-id');
  if (phoneNumberId !== undefined && !/^[0-9]+$/.test(phoneNumberId)) check.problem('phone-number-id-digits');
  const graphApiBase = check.graphApiBase();
  const adminToken = check.optionalSecret('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 24) check.problem('admin-token-short');
  const sendRate = check.integer('AMANA_SEND_RATE', 80, 1, check.sendRateCeiling());
  const forwardSecret = check.optionalSecret('HANDOFF_FORWARD_SECRET');
  const host = settings.values['HOST']?.trim() || undefined;
  if (
    port === undefined ||
    appSecret === undefined ||
    verifyToken === undefined ||
    accessToken === undefined ||
    phoneNumberId === undefined ||
    graphApiBase === undefined ||
    sendRate === undefined
  ) {
    return check.result<ServeConfig>(undefined);
  }
  return check.result({
    port,
    ...(host ? { host } : {}),
    appSecret,
    verifyToken,
    accessToken,
    phoneNumberId,
    graphApiBase,
    ...(adminToken ? { adminToken } : {}),
    sendRate,
    ...(forwardSecret ? { forwardSecret } : {}),
  });
}

/** Collects every problem at once, so the operator fixes them in one go. Never quotes a secret. */
class Checker {
  private readonly problems: string[];
  private readonly warnings: string[];

  constructor(
    private readonly settings: Settings,
    private readonly language: UiLanguage,
  ) {
    this.problems = [...settings.problems];
    this.warnings = [...settings.warnings];
  }

  problem(key: RuntimeMessageKey, params?: Record<string, string | number>): void {
    this.problems.push(runtimeText(this.language, key, params));
  }

  warn(key: RuntimeMessageKey, params?: Record<string, string | number>): void {
    this.warnings.push(runtimeText(this.language, key, params));
  }

  result<T>(config: T | undefined): Checked<T> {
    return config !== undefined && this.problems.length === 0
      ? { ok: true, config, warnings: this.warnings }
      : { ok: false, problems: this.problems, warnings: this.warnings };
  }

  secret(name: string, hintKey: RuntimeMessageKey): string | undefined {
    const value = this.settings.values[name];
    const hint = runtimeText(this.language, hintKey);
    if (value === undefined) return void this.problem('missing', { name, hint });
    if (value.trim() === '') return void this.problem('blank', { name, hint });
    if (/\s/.test(value)) return void this.problem('has-whitespace', { name });
    return value;
  }

  optionalSecret(name: string): string | undefined {
    const value = this.settings.values[name];
    if (value === undefined || value.trim() === '') return undefined;
    if (/\s/.test(value)) return void this.problem('has-whitespace', { name });
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number | undefined {
    const raw = this.settings.values[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      return void this.problem('not-integer', { name, min, max, value: raw });
    }
    return value;
  }

  /**
   * The most AMANA_SEND_RATE may say: 1,000 messages per second, the most WhatsApp allows one
   * business number. AMANA_TEST_UNLIMITED_SEND_RATE=1 lifts it, with a warning, so that a benchmark
   * measures the bot rather than the limit (bench/instances.bench.ts).
   */
  sendRateCeiling(): number {
    if (this.settings.values['AMANA_TEST_UNLIMITED_SEND_RATE']?.trim() !== '1') return 1000;
    this.warn('send-rate-unlimited');
    return 1_000_000;
  }

  path(value: string): string {
    return isAbsolute(value) ? value : join(this.settings.baseDir, value);
  }

  /** DATABASE_URL, when set, must be a postgres:// (or postgresql://) address. */
  databaseUrl(): string | undefined {
    const raw = this.settings.values['DATABASE_URL']?.trim();
    if (!raw) return undefined;
    try {
      const url = new URL(raw);
      if ((url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '') return raw;
    } catch {
      // Reported below.
    }
    return void this.problem('bad-database-url');
  }

  graphApiBase(): string | undefined {
    const raw = (this.settings.values['GRAPH_API_BASE'] ?? defaultGraphApiBase).trim();
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return void this.problem('bad-url');
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
      return void this.problem('bad-url');
    }
    if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      return void this.problem('http-not-local');
    }
    return url.href.replace(/\/+$/, '');
  }

  dataKey(): Buffer | undefined {
    const inline = this.settings.values['AMANA_DATA_KEY'];
    const file = this.settings.values['AMANA_DATA_KEY_FILE'];
    const hint = runtimeText(this.language, 'hint-data-key');
    if (inline !== undefined && inline.trim() !== '' && file !== undefined && file.trim() !== '') {
      return void this.problem('data-key-both');
    }
    if (file !== undefined && file.trim() !== '') {
      const path = this.path(file.trim());
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
        if ((statSync(path).mode & 0o077) !== 0) this.warn('data-key-file-open', { file: path });
      } catch (error) {
        return void this.problem('data-key-file-unreadable', { file: path, reason: errorCode(error) });
      }
      return this.decodeKey('AMANA_DATA_KEY_FILE', text.trim());
    }
    if (inline === undefined) return void this.problem('missing', { name: 'AMANA_DATA_KEY', hint });
    if (inline.trim() === '') return void this.problem('blank', { name: 'AMANA_DATA_KEY', hint });
    return this.decodeKey('AMANA_DATA_KEY', inline.trim());
  }

  newKey(file: string | undefined): Buffer | undefined {
    const inline = this.settings.values['AMANA_DATA_KEY_NEW'];
    if (file !== undefined) {
      if (inline !== undefined && inline.trim() !== '') return void this.problem('new-key-both');
      const path = this.path(file);
      try {
        return this.decodeKey('--new-key-file', readFileSync(path, 'utf8').trim());
      } catch (error) {
        return void this.problem('new-key-file-unreadable', { file: path, reason: errorCode(error) });
      }
    }
    if (inline === undefined || inline.trim() === '') return void this.problem('new-key-missing');
    return this.decodeKey('AMANA_DATA_KEY_NEW', inline.trim());
  }

  private decodeKey(name: string, text: string): Buffer | undefined {
    // Strict base64: Buffer.from ignores stray characters, so decode, re-encode and compare.
    const bytes = Buffer.from(text, 'base64');
    const canonical = (value: string) => value.replace(/=+$/, '');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || canonical(bytes.toString('base64')) !== canonical(text)) {
      return void this.problem('data-key-not-base64', { name });
    }
    if (bytes.length !== 32) return void this.problem('data-key-length', { name, bytes: bytes.length });
    return bytes;
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}
