import { createDispatcher, type Dispatcher } from '../transport/dispatcher';
import type { SubscribableEventType } from '../transport/event-types';
import { collectionFeature } from './collection/feature';
import { remindersFeature } from './reminders/feature';
import { reportsFeature } from './reports/feature';
import type { Feature, FeatureContext, FeatureDeps } from './shared/feature';
import { helpCommand } from './shared/help-command';
import type { Command } from './shared/router';
import { summaryFeature } from './summary/feature';

/**
 * Every feature of the bot, once. The dispatcher's action names, the registrations, the chat command
 * table (and with it 帮助, which lists it feature by feature in this order) and the event handlers are all
 * derived from this list. A new feature is a folder with a `feature.ts`, and one entry here.
 */
export const FEATURES: readonly Feature[] = [collectionFeature, remindersFeature, summaryFeature, reportsFeature];

/** Every feature's chat commands, then 帮助 (which lists this same table). */
export function commandTable(features: readonly Feature[]): Command[] {
  const commands: Command[] = [...features.flatMap((f) => f.commands), helpCommand(() => commands)];
  const seen = new Map<string, string>();
  for (const command of commands) {
    for (const word of command.words) {
      const key = word.toLowerCase();
      if (seen.has(key)) throw new Error(`chat command word "${word}" is declared twice (${seen.get(key)} and ${command.help.usage})`);
      seen.set(key, command.help.usage);
    }
  }
  return commands;
}

/**
 * The dispatcher with every feature registered: one handler per declared card action and the features'
 * event handlers. An action name declared twice, or an unknown event type, fails here at start-up.
 */
export function createFeatureDispatcher(features: readonly Feature[], deps: FeatureDeps): Dispatcher<string> {
  const dispatcher = createDispatcher<string>(features.flatMap((f) => Object.keys(f.actions)));
  const context: FeatureContext = { deps, commands: commandTable(features) };
  for (const feature of features) {
    for (const [name, handler] of Object.entries(feature.actions)) dispatcher.onAction(name, (action) => handler(deps, action));
    for (const [type, make] of Object.entries(feature.events ?? {}) as Array<[SubscribableEventType, (ctx: FeatureContext) => never]>) {
      dispatcher.onEvent(type, make(context));
    }
  }
  return dispatcher;
}
