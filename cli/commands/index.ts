import type { Command } from '../io.ts';
import { validateCommand } from './validate.ts';
import { checkCommand } from './check.ts';
import { simulateCommand } from './simulate.ts';
import { testCommand } from './test.ts';
import { exportCommand } from './export.ts';

/** Every `amana` subcommand; each lives in its own file beside this one. */
export const commands: readonly Command[] = [
  validateCommand,
  checkCommand,
  simulateCommand,
  testCommand,
  exportCommand,
];
