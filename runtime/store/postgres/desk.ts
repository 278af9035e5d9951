import {
  nameKey,
  toAccessRecord,
  toAgent,
  toDeskSession,
  toReplyStatus,
  type AccessColumns,
  type AgentColumns,
  type ReplyColumns,
  type SessionColumns,
} from '../desk-rows.ts';
import type {
  AccessEntry,
  AccessRecord,
  AgentChange,
  AgentRow,
  DeskSession,
  DeskStore,
  NewAgent,
  ReplyStatus,
} from '../desk-store.ts';
import { transaction, type Pool } from './connect.ts';

/** The agent desk's tables on PostgreSQL (see ../desk-store.ts), shared by every instance. */
export class PostgresDesk implements DeskStore {
  constructor(private readonly sql: Pool) {}

  async addAgent(agent: NewAgent): Promise<AgentRow | undefined> {
    const [row] = await this.sql<AgentColumns[]>`
      INSERT INTO agents (name, name_key, role, queues, password_hash, created_at)
      VALUES (${agent.name}, ${nameKey(agent.name)}, ${agent.role}, ${JSON.stringify(agent.queues)},
              ${agent.passwordHash}, ${agent.createdAt})
      ON CONFLICT (name_key) DO NOTHING RETURNING *`;
    return row ? toAgent(row) : undefined;
  }

  async agents(): Promise<AgentRow[]> {
    return (await this.sql<AgentColumns[]>`SELECT * FROM agents ORDER BY id`).map(toAgent);
  }

  async agentById(id: number): Promise<AgentRow | undefined> {
    const [row] = await this.sql<AgentColumns[]>`SELECT * FROM agents WHERE id = ${id}`;
    return row ? toAgent(row) : undefined;
  }

  async agentByName(name: string): Promise<AgentRow | undefined> {
    const [row] = await this.sql<AgentColumns[]>`SELECT * FROM agents WHERE name_key = ${nameKey(name)}`;
    return row ? toAgent(row) : undefined;
  }

  async updateAgent(id: number, change: AgentChange): Promise<boolean> {
    const [row] = await this.sql<{ id: number }[]>`
      UPDATE agents SET
        password_hash = COALESCE(${change.passwordHash ?? null}, password_hash),
        totp_sealed = CASE WHEN ${change.totpSealed !== undefined} THEN ${change.totpSealed ?? null}::bytea ELSE totp_sealed END,
        totp_last_step = CASE WHEN ${change.totpSealed !== undefined} THEN 0 ELSE totp_last_step END,
        disabled = COALESCE(${change.disabled ?? null}::boolean, disabled)
      WHERE id = ${id} RETURNING id`;
    return row !== undefined;
  }

  async useTotpStep(agentId: number, step: number): Promise<boolean> {
    const result = await this.sql`
      UPDATE agents SET totp_last_step = ${step} WHERE id = ${agentId} AND totp_last_step < ${step}`;
    return result.count > 0;
  }

  async setRecoveryCodes(agentId: number, hashes: Buffer[]): Promise<void> {
    await transaction(this.sql, async (tx) => {
      await tx`DELETE FROM agent_recovery_codes WHERE agent_id = ${agentId}`;
      for (const hash of hashes)
        await tx`INSERT INTO agent_recovery_codes (agent_id, code_hash) VALUES (${agentId}, ${hash})`;
    });
  }

  async useRecoveryCode(agentId: number, hash: Buffer): Promise<boolean> {
    const result = await this.sql`DELETE FROM agent_recovery_codes WHERE agent_id = ${agentId} AND code_hash = ${hash}`;
    return result.count > 0;
  }

  async recoveryCodesLeft(agentId: number): Promise<number> {
    const [row] = await this.sql<{ n: number }[]>`
      SELECT COUNT(*)::bigint AS n FROM agent_recovery_codes WHERE agent_id = ${agentId}`;
    return row?.n ?? 0;
  }

