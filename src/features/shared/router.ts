import type { HelpCommand } from '#cards/shared/help';
import type { MessageEvent, OutgoingMessage } from '../../transport/contract';
import type { FeatureDeps } from './feature';

/**
 * The chat commands, one row each. Each feature lists its rows in its `feature.ts` (`commands`), and
 * `src/features/register.ts` puts every feature's rows in one table; the router matches the longest word
 * first, so `年度汇总` never runs as `汇总`.
 */
export interface CommandContext {
  deps: FeatureDeps;
  event: MessageEvent;
  /** The whole message text, mentions removed. */
  text: string;
  /** What follows the command word. */
  args: string;
  /** Replies in the conversation the command came from; `key` keeps a retried event from replying twice. */
  reply(message: OutgoingMessage, key: string): Promise<void>;
  /** `reply` with a plain text message. */
  say(text: string, key: string): Promise<void>;
}

export interface Command {
  words: readonly string[];
  where: 'group' | 'p2p' | 'both';
  help: HelpCommand;
  /**
   * The argument may follow the word without a space (请假至2026-10-08, 转交张伟, 年度汇总2019). Other words
   * must stand alone or be followed by white space, so 「导入失败怎么办」 is a question, not an import.
   */
  gluedArgs?: boolean;
  run(ctx: CommandContext): Promise<void>;
}

export function findCommand(commands: readonly Command[], text: string, chatType: string): { command: Command; args: string } | null {
  const where = chatType === 'p2p' ? 'p2p' : 'group';
  const candidates = commands
    .filter((c) => c.where === 'both' || c.where === where)
    .flatMap((command) => command.words.map((word) => ({ command, word })))
    .sort((a, b) => b.word.length - a.word.length);
  const normalized = text.replace(/^[/／]/, '').trim();
  const lower = normalized.toLowerCase();
  for (const { command, word } of candidates) {
    const rest = lower.startsWith(word.toLowerCase()) ? normalized.slice(word.length) : null;
    if (rest !== null && (rest === '' || /^\s/.test(rest) || (command.gluedArgs === true && isCjk(word)))) {
      return { command, args: normalized.slice(word.length).trim() };
    }
  }
  return null;
}

/** Chinese command words need no space before their argument (请假至2026-10-08). */
function isCjk(word: string): boolean {
  return /^[\u4e00-\u9fff]/.test(word);
}
