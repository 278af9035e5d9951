import type { Command } from '../io.ts';
import { validateCommand } from './validate.ts';

/** Every `amana` subcommand; each lives in its own file beside this one. */
export const commands: readonly Command[] = [validateCommand];
