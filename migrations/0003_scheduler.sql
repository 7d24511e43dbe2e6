-- The reminder scheduler: who may run it, what the ladder planned, per-evaluation ladder settings,
-- owners' leave and hand-over requests. Messages themselves go through the core `outbox`.
-- Times are ISO-8601 UTC strings from the injected Clock; dates are Asia/Shanghai `YYYY-MM-DD`.

-- One row per job name. A run takes the lease with a single conditional upsert (atomic on SQLite and D1),
-- so two instances — the Node interval, the Worker cron, an operator's `jixiao tick` — never run at once.
-- An expired lease (the holder crashed) is simply taken over.
CREATE TABLE scheduler_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  acquired_at TEXT NOT NULL
);

-- Every ladder step ever planned, keyed by (evaluation, person, step, day): planning again is a no-op.
-- `outbox_key` is the core outbox row carrying the message (and its Lark uuid).
CREATE TABLE reminder_steps (
  step_key TEXT PRIMARY KEY,
  evaluation_id TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  person TEXT NOT NULL,
  step TEXT NOT NULL,
  day TEXT,
  outbox_key TEXT NOT NULL UNIQUE,
  due_at TEXT NOT NULL,
  planned_at TEXT NOT NULL
);
CREATE INDEX reminder_steps_by_evaluation ON reminder_steps (evaluation_id, step, person);

-- Per-evaluation changes to the default ladder (partial JSON merged over the defaults). Every change is
-- also written to `history` (action 'reminder_settings').
CREATE TABLE reminder_settings (
  evaluation_id TEXT PRIMARY KEY REFERENCES evaluations(id) ON DELETE CASCADE,
  settings_json TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- 请假至 <date>: the owner's reminders for this evaluation pause through `until_date` (inclusive).
-- The current state only; every change is in `history` (action 'owner_leave').
CREATE TABLE owner_leaves (
  evaluation_id TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  open_id TEXT NOT NULL,
  until_date TEXT NOT NULL,
  reason TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (evaluation_id, open_id)
);

-- 转交 <person>: an owner asks to hand their pending rows to someone else; an admin confirms or declines.
CREATE TABLE handover_requests (
  id TEXT PRIMARY KEY,
  evaluation_id TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  from_open_id TEXT NOT NULL,
  to_open_id TEXT NOT NULL,
  to_name TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  requested_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT
);
CREATE INDEX handover_requests_by_evaluation ON handover_requests (evaluation_id, status);
