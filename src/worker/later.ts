import { waitUntil } from 'cloudflare:workers';
import type { Later } from '../features/shared/later';
import { errorFields, type Logger } from '../platform/log';

/**
 * `later` on Workers: a promise merely left running is cancelled once the response has gone out;
 * `waitUntil` from `cloudflare:workers` attaches it to whichever request (or cron event) is running it
 * (https://developers.cloudflare.com/workers/runtime-apis/context/#waituntil), so the app, built once
 * per isolate, can still finish event handling and follow-up sends after the answer.
 */
export function waitUntilLater(log: Logger): Later {
  return (work) => {
    waitUntil(
      Promise.resolve()
        .then(work)
        .catch((err: unknown) => log.error('deferred work failed', errorFields(err))),
    );
  };
}
