-- The message (or callback) an import came from, so a replayed import event — the durable queue re-runs a
-- job that crashed half-way — finds the draft it already made instead of creating a second one.
ALTER TABLE evaluations ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX evaluations_by_source ON evaluations (tenant_key, source_key);
