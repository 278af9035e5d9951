import { listOf } from '../../flows/i18n/index.ts';
import { addAgent, disableAgent, flowQueues, resetPassword } from '../desk/accounts.ts';
import { deskText } from '../desk/texts.ts';
import { line, openBundle, type Opened, type RuntimeIo } from './context.ts';

/**
 * `node server.js agent add|list|disable|reset-password`: the accounts of the agent desk
 * (`/desk/`). Passwords are made here and shown once; the store keeps only their scrypt hash.
 */
export async function agentCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'add' && action !== 'list' && action !== 'disable' && action !== 'reset-password') {
    const opened = await openBundle(io);
    if (typeof opened === 'number') return opened;
    await opened.store.close();
    line(action === undefined || action === 'help' ? io.stdout : io.stderr, usage(io, opened));
    return action === 'help' ? 0 : 2;
  }
  const options = parseOptions(rest);
  if (options.unknown !== undefined) {
    line(io.stderr, deskText(io.language, 'agent-unknown-option', { option: options.unknown }));
    return 2;
  }
  if (action !== 'list' && options.name === undefined) {
    line(io.stderr, deskText(io.language, 'agent-missing-name'));
    return 2;
  }
  const opened = await openBundle(io);
  if (typeof opened === 'number') return opened;
  try {
    return await run(io, opened, action, options);
  } finally {
    await opened.store.close();
  }
}

interface Options {
  name?: string;
  role?: string;
  queues: string[];
  /** The first argument that is not one of the options above. */
  unknown?: string;
}

async function run(
  io: RuntimeIo,
  opened: Opened,
  action: 'add' | 'list' | 'disable' | 'reset-password',
  options: Options,
): Promise<number> {
  const { store, flow, clock } = opened;
  const say = (key: Parameters<typeof deskText>[1], params = {}) => line(io.stdout, deskText(io.language, key, params));
  const complain = (key: Parameters<typeof deskText>[1], params = {}) =>
    line(io.stderr, deskText(io.language, key, params));
  const queues = queueList(io, opened);
  if (action === 'list') {
    const agents = await store.desk.agents();
    if (agents.length === 0) say('agent-none');
    for (const agent of agents) {
      const state = agent.disabled
        ? 'agent-state-disabled'
        : agent.totpSealed
          ? 'agent-state-active'
          : 'agent-state-enrol';
      say('agent-row', {
        name: agent.name,
        role: agent.role,
        queues: agent.role === 'supervisor' ? deskText(io.language, 'agent-every-queue') : agent.queues.join(', '),
        state: deskText(io.language, state),
      });
    }
    return 0;
  }
  const name = options.name ?? '';
  if (action === 'add') {
    if (options.role !== 'agent' && options.role !== 'supervisor') {
      complain('agent-bad-role');
      return 2;
    }
    const added = await addAgent(store.desk, flow, { name, role: options.role, queues: options.queues }, clock());
    if (!added.ok) {
      if (added.problem === 'unknown-queue') complain('agent-unknown-queue', { queue: added.queue, queues });
      else if (added.problem === 'needs-queue') complain('agent-needs-queue', { queues });
      else if (added.problem === 'name-taken') complain('agent-name-taken', { name });
      else complain('agent-bad-name');
      return 2;
    }
    say('agent-added', { name: added.agent.name, role: added.agent.role, password: added.password });
    return 0;
  }
  const agent = await store.desk.agentByName(name);
  if (!agent) {
    complain('agent-not-found', { name });
    return 2;
  }
  if (action === 'disable') {
    await disableAgent(store.desk, agent);
    say('agent-disabled', { name: agent.name });
    return 0;
  }
  const password = await resetPassword(store.desk, agent);
  say('agent-password-reset', { name: agent.name, password });
  return 0;
}

function usage(io: RuntimeIo, opened: Opened): string {
  return deskText(io.language, 'agent-usage', { queues: queueList(io, opened) });
}

function queueList(io: RuntimeIo, opened: Opened): string {
  const queues = flowQueues(opened.flow);
  return queues.length > 0 ? listOf(io.language, queues) : deskText(io.language, 'agent-no-queues');
}

/** `--name Ana`, `--name=Ana`, `--role agent`, `--queue a --queue b` or `--queue a,b`. */
function parseOptions(args: string[]): Options {
  const options: Options = { queues: [] };
  for (let at = 0; at < args.length; at += 1) {
    const arg = args[at] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (flag !== '--name' && flag !== '--role' && flag !== '--queue' && flag !== '--queues') {
      options.unknown ??= arg;
      continue;
    }
    const value = inline ?? args[(at += inline === undefined ? 1 : 0)];
    if (value === undefined) break;
    if (flag === '--name') options.name = value;
    else if (flag === '--role') options.role = value;
    else if (flag === '--queue' || flag === '--queues')
      options.queues.push(
        ...value
          .split(',')
          .map((queue) => queue.trim())
          .filter(Boolean),
      );
  }
  return options;
}
