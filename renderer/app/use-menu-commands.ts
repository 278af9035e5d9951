import { useEffect } from 'react';
import { amana } from '../bridge/amana.ts';
import { runMenuCommand } from '../commands/run-menu-command.ts';

/** Listens to the desktop menu for as long as the studio is shown (the browser edition sends nothing). */
export function useMenuCommands(): void {
  useEffect(() => amana().onMenuCommand((command) => void runMenuCommand(command)), []);
}
