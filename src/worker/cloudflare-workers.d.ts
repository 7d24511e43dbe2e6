// The one runtime module the Worker imports, declared here because the project's tsconfig uses Node
// types (the full @cloudflare/workers-types globals clash with them; test/workers has its own tsconfig).
declare module 'cloudflare:workers' {
  /** Extends the current request's (or cron event's) lifetime until `promise` settles. */
  export function waitUntil(promise: Promise<unknown>): void;
}
