import { randomBytes } from 'node:crypto';
import { agentCommand } from './commands/agent.ts';
import { backupCommand, replayErasuresCommand, restoreCommand, saveErasuresCommand } from './commands/backup.ts';
import { rotateKeyCommand } from './commands/rotate-key.ts';
import { eraseCommand, exportSubjectCommand, purgeCommand } from './commands/subject.ts';
import { line, type RuntimeIo } from './commands/context.ts';
import { serve } from './commands/serve.ts';
import { simulateCommand } from './commands/simulate.ts';
import { statsCommand } from './commands/stats.ts';
import { loadBundle } from './bundle.ts';
import { adminOpenApi } from './handoff/openapi.ts';
import { runtimeText } from './messages.ts';

/**
 * `node server.js <command>`. Resolves to an exit code, or undefined while `serve` keeps running.
 */
export async function main(argv: string[], io: RuntimeIo): Promise<number | undefined> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      return serve(io);
    case 'simulate':
      return simulateCommand(io, args);
    case 'purge':
      return purgeCommand(io);
    case 'erase':
      return eraseCommand(io, args);
    case 'export-subject':
      return exportSubjectCommand(io, args);
    case 'backup':
      return backupCommand(io, args);
    case 'restore':
      return restoreCommand(io, args);
    case 'save-erasures':
      return saveErasuresCommand(io, args);
    case 'replay-erasures':
      return replayErasuresCommand(io, args);
    case 'rotate-key':
      return rotateKeyCommand(io, args);
    case 'agent':
      return agentCommand(io, args);
    case 'stats':
      return statsCommand(io, args);
    case 'openapi': {
      const bundle = loadBundle(io.baseDir, io.language);
      if (!bundle.ok) {
        for (const problem of bundle.problems) line(io.stderr, problem);
        return 2;
      }
      line(io.stdout, JSON.stringify(adminOpenApi(bundle.flow), null, 2));
      return 0;
    }
    case 'keygen':
      line(io.stdout, randomBytes(32).toString('base64'));
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      line(command === undefined ? io.stderr : io.stdout, runtimeText(io.language, 'usage'));
      return command === undefined ? 2 : 0;
    default:
      line(io.stderr, runtimeText(io.language, 'unknown-command', { name: command }));
      line(io.stderr, runtimeText(io.language, 'usage'));
      return 2;
  }
}
