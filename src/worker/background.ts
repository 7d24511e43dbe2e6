import { waitUntil } from 'cloudflare:workers';
import { errorFields, type Logger } from '../platform/log';

/**
 * Work to finish after the response on Workers. A promise merely left running is cancelled once the
 * response has gone out; `waitUntil` from `cloudflare:workers` attaches it to whichever request (or cron
 * event) is running it, so feature handlers built once per isolate can still defer follow-up sends.
 */
export function workerLater(log: Logger): (work: () => Promise<void>) => void {
  return (work) => {
    waitUntil(
      Promise.resolve()
        .then(work)
        .catch((err: unknown) => log.error('deferred work failed', errorFields(err))),
    );
  };
}
