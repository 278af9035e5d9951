import type { Readable, Writable } from 'node:stream';
import type { UiLanguage } from '../flows/i18n/index.ts';

/** What a command may touch of the outside world; tests pass their own streams. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface CommandContext extends CliIo {
  language: UiLanguage;
  /** The `--lang` tag as given, for commands with `takesAnyLanguage` (e.g. `es` for a Spanish conversation). */
  requestedLanguage?: string;
}

/** One `amana <name>` subcommand, in its own file under cli/commands/. */
export interface Command {
  name: string;
  /** One line for `amana --help`, per interface language. */
  summary: Record<UiLanguage, string>;
  /** Usage line(s) shown by `amana <name> --help`, per interface language. */
  usage: Record<UiLanguage, string>;
  /**
   * The command's `--lang` names a conversation language, which may be any language tag (`es`,
   * `ar-SA`), not only an interface language; messages then use the closest interface language.
   */
  takesAnyLanguage?: boolean;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[], context: CommandContext): Promise<number>;
}

/** Writes a line to a stream. */
export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}
