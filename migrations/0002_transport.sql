-- Lark transport: inbound events recorded before they are acknowledged (dedupe on event_id + durable
-- queue), and card-action dedupe so a double-click never applies twice.

-- One row per Lark event id. Written before the 200 goes out, so a crash cannot lose the event; the
-- row is kept for at least 8 h (Lark retries for ~7.1 h) so a late retry is still recognised.
CREATE TABLE lark_inbound_events (
  event_id TEXT PRIMARY KEY,
  event_type TEXT NOT NULL,
  tenant_key TEXT NOT NULL DEFAULT '',
  payload TEXT NOT NULL,
  -- pending | running | done | failed | ignored
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  received_at TEXT NOT NULL,
  finished_at TEXT
);

CREATE INDEX lark_inbound_events_due ON lark_inbound_events (status, next_attempt_at);

CREATE INDEX lark_inbound_events_received ON lark_inbound_events (received_at);

-- One row per card interaction: the key hashes operator + message + the button's value (action name and
-- card state `rev`) + the inputs, so the second click of a double-click, or a replayed callback (same
-- bytes, same key), finds the first one's row. A single b-tree (WITHOUT ROWID, no other index): every
-- click inserts and updates a row here, so each extra index is a write on the hot path; the hourly prune
-- can afford a scan.
CREATE TABLE lark_card_actions (
  dedupe_key TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  operator_open_id TEXT NOT NULL,
  open_message_id TEXT NOT NULL,
  action TEXT NOT NULL,
  -- running | done (a failed handler's row is deleted, so the user can press again)
  status TEXT NOT NULL,
  response TEXT,
  received_at TEXT NOT NULL,
  finished_at TEXT
) WITHOUT ROWID;
