import { transaction, type Pool } from './connect.ts';

/**
 * The PostgreSQL schema as numbered migrations, applied in order at start. Each runs once: the
 * applied numbers are kept in `schema_migrations`, and every instance migrates under one advisory
 * lock, so several starting at once migrate once. Never edit a migration that has shipped: add one.
 *
 * The tables match the SQLite schema (../schema.ts): personal values only ever as sealed blobs
 * (AES-256-GCM under the person's data key), phone numbers and message ids only as keyed hashes,
 * times as milliseconds since the epoch; deleting a `persons` row deletes by cascade everything
 * sealed under that person's key. Leases and claims use the database's clock, shared by every
 * instance.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'bot store',
    sql: `
CREATE TABLE meta (
  key text PRIMARY KEY,
  value bytea NOT NULL
);

CREATE TABLE persons (
  id bigserial PRIMARY KEY,
  phone_hash bytea NOT NULL UNIQUE,
  wrapped_key bytea NOT NULL,
  phone_sealed bytea NOT NULL,
  created_at bigint NOT NULL
);

-- Processed rows keep only their dedupe hash (Meta redelivers for up to 7 days), with no payload and no person.
CREATE TABLE inbox (
  id bigserial PRIMARY KEY,
  dedupe_hash bytea NOT NULL UNIQUE,
  person_id bigint REFERENCES persons(id) ON DELETE SET NULL,
  payload bytea,
  received_at bigint NOT NULL,
  processed_at bigint
);
CREATE INDEX inbox_pending ON inbox(id) WHERE processed_at IS NULL;
CREATE INDEX inbox_person ON inbox(person_id, id) WHERE person_id IS NOT NULL;
CREATE INDEX inbox_processed ON inbox(processed_at) WHERE processed_at IS NOT NULL;

-- Which instance works on a person's messages, until when (renewed while it lives).
CREATE TABLE inbox_leases (
  person_id bigint PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
  owner text NOT NULL,
  until timestamptz NOT NULL
);
CREATE INDEX inbox_leases_owner ON inbox_leases(owner);

CREATE TABLE fields (
  person_id bigint NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  key text NOT NULL,
  value bytea NOT NULL,
  collected_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  PRIMARY KEY (person_id, key)
);
CREATE INDEX fields_expiry ON fields(expires_at);

CREATE TABLE conversations (
  person_id bigint PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
  state bytea NOT NULL,
  updated_at bigint NOT NULL,
  values_expire_at bigint,
  expires_at bigint NOT NULL
);
CREATE INDEX conversations_expiry ON conversations(expires_at);

CREATE TABLE consent_ledger (
  id bigserial PRIMARY KEY,
  subject bytea NOT NULL,
  event text NOT NULL CHECK (event IN ('granted', 'declined', 'erased', 'opted-out', 'opted-in')),
  purposes text NOT NULL,
  node_id text,
  at bigint NOT NULL
);
CREATE INDEX consent_ledger_subject ON consent_ledger(subject);
-- The ledger is evidence (GDPR art. 7(1), LGPD art. 8 §2): nothing may rewrite or remove it.
CREATE FUNCTION consent_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the consent ledger is append-only';
END;
$$;
CREATE TRIGGER consent_ledger_no_update BEFORE UPDATE OR DELETE ON consent_ledger
  FOR EACH ROW EXECUTE FUNCTION consent_ledger_append_only();
CREATE TRIGGER consent_ledger_no_truncate BEFORE TRUNCATE ON consent_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION consent_ledger_append_only();

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('message', 'forward')),
  payload bytea NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint NOT NULL,
  created_at bigint NOT NULL,
  last_error text,
  -- The instance sending it now, until when: another sends it only after that.
  claimed_by text,
  claimed_until timestamptz
);
CREATE INDEX outbox_person ON outbox(person_id, id);

-- WhatsApp's throughput limit is per business number, so the instances share one token bucket per number.
CREATE TABLE send_buckets (
  phone_number text PRIMARY KEY,
  tokens double precision NOT NULL,
  refilled_at timestamptz NOT NULL
);

-- What gave up sending, for the operator: no person, no payload.
CREATE TABLE failed_sends (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  attempts integer NOT NULL,
  error text NOT NULL,
  at bigint NOT NULL
);

CREATE TABLE statuses (
  message_hash bytea NOT NULL,
  status text NOT NULL,
  at bigint NOT NULL,
  error_code integer,
  recorded_at bigint NOT NULL
);
CREATE INDEX statuses_message ON statuses(message_hash);
CREATE INDEX statuses_recorded ON statuses(recorded_at);

-- ref is the handoff's public id in the admin API and in forwards: random, so not guessable.
CREATE TABLE handoffs (
  id bigserial PRIMARY KEY,
  ref text NOT NULL UNIQUE,
  person_id bigint NOT NULL UNIQUE REFERENCES persons(id) ON DELETE CASCADE,
  queue text NOT NULL,
  node_id text NOT NULL,
  shared bytea NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX handoffs_expiry ON handoffs(expires_at);

CREATE TABLE handoff_messages (
  id bigserial PRIMARY KEY,
  handoff_id bigint NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
  author text NOT NULL CHECK (author IN ('customer', 'agent')),
  payload bytea NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX handoff_messages_handoff ON handoff_messages(handoff_id);
`,
  },
  {
    version: 2,
    name: 'agent desk',
    sql: `
-- Accounts are disabled, never deleted, so the access log keeps its names.
CREATE TABLE agents (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  name_key text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor')),
  queues text NOT NULL,
  password_hash text NOT NULL,
  totp_sealed bytea,
  totp_last_step bigint NOT NULL DEFAULT 0,
  disabled boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL
);

CREATE TABLE agent_recovery_codes (
  agent_id bigint NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  code_hash bytea NOT NULL,
  PRIMARY KEY (agent_id, code_hash)
);

CREATE TABLE desk_sessions (
  token_hash bytea PRIMARY KEY,
  agent_id bigint NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('second-factor', 'enrol', 'signed-in')),
  csrf text NOT NULL,
  pending_totp bytea,
  address text NOT NULL,
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL
);
CREATE INDEX desk_sessions_agent ON desk_sessions(agent_id);

-- An agent's replies from the desk, for their delivery status: the outbox row while it is sent, then the
-- keyed hash of the id WhatsApp gave it (its statuses are kept under it). Gone with the handoff.
CREATE TABLE desk_replies (
  outbox_id bigint PRIMARY KEY,
  handoff_id bigint NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
  at bigint NOT NULL,
  state text NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
  message_hash bytea
);
CREATE INDEX desk_replies_handoff ON desk_replies(handoff_id);

-- Keyed hashes of the account or address a sign-in failed for: the rate limit, shared by instances.
CREATE TABLE sign_in_failures (
  key_hash bytea NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures(key_hash, at);

-- Who saw or did what, when, from where: handoff refs and short subject references, never a value.
CREATE TABLE access_log (
  id bigserial PRIMARY KEY,
  at bigint NOT NULL,
  agent_id bigint,
  agent_name text NOT NULL,
  action text NOT NULL,
  target text,
  address text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'refused'))
);
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only';
END;
$$;
CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
`,
  },
  {
    version: 3,
    name: 'consent ledger: flow version and purpose wording',
    // The flow.json hash the answer was given in, and per purpose the hash of its wording (JSON).
    sql: `
ALTER TABLE consent_ledger ADD COLUMN flow_version text, ADD COLUMN purpose_hashes text;
`,
  },
  {
    version: 4,
    name: 'erasure journal and key ids',
    sql: `
-- Which master key wraps the person's key, by key id, once rotate-key has re-wrapped it (NULL:
-- the active master key, which is every row's outside a rotation).
ALTER TABLE persons ADD COLUMN key_id text;

-- Every erasure, so a restored backup forgets again who was erased after it was taken: the keyed
-- phone hash and the time, nothing else.
CREATE TABLE erasure_journal (
  id bigserial PRIMARY KEY,
  subject bytea NOT NULL,
  at bigint NOT NULL,
  UNIQUE (subject, at)
);
CREATE FUNCTION erasure_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the erasure journal is append-only';
END;
$$;
CREATE TRIGGER erasure_journal_no_update BEFORE UPDATE OR DELETE ON erasure_journal
  FOR EACH ROW EXECUTE FUNCTION erasure_journal_append_only();
CREATE TRIGGER erasure_journal_no_truncate BEFORE TRUNCATE ON erasure_journal
  FOR EACH STATEMENT EXECUTE FUNCTION erasure_journal_append_only();
`,
  },
  {
    version: 5,
    name: 'stats counters',
    sql: `
-- Aggregate counters of \`node server.js stats\` (runtime/stats/): per UTC day, per step or consent
-- purpose, how many conversations did something. No person, no hash, no value, no time finer than a
-- day; counts under 5 are suppressed when shown.
CREATE TABLE stats_counts (
  day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  scope text NOT NULL CHECK (scope IN ('step', 'purpose')),
  item text NOT NULL,
  metric text NOT NULL CHECK (metric IN ('reached', 'left', 'ended', 'handed-off', 'opted-out', 'granted', 'declined')),
  count bigint NOT NULL CHECK (count >= 0),
  PRIMARY KEY (day, scope, item, metric)
);
`,
  },
  {
    version: 6,
    name: 'erasure reaches recipients',
    sql: `
-- What a recipient with an erase route returned for a person (e.g. the CRM's lead id), sealed for the person and
-- gone with them; digest is a keyed hash under the person's key.
CREATE TABLE recipient_refs (
  person_id bigint NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  recipient text NOT NULL,
  digest bytea NOT NULL,
  refs bytea NOT NULL,
  complete boolean NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (person_id, recipient, digest)
);

-- The calls an erasure asks of recipients, until each is settled: no person (they are erased), the call sealed
-- under the erase-request key, deleted once done or given up. Claimed by moving next_attempt_at past a lease.
CREATE TABLE erase_requests (
  id bigserial PRIMARY KEY,
  subject bytea NOT NULL,
  recipient text NOT NULL,
  request bytea NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint NOT NULL,
  created_at bigint NOT NULL,
  last_error text
);
CREATE INDEX erase_requests_due ON erase_requests(next_attempt_at);

-- Evidence that recipients were told (GDPR art. 19, LGPD art. 18 §6): keyed subject hash, recipient id, outcome.
CREATE TABLE recipient_erasures (
  id bigserial PRIMARY KEY,
  subject bytea NOT NULL,
  recipient text NOT NULL,
  event text NOT NULL CHECK (event IN ('requested', 'done', 'failed')),
  attempts integer,
  status integer,
  detail text,
  at bigint NOT NULL
);
CREATE INDEX recipient_erasures_subject ON recipient_erasures(subject);
CREATE FUNCTION recipient_erasures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the recipients'' erasure ledger is append-only';
END;
$$;
CREATE TRIGGER recipient_erasures_no_update BEFORE UPDATE OR DELETE ON recipient_erasures
  FOR EACH ROW EXECUTE FUNCTION recipient_erasures_append_only();
CREATE TRIGGER recipient_erasures_no_truncate BEFORE TRUNCATE ON recipient_erasures
  FOR EACH STATEMENT EXECUTE FUNCTION recipient_erasures_append_only();
`,
  },
  {
    version: 7,
    name: 'turns sent in one round trip; counters in shards',
    sql: `
-- A turn's checks, as statements that fail instead of answering: a turn's statements, its COMMIT too, are
-- then sent together without waiting for each answer, and a failed check rolls the whole turn back.
CREATE FUNCTION amana_turn_holds(p_owner text, p_person bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- The lease stays locked until the turn commits: nobody takes the person over meanwhile.
  PERFORM 1 FROM inbox_leases WHERE person_id = p_person AND owner = p_owner FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'another instance holds this person' USING ERRCODE = 'AM001';
  END IF;
END;
$$;
CREATE FUNCTION amana_handoff_message(p_person bigint, p_author text, p_payload bytea, p_at bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO handoff_messages (handoff_id, author, payload, at)
    SELECT id, p_author, p_payload, p_at FROM handoffs WHERE person_id = p_person;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no open handoff for this person' USING ERRCODE = 'AM003';
  END IF;
END;
$$;
CREATE FUNCTION amana_inbox_done(p_inbox bigint, p_at bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE inbox SET payload = NULL, person_id = NULL, processed_at = p_at WHERE id = p_inbox AND processed_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the message was already processed' USING ERRCODE = 'AM002';
  END IF;
END;
$$;

-- Every conversation passing a step adds to the same counters: one row each made every turn wait for the
-- commit of the turn before it. A counter is now the sum of up to 64 rows (shards); each customer's turns
-- add to the shard of their keyed phone hash, so one conversation's counts stay in one row.
ALTER TABLE stats_counts ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE stats_counts DROP CONSTRAINT stats_counts_pkey;
ALTER TABLE stats_counts ADD PRIMARY KEY (day, scope, item, metric, shard);
`,
  },
  {
    version: 8,
    name: 'a turn is one statement; the turns of a moment one statement together',
    sql: `
-- A turn's writes, described once (jsonb: bytea values as base64) and applied here in order, so a turn costs the
-- bot one statement instead of one per write. The person's checks (amana_turn_holds) and counts
-- (amana_stats_add) are the caller's. Returns the ids of the outbox rows written, in order.
CREATE FUNCTION amana_turn_ops(p_person bigint, p_subject bytea, p_ops jsonb) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE
  op jsonb;
  row_id bigint;
  ids bigint[] := '{}';
  -- The keyed phone hash the ledger records: given after an erasure, read from the person otherwise.
  subject bytea := p_subject;
BEGIN
  FOR op IN SELECT value FROM jsonb_array_elements(p_ops) LOOP
    CASE op->>'op'
    WHEN 'inbox-done' THEN
      PERFORM amana_inbox_done((op->>'inboxId')::bigint, (op->>'at')::bigint);
    WHEN 'field' THEN
      INSERT INTO fields (person_id, key, value, collected_at, expires_at)
        VALUES (p_person, op->>'key', decode(op->>'value', 'base64'), (op->>'collectedAt')::bigint, (op->>'expiresAt')::bigint)
        ON CONFLICT (person_id, key) DO UPDATE SET value = excluded.value,
          collected_at = excluded.collected_at, expires_at = excluded.expires_at;
    WHEN 'ledger' THEN
      IF subject IS NULL THEN
        SELECT phone_hash INTO subject FROM persons WHERE id = p_person;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'the person no longer exists' USING ERRCODE = 'AM004';
        END IF;
      END IF;
      INSERT INTO consent_ledger (subject, event, purposes, node_id, flow_version, purpose_hashes, at)
        VALUES (subject, op->>'event', op->>'purposes', op->>'nodeId', op->>'flowVersion', op->>'wording',
                (op->>'at')::bigint);
    WHEN 'outbox' THEN
      INSERT INTO outbox (person_id, kind, payload, next_attempt_at, created_at)
        VALUES (p_person, op->>'kind', decode(op->>'payload', 'base64'), (op->>'createdAt')::bigint, (op->>'createdAt')::bigint)
        RETURNING id INTO row_id;
      ids := ids || row_id;
    WHEN 'conversation' THEN
      INSERT INTO conversations (person_id, state, updated_at, values_expire_at, expires_at)
        VALUES (p_person, decode(op->>'state', 'base64'), (op->>'updatedAt')::bigint, (op->>'valuesExpireAt')::bigint,
                (op->>'expiresAt')::bigint)
        ON CONFLICT (person_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
          values_expire_at = excluded.values_expire_at, expires_at = excluded.expires_at;
    WHEN 'end-conversation' THEN
      DELETE FROM conversations WHERE person_id = p_person;
    WHEN 'handoff-open' THEN
      -- One open handoff per customer: one still open is released first.
      DELETE FROM handoffs WHERE person_id = p_person;
      INSERT INTO handoffs (ref, person_id, queue, node_id, shared, created_at, expires_at)
        VALUES (op->>'ref', p_person, op->>'queue', op->>'nodeId', decode(op->>'shared', 'base64'), (op->>'at')::bigint,
                (op->>'expiresAt')::bigint);
    WHEN 'handoff-message' THEN
      PERFORM amana_handoff_message(p_person, op->>'author', decode(op->>'payload', 'base64'), (op->>'at')::bigint);
    WHEN 'handoff-release' THEN
      DELETE FROM handoffs WHERE person_id = p_person;
    WHEN 'recipient-ref' THEN
      INSERT INTO recipient_refs (person_id, recipient, digest, refs, complete, at)
        VALUES (p_person, op->>'recipient', decode(op->>'digest', 'base64'), decode(op->>'refs', 'base64'),
                (op->>'complete')::boolean, (op->>'at')::bigint)
        ON CONFLICT (person_id, recipient, digest) DO UPDATE SET at = excluded.at;
    END CASE;
  END LOOP;
  RETURN ids;
END;
$$;

-- Adds counts (jsonb: [{shard, day, scope, item, metric, count}]) to their counters, never below zero, one at a
-- time in one order (shard, day, scope, item, metric, then as given) whoever calls: two callers never wait on
-- each other's rows crosswise.
CREATE FUNCTION amana_stats_add(p_counts jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT (value->>'shard')::smallint AS shard, value->>'day' AS day, value->>'scope' AS scope, value->>'item' AS item,
           value->>'metric' AS metric, (value->>'count')::integer AS count
    FROM jsonb_array_elements(p_counts) WITH ORDINALITY AS counts(value, n)
    ORDER BY (value->>'shard')::smallint, value->>'day' COLLATE "C", value->>'scope' COLLATE "C",
             value->>'item' COLLATE "C", value->>'metric' COLLATE "C", n
  LOOP
    INSERT INTO stats_counts (day, scope, item, metric, shard, count)
      VALUES (c.day, c.scope, c.item, c.metric, c.shard, greatest(c.count, 0))
      ON CONFLICT (day, scope, item, metric, shard) DO UPDATE SET count = greatest(stats_counts.count + c.count, 0);
  END LOOP;
END;
$$;

-- The quick way for deliveries (runtime/store/postgres/known-people.ts): the people an instance remembers are still
-- who it remembers (an id is someone else's only after the row was deleted and the sequence went back, as a
-- restore does), and stay there until the transaction ends.
CREATE FUNCTION amana_persons_are(p_ids bigint[], p_hashes bytea[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM persons WHERE id = ANY(p_ids) FOR KEY SHARE;
  IF (SELECT count(*) FROM unnest(p_ids, p_hashes) AS t(id, phone_hash)
      JOIN persons p ON p.id = t.id AND p.phone_hash = t.phone_hash) <> cardinality(p_ids) THEN
    RAISE EXCEPTION 'a sender is no longer who this instance remembers' USING ERRCODE = 'AM005';
  END IF;
END;
$$;

-- A turn checks that its instance still holds the person and renews the lease as it does: the row stays locked
-- until the turn commits, so nobody takes the person over meanwhile, and the instance's periodic renewal skips
-- leases locked by turns under way (those turns renewed them) instead of waiting for them.
CREATE FUNCTION amana_turn_holds(p_owner text, p_person bigint, p_lease_seconds double precision)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE inbox_leases SET until = greatest(until, now() + make_interval(secs => p_lease_seconds))
    WHERE person_id = p_person AND owner = p_owner;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'another instance holds this person' USING ERRCODE = 'AM001';
  END IF;
END;
$$;

-- The turns of several people at once (jsonb: [{person, ops, counts}]), each as if alone: each in a
-- subtransaction, its outcome given back in order ({outbox: ids} or {code, message} when it failed and wrote
-- nothing); the counts of the turns that stand are added last, together, in amana_stats_add's order. When adding
-- them fails, the whole statement fails and the caller tries each turn alone (runtime/store/postgres/storage.ts).
-- Callers send turns in person order, the order in which claims take leases.
CREATE FUNCTION amana_turns(p_owner text, p_lease_seconds double precision, p_turns jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  turn jsonb;
  person bigint;
  turn_shard smallint;
  written bigint[];
  outcomes jsonb := '[]';
  counted jsonb := '[]';
BEGIN
  FOR turn IN SELECT value FROM jsonb_array_elements(p_turns) LOOP
    person := (turn->>'person')::bigint;
    BEGIN
      PERFORM amana_turn_holds(p_owner, person, p_lease_seconds);
      SELECT get_byte(phone_hash, 0) % 64 INTO turn_shard FROM persons WHERE id = person;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'the person no longer exists' USING ERRCODE = 'AM004';
      END IF;
      written := amana_turn_ops(person, NULL, turn->'ops');
      counted := counted || (SELECT coalesce(jsonb_agg(c || jsonb_build_object('shard', turn_shard)), '[]')
                             FROM jsonb_array_elements(turn->'counts') c);
      -- Last: whatever fails before leaves the outcome to the handler below.
      outcomes := outcomes || jsonb_build_array(jsonb_build_object('outbox', to_jsonb(written)));
    EXCEPTION WHEN OTHERS THEN
      outcomes := outcomes || jsonb_build_array(jsonb_build_object('code', SQLSTATE, 'message', SQLERRM));
    END;
  END LOOP;
  PERFORM amana_stats_add(counted);
  RETURN outcomes;
END;
$$;
`,
  },
  {
    version: 9,
    name: 'a turn renews its lease only past half of it',
    sql: `
-- A turn still locks its lease until it commits (nobody takes the person over meanwhile, and the periodic
-- renewal skips it), but writes a new expiry only once half the lease has passed: a lease the claim took
-- or renewed moments ago is locked, not rewritten, so a turn no longer costs a new row version of it.
-- Whoever holds it past half its life renews it here or at the next periodic renewal (every third of it).
CREATE OR REPLACE FUNCTION amana_turn_holds(p_owner text, p_person bigint, p_lease_seconds double precision)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lease_until timestamptz;
BEGIN
  SELECT until INTO lease_until FROM inbox_leases WHERE person_id = p_person AND owner = p_owner FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'another instance holds this person' USING ERRCODE = 'AM001';
  END IF;
  IF lease_until < now() + make_interval(secs => p_lease_seconds / 2) THEN
    UPDATE inbox_leases SET until = now() + make_interval(secs => p_lease_seconds) WHERE person_id = p_person;
  END IF;
END;
$$;
`,
  },
];

/** Advisory lock keys (any two numbers no other application on the database uses). */
export const lockKeys = { migrate: 0x616d616e61, purge: 0x616d616e62, instance: 0x616d616e63 } as const;

/**
 * Applies the migrations this database lacks, in one transaction under the migration lock.
 * Refuses a database migrated by a newer runtime.
 */
export async function migrate(sql: Pool): Promise<void> {
  await transaction(sql, async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${lockKeys.migrate}::bigint)`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
    const applied = new Set(
      (await tx<{ version: number }[]>`SELECT version FROM schema_migrations`).map((row) => row.version),
    );
    const newest = Math.max(0, ...applied);
    const known = Math.max(...migrations.map((migration) => migration.version));
    if (newest > known) throw new Error(`the database was written by a newer Amana runtime (schema ${newest})`);
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.unsafe(migration.sql);
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`;
    }
  });
}
