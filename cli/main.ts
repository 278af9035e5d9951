import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closestUiLanguage, isUiLanguage, type UiLanguage } from '../flows/i18n/index.ts';
import { commands } from './commands/index.ts';
import { writeLine, type CliIo } from './io.ts';
import { cliText } from './messages.ts';
import { packageRoot } from './package-root.ts';

/** The version in package.json, read once. */
export function amanaVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest
    ? String(manifest.version)
    : '0.0.0';
}

/**
 * Runs `amana <command> [args]` and resolves to the exit code. Global options: --lang, --help,
 * --version. The interface language comes from --lang, else AMANA_LANG, else LANG.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const args = [...argv];
  let language: UiLanguage = closestUiLanguage(io.env['AMANA_LANG'] ?? io.env['LANG']);
  let requestedLanguage: string | undefined;
  const langAt = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (langAt >= 0) {
    const arg = args[langAt] ?? '';
    const value = arg.includes('=') ? arg.slice('--lang='.length) : args[langAt + 1];
    args.splice(langAt, arg.includes('=') ? 1 : 2);
    const anyTag = commands.find((candidate) => candidate.name === args[0])?.takesAnyLanguage === true;
    if (!value || !(isUiLanguage(value) || (anyTag && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value)))) {
      writeLine(io.stderr, cliText(language, 'bad-lang'));
      return 2;
    }
    language = isUiLanguage(value) ? value : closestUiLanguage(value);
    requestedLanguage = value;
  }

  if (args[0] === '--version' || args[0] === '-v') {
    writeLine(io.stdout, amanaVersion());
    return 0;
  }
  const name = args[0];
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeLine(io.stdout, helpText(language));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    writeLine(io.stderr, cliText(language, 'unknown-command', { name }));
    return 2;
  }
  const rest = args.slice(1);
  if (rest.includes('--help') || rest.includes('-h')) {
    writeLine(io.stdout, command.usage[language]);
    return 0;
  }
  return command.run(rest, { ...io, language, ...(requestedLanguage ? { requestedLanguage } : {}) });
}

function helpText(language: UiLanguage): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary[language]}`);
  return [cliText(language, 'usage'), ...lines, '', cliText(language, 'options')].join('\n');
}
