/**
 * The collection feature's public entry: what the other features (and the CLI and runtimes) may use.
 * Nothing outside this folder imports its internals (test/architecture.test.ts checks).
 */
export * from './service';
export { requestHandover, decideHandover } from './service/handover';
