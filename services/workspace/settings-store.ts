import type Database from 'better-sqlite3';
import { z } from 'zod';
import { uiLanguages, type UiLanguage } from '../../flows/i18n/index.ts';
import type { RecentFile, Settings } from '../../shared/api.ts';
import { maxRecentFiles } from '../../shared/limits.ts';

const languageValue = z.enum(uiLanguages);
const recentFilesValue = z.array(z.strictObject({ path: z.string(), name: z.string(), openedAt: z.string() }));

/**
 * The designer's settings, one JSON value per key. A value that does not read back (written by
 * hand, or by another version) falls back to the default instead of breaking the studio.
 */
export function createSettingsStore(db: Database.Database, defaultLanguage: UiLanguage) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  function read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const row = select.get(key);
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  function write(key: string, value: unknown): void {
    upsert.run(key, JSON.stringify(value));
  }

  return {
    get(): Settings {
      return {
        language: read('language', languageValue, defaultLanguage),
        recentFiles: read('recentFiles', recentFilesValue, []),
        overviewMap: read('overviewMap', z.boolean(), true),
      };
    },
    setLanguage(language: UiLanguage): void {
      write('language', language);
    },
    setOverviewMap(shown: boolean): void {
      write('overviewMap', shown);
    },
    /** Puts a file at the top of the recent list (once), keeping the newest few. */
    rememberFile(file: RecentFile): void {
      const others = read('recentFiles', recentFilesValue, []).filter((recent) => recent.path !== file.path);
      write('recentFiles', [file, ...others].slice(0, maxRecentFiles));
    },
    forgetFile(path: string): void {
      write(
        'recentFiles',
        read('recentFiles', recentFilesValue, []).filter((recent) => recent.path !== path),
      );
    },
  };
}
