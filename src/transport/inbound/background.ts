/**
 * Runs work after the HTTP answer. Node passes its durable in-process queue; Workers hand the promise to
 * `executionCtx.waitUntil`. Work that must survive a crash is recorded in the database before this is
 * called (events: `lark_inbound_events`), so the background runner only has to be fast, not durable.
 */
export type RunInBackground = (work: () => Promise<void>, request: { waitUntil?: (p: Promise<unknown>) => void }) => void;

/** Default: `waitUntil` when the runtime offers it, otherwise a detached promise whose failure is logged. */
export function defaultRunInBackground(onError: (err: unknown) => void): RunInBackground {
  return (work, request) => {
    const p = Promise.resolve()
      .then(work)
      .catch(onError);
    request.waitUntil?.(p);
  };
}
