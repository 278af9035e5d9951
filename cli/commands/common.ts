import type { Catalogue } from '../../flows/i18n/index.ts';
import { writeLine, type Command, type CommandContext } from '../io.ts';
import { cliText } from '../messages.ts';

/** A command's `--help` texts, from its own catalogue. */
export function helpOf(messages: Catalogue<'summary' | 'usage'>): Pick<Command, 'summary' | 'usage'> {
  return {
    summary: { en: messages.en.summary, 'pt-BR': messages['pt-BR'].summary, ar: messages.ar.summary },
    usage: { en: messages.en.usage, 'pt-BR': messages['pt-BR'].usage, ar: messages.ar.usage },
  };
}

/** Says an option is not one of the command's; the exit code of a usage mistake. */
export function unknownOption(context: CommandContext, command: string, option: string): number {
  writeLine(context.stderr, cliText(context.language, 'unknown-option', { option, command }));
  return 2;
}

/** Says the command needs flow files, then its usage; the exit code of a usage mistake. */
export function missingFiles(context: CommandContext, command: string, usage: string): number {
  writeLine(context.stderr, cliText(context.language, 'missing-files', { command }));
  writeLine(context.stderr, usage);
  return 2;
}
