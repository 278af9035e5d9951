import type Database from 'better-sqlite3';
import type { GroupCommit } from '../group-commit.ts';
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

/** The agent desk's tables on SQLite (see ../desk-store.ts); writes go through the store's group commit. */
export class SqliteDesk implements DeskStore {
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly writes: GroupCommit,
  ) {
    this.statements = {
      insertAgent: db.prepare<[string, string, string, string, string, number]>(
        `INSERT INTO agents (name, name_key, role, queues, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (name_key) DO NOTHING`,
      ),
      allAgents: db.prepare<[], AgentColumns>('SELECT * FROM agents ORDER BY id'),
      agentById: db.prepare<[number], AgentColumns>('SELECT * FROM agents WHERE id = ?'),
      agentByName: db.prepare<[string], AgentColumns>('SELECT * FROM agents WHERE name_key = ?'),
      setPassword: db.prepare<[string, number]>('UPDATE agents SET password_hash = ? WHERE id = ?'),
      setTotp: db.prepare<[Buffer | null, number]>(
        'UPDATE agents SET totp_sealed = ?, totp_last_step = 0 WHERE id = ?',
      ),
      setDisabled: db.prepare<[number, number]>('UPDATE agents SET disabled = ? WHERE id = ?'),
      useStep: db.prepare<[number, number, number]>(
        'UPDATE agents SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?',
      ),
      clearCodes: db.prepare<[number]>('DELETE FROM agent_recovery_codes WHERE agent_id = ?'),
      insertCode: db.prepare<[number, Buffer]>('INSERT INTO agent_recovery_codes (agent_id, code_hash) VALUES (?, ?)'),
      useCode: db.prepare<[number, Buffer]>('DELETE FROM agent_recovery_codes WHERE agent_id = ? AND code_hash = ?'),
      countCodes: db.prepare<[number], { n: number }>(
        'SELECT COUNT(*) AS n FROM agent_recovery_codes WHERE agent_id = ?',
      ),
      insertSession: db.prepare<[Buffer, number, string, string, Buffer | null, string, number, number]>(
        `INSERT INTO desk_sessions (token_hash, agent_id, stage, csrf, pending_totp, address, created_at, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      session: db.prepare<[Buffer], SessionColumns>('SELECT * FROM desk_sessions WHERE token_hash = ?'),
      touch: db.prepare<[number, Buffer]>('UPDATE desk_sessions SET last_seen_at = ? WHERE token_hash = ?'),
      endSession: db.prepare<[Buffer]>('DELETE FROM desk_sessions WHERE token_hash = ?'),
      endSessionsOf: db.prepare<[number]>('DELETE FROM desk_sessions WHERE agent_id = ?'),
      endIdle: db.prepare<[number]>('DELETE FROM desk_sessions WHERE last_seen_at < ?'),
      insertFailure: db.prepare<[Buffer, number]>('INSERT INTO sign_in_failures (key_hash, at) VALUES (?, ?)'),
      forgetFailures: db.prepare<[number]>('DELETE FROM sign_in_failures WHERE at < ?'),
      failures: db.prepare<[Buffer, number], { n: number; oldest: number | null }>(
        'SELECT COUNT(*) AS n, MIN(at) AS oldest FROM sign_in_failures WHERE key_hash = ? AND at >= ?',
      ),
      clearFailures: db.prepare<[Buffer]>('DELETE FROM sign_in_failures WHERE key_hash = ?'),
      insertReply: db.prepare<[number, number, number]>(
        "INSERT INTO desk_replies (outbox_id, handoff_id, at, state) VALUES (?, ?, ?, 'sending') ON CONFLICT DO NOTHING",
      ),
      // The row may already be sent (the sender is quick): then its outbox row is gone.
      markSentIfGone: db.prepare<[number]>(
        "UPDATE desk_replies SET state = 'sent' WHERE outbox_id = ? AND state = 'sending' AND NOT EXISTS (SELECT 1 FROM outbox WHERE id = desk_replies.outbox_id)",
      ),
      replies: db.prepare<[number], ReplyColumns>(
        'SELECT at, state, message_hash FROM desk_replies WHERE handoff_id = ? ORDER BY outbox_id',
      ),
      statusesOf: db.prepare<[Buffer], { status: string }>('SELECT status FROM statuses WHERE message_hash = ?'),
      insertAccess: db.prepare<[number, number | null, string, string, string | null, string, string]>(
        'INSERT INTO access_log (at, agent_id, agent_name, action, target, address, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      accessLog: db.prepare<[number, number], AccessColumns>(
        'SELECT * FROM access_log WHERE id < ? ORDER BY id DESC LIMIT ?',
      ),
    };
  }

  addAgent(agent: NewAgent): Promise<AgentRow | undefined> {
    const s = this.statements;
    return this.writes.run(() => {
      const result = s.insertAgent.run(
        agent.name,
        nameKey(agent.name),
        agent.role,
        JSON.stringify(agent.queues),
        agent.passwordHash,
        agent.createdAt,
      );
      if (result.changes === 0) return undefined;
      const row = s.agentById.get(Number(result.lastInsertRowid));
      return row ? toAgent(row) : undefined;
    });
  }

  async agents(): Promise<AgentRow[]> {
    return this.statements.allAgents.all().map(toAgent);
  }

  async agentById(id: number): Promise<AgentRow | undefined> {
    const row = this.statements.agentById.get(id);
    return row ? toAgent(row) : undefined;
  }

  async agentByName(name: string): Promise<AgentRow | undefined> {
    const row = this.statements.agentByName.get(nameKey(name));
    return row ? toAgent(row) : undefined;
  }

  updateAgent(id: number, change: AgentChange): Promise<boolean> {
    const s = this.statements;
    return this.writes.run(() => {
      if (!s.agentById.get(id)) return false;
      if (change.passwordHash !== undefined) s.setPassword.run(change.passwordHash, id);
      if (change.totpSealed !== undefined) s.setTotp.run(change.totpSealed, id);
      if (change.disabled !== undefined) s.setDisabled.run(change.disabled ? 1 : 0, id);
      return true;
    });
  }

  useTotpStep(agentId: number, step: number): Promise<boolean> {
    return this.writes.run(() => this.statements.useStep.run(step, agentId, step).changes > 0);
  }

  setRecoveryCodes(agentId: number, hashes: Buffer[]): Promise<void> {
    const s = this.statements;
    return this.writes.run(() => {
      s.clearCodes.run(agentId);
      for (const hash of hashes) s.insertCode.run(agentId, hash);
    });
  }

  useRecoveryCode(agentId: number, hash: Buffer): Promise<boolean> {
    return this.writes.run(() => this.statements.useCode.run(agentId, hash).changes > 0);
  }

  async recoveryCodesLeft(agentId: number): Promise<number> {
    return this.statements.countCodes.get(agentId)?.n ?? 0;
  }

  createSession(session: DeskSession): Promise<void> {
    return this.writes.run(() => {
      this.statements.insertSession.run(
        session.tokenHash,
        session.agentId,
        session.stage,
        session.csrf,
        session.pendingTotp ?? null,
        session.address,
        session.createdAt,
        session.lastSeenAt,
      );
    });
  }

  async session(tokenHash: Buffer): Promise<DeskSession | undefined> {
    const row = this.statements.session.get(tokenHash);
    return row ? toDeskSession(row) : undefined;
  }

  touchSession(tokenHash: Buffer, at: number): Promise<void> {
    return this.writes.run(() => {
      this.statements.touch.run(at, tokenHash);
    });
  }

  endSession(tokenHash: Buffer): Promise<void> {
    return this.writes.run(() => {
      this.statements.endSession.run(tokenHash);
    });
  }

  endSessionsOf(agentId: number): Promise<void> {
    return this.writes.run(() => {
      this.statements.endSessionsOf.run(agentId);
    });
  }

  endIdleSessions(before: number): Promise<number> {
    return this.writes.run(() => this.statements.endIdle.run(before).changes);
  }

  recordSignInFailure(keys: Buffer[], at: number, forgetBefore: number): Promise<void> {
    const s = this.statements;
    return this.writes.run(() => {
      s.forgetFailures.run(forgetBefore);
      for (const key of keys) s.insertFailure.run(key, at);
    });
  }

  async signInFailures(key: Buffer, since: number): Promise<{ count: number; oldest?: number }> {
    const row = this.statements.failures.get(key, since);
    return { count: row?.n ?? 0, ...(row?.oldest == null ? {} : { oldest: row.oldest }) };
  }

  clearSignInFailures(key: Buffer): Promise<void> {
    return this.writes.run(() => {
      this.statements.clearFailures.run(key);
    });
  }

  trackReply(handoffId: number, outboxId: number, at: number): Promise<void> {
    return this.writes.run(() => {
      this.statements.insertReply.run(outboxId, handoffId, at);
      this.statements.markSentIfGone.run(outboxId);
    });
  }

  async replyStatuses(handoffId: number): Promise<ReplyStatus[]> {
    const s = this.statements;
    return s.replies
      .all(handoffId)
      .map((row) =>
        toReplyStatus(row, row.message_hash ? s.statusesOf.all(row.message_hash).map((r) => r.status) : []),
      );
  }

  appendAccess(entry: AccessEntry): Promise<void> {
    return this.writes.run(() => {
      this.statements.insertAccess.run(
        entry.at,
        entry.agentId ?? null,
        entry.agentName,
        entry.action,
        entry.target ?? null,
        entry.address,
        entry.outcome,
      );
    });
  }

  async accessLog(limit: number, beforeId?: number): Promise<AccessRecord[]> {
    return this.statements.accessLog.all(beforeId ?? Number.MAX_SAFE_INTEGER, limit).map(toAccessRecord);
  }
}
