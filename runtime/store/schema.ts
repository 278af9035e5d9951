/**
 * The SQLite schema, version 2 (2 added the agent desk's tables; every statement is written to
 * run again on a database of an earlier version, which is how it migrates), then the numbered
 * steps of {@link schemaSteps}. Personal values only ever appear as sealed blobs (AES-256-GCM
 * under the person's data key); phone numbers and WhatsApp message ids only as keyed hashes.
 * Deleting a `persons` row deletes, by cascade, everything sealed under that person's key.
 */
export const baseSchemaVersion = 2;

export const schema = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value BLOB NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS persons (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phone_hash BLOB NOT NULL UNIQUE,
  wrapped_key BLOB NOT NULL,
  phone_sealed BLOB NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

-- Processed rows keep only their dedupe hash (Meta redelivers for up to 7 days), with no payload and no person.
CREATE TABLE IF NOT EXISTS inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_hash BLOB NOT NULL UNIQUE,
  person_id INTEGER REFERENCES persons(id) ON DELETE SET NULL,
  payload BLOB,
  received_at INTEGER NOT NULL,
  processed_at INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS inbox_pending ON inbox(id) WHERE processed_at IS NULL;
CREATE INDEX IF NOT EXISTS inbox_person ON inbox(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS inbox_processed ON inbox(processed_at) WHERE processed_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS fields (
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value BLOB NOT NULL,
  collected_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (person_id, key)
) STRICT;
CREATE INDEX IF NOT EXISTS fields_expiry ON fields(expires_at);

CREATE TABLE IF NOT EXISTS conversations (
  person_id INTEGER PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
  state BLOB NOT NULL,
  updated_at INTEGER NOT NULL,
  values_expire_at INTEGER,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS conversations_expiry ON conversations(expires_at);

CREATE TABLE IF NOT EXISTS consent_ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subject BLOB NOT NULL,
  event TEXT NOT NULL CHECK (event IN ('granted', 'declined', 'erased', 'opted-out', 'opted-in')),
  purposes TEXT NOT NULL,
  node_id TEXT,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS consent_ledger_subject ON consent_ledger(subject);
-- The ledger is evidence (GDPR art. 7(1), LGPD art. 8 §2): nothing may rewrite or remove it.
CREATE TRIGGER IF NOT EXISTS consent_ledger_no_update BEFORE UPDATE ON consent_ledger
BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;
CREATE TRIGGER IF NOT EXISTS consent_ledger_no_delete BEFORE DELETE ON consent_ledger
BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;

CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'forward')),
  payload BLOB NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  last_error TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS outbox_person ON outbox(person_id, id);

-- What gave up sending, for the operator: no person, no payload.
CREATE TABLE IF NOT EXISTS failed_sends (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  error TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS statuses (
  message_hash BLOB NOT NULL,
  status TEXT NOT NULL,
  at INTEGER NOT NULL,
  error_code INTEGER,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS statuses_message ON statuses(message_hash);
CREATE INDEX IF NOT EXISTS statuses_recorded ON statuses(recorded_at);

-- \`ref\` is the handoff's public id in the admin API and in forwards: random, so not guessable.
CREATE TABLE IF NOT EXISTS handoffs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ref TEXT NOT NULL UNIQUE,
  person_id INTEGER NOT NULL UNIQUE REFERENCES persons(id) ON DELETE CASCADE,
  queue TEXT NOT NULL,
  node_id TEXT NOT NULL,
  shared BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS handoffs_expiry ON handoffs(expires_at);

CREATE TABLE IF NOT EXISTS handoff_messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  handoff_id INTEGER NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
  author TEXT NOT NULL CHECK (author IN ('customer', 'agent')),
  payload BLOB NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS handoff_messages_handoff ON handoff_messages(handoff_id);

-- The agent desk (version 2). Accounts are disabled, never deleted, so the access log keeps its names.
CREATE TABLE IF NOT EXISTS agents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor')),
  queues TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  totp_sealed BLOB,
  totp_last_step INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS agent_recovery_codes (
  agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  code_hash BLOB NOT NULL,
  PRIMARY KEY (agent_id, code_hash)
) STRICT;

CREATE TABLE IF NOT EXISTS desk_sessions (
  token_hash BLOB PRIMARY KEY,
  agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  stage TEXT NOT NULL CHECK (stage IN ('second-factor', 'enrol', 'signed-in')),
  csrf TEXT NOT NULL,
  pending_totp BLOB,
  address TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS desk_sessions_agent ON desk_sessions(agent_id);

-- An agent's replies from the desk, for their delivery status: the outbox row while it is sent, then the
-- keyed hash of the id WhatsApp gave it (its statuses are kept under it). Gone with the handoff.
CREATE TABLE IF NOT EXISTS desk_replies (
  outbox_id INTEGER PRIMARY KEY,
  handoff_id INTEGER NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
  message_hash BLOB
) STRICT;
CREATE INDEX IF NOT EXISTS desk_replies_handoff ON desk_replies(handoff_id);

-- Keyed hashes of the account or address a sign-in failed for: the rate limit, shared by instances.
CREATE TABLE IF NOT EXISTS sign_in_failures (
  key_hash BLOB NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS sign_in_failures_key ON sign_in_failures(key_hash, at);

-- Who saw or did what, when, from where: handoff refs and short subject references, never a value.
CREATE TABLE IF NOT EXISTS access_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  agent_id INTEGER,
  agent_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  address TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused'))
) STRICT;
CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
`;

/**
 * What changed after version 2, as numbered steps applied in order at start, each once: a step
 * runs on a database whose recorded version is below its own, in the transaction that records the
 * new version. Never edit a step that has shipped: append one (and the same change to the
 * PostgreSQL migrations, ./postgres/migrations.ts).
 */
export const schemaSteps: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 3,
    name: 'consent ledger: flow version and purpose wording',
    // The flow.json hash the answer was given in, and per purpose the hash of its wording (JSON).
    sql: `
ALTER TABLE consent_ledger ADD COLUMN flow_version TEXT;
ALTER TABLE consent_ledger ADD COLUMN purpose_hashes TEXT;
`,
  },
  {
    version: 4,
    name: 'erasure journal and key ids',
    sql: `
-- Which master key wraps the person's key, by key id, once \`rotate-key\` has re-wrapped it (NULL:
-- the active master key, which is every row's outside a rotation).
ALTER TABLE persons ADD COLUMN key_id TEXT;

-- Every erasure, so a restored backup forgets again who was erased after it was taken: the keyed
-- phone hash and the time, nothing else.
CREATE TABLE erasure_journal (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subject BLOB NOT NULL,
  at INTEGER NOT NULL,
  UNIQUE (subject, at)
) STRICT;
CREATE TRIGGER erasure_journal_no_update BEFORE UPDATE ON erasure_journal
BEGIN SELECT RAISE(ABORT, 'the erasure journal is append-only'); END;
CREATE TRIGGER erasure_journal_no_delete BEFORE DELETE ON erasure_journal
BEGIN SELECT RAISE(ABORT, 'the erasure journal is append-only'); END;
`,
  },
  {
    version: 5,
    name: 'stats counters',
    // Aggregate counters of `node server.js stats` (runtime/stats/): per UTC day, per step or consent
    // purpose, how many conversations did something. No person, no hash, no value, no time finer than
    // a day, no row id; counts under 5 are suppressed when shown.
    sql: `
CREATE TABLE stats_counts (
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  scope TEXT NOT NULL CHECK (scope IN ('step', 'purpose')),
  item TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('reached', 'left', 'ended', 'handed-off', 'opted-out', 'granted', 'declined')),
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (day, scope, item, metric)
) STRICT, WITHOUT ROWID;
`,
  },
  {
    version: 6,
    name: 'erasure reaches recipients',
    sql: `
-- What a recipient with an erase route returned for a person (e.g. the CRM's lead id), sealed for the person
-- and gone with them; \`digest\` is a keyed hash under the person's key, telling records apart unopened.
CREATE TABLE recipient_refs (
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  recipient TEXT NOT NULL,
  digest BLOB NOT NULL,
  refs BLOB NOT NULL,
  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
  at INTEGER NOT NULL,
  PRIMARY KEY (person_id, recipient, digest)
) STRICT;

-- The calls an erasure asks of recipients, until each is settled: no person (they are erased), the call
-- sealed under the erase-request key, deleted once done or given up.
CREATE TABLE erase_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subject BLOB NOT NULL,
  recipient TEXT NOT NULL,
  request BLOB NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  last_error TEXT
) STRICT;
CREATE INDEX erase_requests_due ON erase_requests(next_attempt_at);

-- Evidence that recipients were told (GDPR art. 19, LGPD art. 18 §6): keyed subject hash, recipient id, outcome.
CREATE TABLE recipient_erasures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subject BLOB NOT NULL,
  recipient TEXT NOT NULL,
  event TEXT NOT NULL CHECK (event IN ('requested', 'done', 'failed')),
  attempts INTEGER,
  status INTEGER,
  detail TEXT,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX recipient_erasures_subject ON recipient_erasures(subject);
CREATE TRIGGER recipient_erasures_no_update BEFORE UPDATE ON recipient_erasures
BEGIN SELECT RAISE(ABORT, 'the recipients'' erasure ledger is append-only'); END;
CREATE TRIGGER recipient_erasures_no_delete BEFORE DELETE ON recipient_erasures
BEGIN SELECT RAISE(ABORT, 'the recipients'' erasure ledger is append-only'); END;
`,
  },
];

export const schemaVersion = Math.max(baseSchemaVersion, ...schemaSteps.map((step) => step.version));