  async createSession(session: DeskSession): Promise<void> {
    await this.sql`
      INSERT INTO desk_sessions (token_hash, agent_id, stage, csrf, pending_totp, address, created_at, last_seen_at)
      VALUES (${session.tokenHash}, ${session.agentId}, ${session.stage}, ${session.csrf},
              ${session.pendingTotp ?? null}, ${session.address}, ${session.createdAt}, ${session.lastSeenAt})`;
  }

  async session(tokenHash: Buffer): Promise<DeskSession | undefined> {
    const [row] = await this.sql<SessionColumns[]>`SELECT * FROM desk_sessions WHERE token_hash = ${tokenHash}`;
    return row ? toDeskSession(row) : undefined;
  }

  async touchSession(tokenHash: Buffer, at: number): Promise<void> {
    await this.sql`UPDATE desk_sessions SET last_seen_at = ${at} WHERE token_hash = ${tokenHash}`;
  }

  async endSession(tokenHash: Buffer): Promise<void> {
    await this.sql`DELETE FROM desk_sessions WHERE token_hash = ${tokenHash}`;
  }

  async endSessionsOf(agentId: number): Promise<void> {
    await this.sql`DELETE FROM desk_sessions WHERE agent_id = ${agentId}`;
  }

  async endIdleSessions(before: number): Promise<number> {
    return (await this.sql`DELETE FROM desk_sessions WHERE last_seen_at < ${before}`).count;
  }

  async recordSignInFailure(keys: Buffer[], at: number, forgetBefore: number): Promise<void> {
    await transaction(this.sql, async (tx) => {
      await tx`DELETE FROM sign_in_failures WHERE at < ${forgetBefore}`;
      for (const key of keys) await tx`INSERT INTO sign_in_failures (key_hash, at) VALUES (${key}, ${at})`;
    });
  }

  async signInFailures(key: Buffer, since: number): Promise<{ count: number; oldest?: number }> {
    const [row] = await this.sql<{ n: number; oldest: number | null }[]>`
      SELECT COUNT(*)::bigint AS n, MIN(at) AS oldest FROM sign_in_failures WHERE key_hash = ${key} AND at >= ${since}`;
    return { count: row?.n ?? 0, ...(row?.oldest == null ? {} : { oldest: row.oldest }) };
  }

  async clearSignInFailures(key: Buffer): Promise<void> {
    await this.sql`DELETE FROM sign_in_failures WHERE key_hash = ${key}`;
  }

  async trackReply(handoffId: number, outboxId: number, at: number): Promise<void> {
    // The row may already be sent (another instance is quick): then its outbox row is gone.
    await this.sql`
      INSERT INTO desk_replies (outbox_id, handoff_id, at, state)
      SELECT ${outboxId}, ${handoffId}, ${at},
             CASE WHEN EXISTS (SELECT 1 FROM outbox WHERE id = ${outboxId}) THEN 'sending' ELSE 'sent' END
      ON CONFLICT DO NOTHING`;
  }

  async replyStatuses(handoffId: number): Promise<ReplyStatus[]> {
    const rows = await this.sql<(ReplyColumns & { statuses: string[] | null })[]>`
      SELECT r.at, r.state, r.message_hash,
             (SELECT array_agg(s.status) FROM statuses s WHERE s.message_hash = r.message_hash) AS statuses
      FROM desk_replies r WHERE r.handoff_id = ${handoffId} ORDER BY r.outbox_id`;
    return rows.map((row) => toReplyStatus(row, row.statuses ?? []));
  }

  async appendAccess(entry: AccessEntry): Promise<void> {
    await this.sql`
      INSERT INTO access_log (at, agent_id, agent_name, action, target, address, outcome)
      VALUES (${entry.at}, ${entry.agentId ?? null}, ${entry.agentName}, ${entry.action}, ${entry.target ?? null},
              ${entry.address}, ${entry.outcome})`;
  }

  async accessLog(limit: number, beforeId?: number): Promise<AccessRecord[]> {
    const rows = await this.sql<AccessColumns[]>`
      SELECT * FROM access_log WHERE id < ${beforeId ?? Number.MAX_SAFE_INTEGER} ORDER BY id DESC LIMIT ${limit}`;
    return rows.map(toAccessRecord);
  }
}
