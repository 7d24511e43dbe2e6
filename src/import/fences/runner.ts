import { readPastedTable, readTable } from '../tables/read-table';
import type { ReadTableResult } from '../tables/result';
import type { FileLimits } from './limits';
import { refusals } from './messages';

/**
 * Where untrusted tables are read. The chat layer and the CLI take a runner as a dependency instead of calling
 * `readTable` themselves, so every parse — the ordinary ones too — runs where it cannot stall the webhooks:
 * on Node a pool of worker threads with a time and a heap limit (`createTableReaderPool`,
 * src/node/table-reader-pool.ts); on workerd `createInlineTableReader`, where the isolate's CPU limit is the
 * fence. Both read inside the same `FileLimits`. Never throws: every failure is a Chinese refusal.
 */
export interface TableReaderRunner {
  /** An uploaded file (.xlsx, .csv, .json, .tsv/.txt), by its name's extension. */
  readFile(bytes: Uint8Array, fileName: string): Promise<ReadTableResult>;
  /** Text pasted from Excel into a chat message. */
  readPasted(text: string): Promise<ReadTableResult>;
  /** Stops the runner's workers; reads still waiting are refused (a no-op inline). */
  close(): Promise<void>;
}

/** One read, as it crosses to a worker (structured-cloneable). */
export type TableReadRequest = { kind: 'file'; bytes: Uint8Array; fileName: string } | { kind: 'pasted'; text: string };

export function refusedRead(message: string): ReadTableResult {
  return { ok: false, errors: [{ message }] };
}

/** The read itself, the same inline and in a worker. An unexpected exception becomes a refusal, not a crash. */
export async function runTableRead(request: TableReadRequest, limits: FileLimits): Promise<ReadTableResult> {
  try {
    return request.kind === 'file' ? await readTable(request.bytes, request.fileName, { limits }) : readPastedTable(request.text, undefined, { limits });
  } catch {
    return refusedRead(refusals.readFailed());
  }
}

/** workerd (and tests): reads on the calling isolate; its CPU limit stops a runaway parse. */
export function createInlineTableReader(limits: FileLimits): TableReaderRunner {
  return {
    readFile: (bytes, fileName) => runTableRead({ kind: 'file', bytes, fileName }, limits),
    readPasted: (text) => runTableRead({ kind: 'pasted', text }, limits),
    close: async () => undefined,
  };
}
