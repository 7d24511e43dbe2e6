import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/log';
import type { Database } from '../../storage/database';
import type { CardAction, CardActionResponse, LarkClient } from '../../transport/contract';
import type { EventHandler } from '../../transport/dispatcher';
import type { SubscribableEventType } from '../../transport/event-types';
import type { Later } from './later';
import type { Command } from './router';

/** What every feature handler is given; built once by `createBot` (src/bot.ts). People are open_ids. */
export interface FeatureDeps {
  db: Kysely<Database>;
  clock: Clock;
  lark: LarkClient;
  log: Logger;
  /**
   * The bot's own open_id, to tell an @mention of the bot from one of a colleague. Without it every
   * group message that reaches us is taken as addressed to us (true when the app only holds the
   * "messages that @mention the bot" scope).
   */
  botOpenId?: string;
  /**
   * Runs follow-up sends (progress patch, review cards, DMs) after a card callback has been answered,
   * so the 3 s callback budget is spent on the committed write only (see `runLater`).
   */
  later: Later;
}

/** Answers one card action; `action.value.action` named it. */
export type ActionHandler = (deps: FeatureDeps, action: CardAction) => Promise<CardActionResponse>;

/** What an event handler of a feature may use: the deps, and every feature's chat commands (the router, 帮助). */
export interface FeatureContext {
  deps: FeatureDeps;
  commands: readonly Command[];
}

export type FeatureEvents = { [T in SubscribableEventType]?: (ctx: FeatureContext) => EventHandler<T> };

/**
 * One feature of the bot, declared in its `feature.ts`: the card actions it answers (declare them with
 * `satisfies Record<TheFeaturesActionName, ActionHandler>`, so a card action without a handler is a type
 * error), its chat commands, and the Lark events it handles. `src/features/register.ts` lists them;
 * `createBot` registers everything from that list, and the dispatcher refuses unknown or duplicate names
 * at start-up.
 */
export interface Feature {
  name: string;
  actions: Readonly<Record<string, ActionHandler>>;
  commands: readonly Command[];
  events?: FeatureEvents;
}
