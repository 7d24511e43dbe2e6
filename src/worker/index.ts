import { createWorker } from './create-worker';

/** The Cloudflare Worker entry (wrangler.toml `main`). Deploy steps: README → "Deploying to Cloudflare Workers". */
export default createWorker();
