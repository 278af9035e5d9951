/**
 * The SQLite schema, version 1. Personal values only ever appear as sealed blobs (AES-256-GCM
 * under the person's data key); phone numbers and WhatsApp message ids only as keyed hashes.
 * Deleting a `persons` row deletes, by cascade, everything sealed under that person's key.
 */
export const schemaVersion = 1;

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
`;
