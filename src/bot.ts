import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from './app';
import type { Config } from './config';
import { createWorkCalendar, type WorkCalendar } from './features/reminders';
import { createFeatureDispatcher, FEATURES } from './features/register';
import type { Feature, FeatureDeps } from './features/shared/feature';
import type { Later } from './features/shared/later';
import type { Clock } from './platform/clock';
import type { Crypto } from './platform/crypto';
import type { Logger } from './platform/log';
import type { Database } from './storage/database';
import { pingDatabase } from './storage/health';
import { cardActionsRepository, type CardActionsRepository } from './storage/repositories/transport/card-actions';
import { directWrites, type WriteExecutor } from './storage/repositories/transport/group-commit';
import { inboundEventsRepository, type InboundEventsRepository } from './storage/repositories/transport/inbound-events';
import type { LarkClient } from './transport/contract';
import type { Dispatcher } from './transport/dispatcher';
import { createEventProcessor, type EventProcessor } from './transport/inbound/process-event';

export interface BotDeps {
  config: Config;
  crypto: Crypto;
  clock: Clock;
  db: Kysely<Database>;
  lark: LarkClient;
  log: Logger;
  /** The runtime's one way to run work after the answer (see `Later`). */
  later: Later;
  /** The bot's own open_id (see `FeatureDeps.botOpenId`). */
  botOpenId?: string;
  /** Working days; by default China's official calendar with the operator's overrides from `config`. */
  calendar?: WorkCalendar;
  /**
   * How the transport's own writes (inbox rows, card-action dedupe) are executed. Node passes
   * `groupCommitWrites(db)` (one SQLite commit for many requests); the default runs each directly (D1).
   */
  writes?: WriteExecutor;
  /** The features to register; `FEATURES` unless a test narrows them. */
  features?: readonly Feature[];
  /** A dispatcher of the caller's instead of the features' (transport tests register their own handlers). */
  dispatcher?: Dispatcher<string>;
}

export interface Bot {
  app: Hono;
  dispatcher: Dispatcher<string>;
  /** Runs recorded events; shared by the webhooks, the long connection and the inbox sweep. */
  processor: EventProcessor;
  inbox: InboundEventsRepository;
  cards: CardActionsRepository;
  /** What every feature handler is given. */
  deps: FeatureDeps;
  calendar: WorkCalendar;
}

/**
 * The one place the bot is wired: the features' dispatcher, the event inbox and its processor, the
 * card-action dedupe and the Hono app. The Node server (src/node/main.ts), local mode and the demo
 * (src/node/local-mode.ts), the Worker (src/worker/runtime.ts) and the test harnesses all call it, so a
 * test runs exactly the wiring production runs. Each runtime then adds what only it has (Node: the job
 * queue, the inbox sweeper, the every-minute scheduler, the long connection; Workers: the cron).
 */
export function createBot(deps: BotDeps): Bot {
  const { config, clock, db, lark, log, later } = deps;
  const calendar = deps.calendar ?? createWorkCalendar(config.calendar);
  const featureDeps: FeatureDeps = { db, clock, lark, log, later, ...(deps.botOpenId ? { botOpenId: deps.botOpenId } : {}) };
  const dispatcher = deps.dispatcher ?? createFeatureDispatcher(deps.features ?? FEATURES, featureDeps);
  const writes = deps.writes ?? directWrites(db);
  const inbox = inboundEventsRepository(db, writes);
  const cards = cardActionsRepository(db, writes);
  const processor = createEventProcessor({ inbox, dispatcher, clock, log });
  const app = createApp({ config, crypto: deps.crypto, clock, dispatcher, lark, log, later, processor, inbox, cards, checkDatabase: () => pingDatabase(db) });
  return { app, dispatcher, processor, inbox, cards, deps: featureDeps, calendar };
}
