import type { Flow } from '../../flows/index.ts';
import type { AgentRole, AgentRow, DeskStore } from '../store/desk-store.ts';
import { hashPassword, newPassword } from './password.ts';

/** The handoff queues of the flow, in the order its steps name them. */
export function flowQueues(flow: Flow): string[] {
  return [...new Set(flow.nodes.flatMap((node) => (node.type === 'handoff' ? [node.queue] : [])))];
}

/** Whether the account may see a conversation of `queue`: supervisors every queue, agents their own. */
export function seesQueue(agent: Pick<AgentRow, 'role' | 'queues'>, queue: string): boolean {
  return agent.role === 'supervisor' || agent.queues.includes(queue);
}

export type AddAgentResult =
  | { ok: true; agent: AgentRow; password: string }
  | { ok: false; problem: 'bad-name' | 'needs-queue' | 'name-taken' }
  | { ok: false; problem: 'unknown-queue'; queue: string };

/** Adds an account with a one-time password (returned once, never stored as it is). */
export async function addAgent(
  store: DeskStore,
  flow: Flow,
  wanted: { name: string; role: AgentRole; queues: string[] },
  now: number,
): Promise<AddAgentResult> {
  const name = wanted.name.trim();
  if (name.length === 0 || [...name].length > 80 || /[\r\n\u2028\u2029]/.test(name))
    return { ok: false, problem: 'bad-name' };
  const known = flowQueues(flow);
  const queues = wanted.role === 'supervisor' ? [] : [...new Set(wanted.queues)];
  if (wanted.role === 'agent' && queues.length === 0) return { ok: false, problem: 'needs-queue' };
  const unknown = queues.find((queue) => !known.includes(queue));
  if (unknown !== undefined) return { ok: false, problem: 'unknown-queue', queue: unknown };
  const password = newPassword();
  const agent = await store.addAgent({
    name,
    role: wanted.role,
    queues,
    passwordHash: await hashPassword(password),
    createdAt: now,
  });
  return agent ? { ok: true, agent, password } : { ok: false, problem: 'name-taken' };
}

/**
 * A new one-time password for the account. Its sessions end, and its second factor and recovery
 * codes are dropped: a reset is what a person who lost their phone asks for, so they enrol again.
 */
export async function resetPassword(store: DeskStore, agent: AgentRow): Promise<string> {
  const password = newPassword();
  await store.updateAgent(agent.id, { passwordHash: await hashPassword(password), totpSealed: null });
  await store.setRecoveryCodes(agent.id, []);
  await store.endSessionsOf(agent.id);
  return password;
}

/** Disables the account and ends its sessions; it stays in the store so the access log keeps its name. */
export async function disableAgent(store: DeskStore, agent: AgentRow): Promise<void> {
  await store.updateAgent(agent.id, { disabled: true });
  await store.endSessionsOf(agent.id);
}
