import type { MessageEvent } from '../../../../transport/contract';

/**
 * The words of a text or rich-text (post) message with @mention placeholders (`@_user_1`) removed.
 * Line breaks and tabs are kept: a table pasted from Excel arrives as tab-separated lines.
 */
export function messageText(event: Pick<MessageEvent, 'messageType' | 'content'>): string | null {
  let content: unknown;
  try {
    content = JSON.parse(event.content);
  } catch {
    return null;
  }
  if (event.messageType === 'text') {
    const text = (content as { text?: unknown }).text;
    return typeof text === 'string' ? stripMentions(text) : null;
  }
  if (event.messageType === 'post') return stripMentions(postText(content));
  return null;
}

export function stripMentions(text: string): string {
  return text
    .replace(/@_user_\d+/g, '')
    .replace(/@_all/g, '')
    .split('\n')
    .map(trimSpaces)
    .join('\n')
    .trim();
}

/**
 * Trims spaces (ASCII and ideographic) at both ends of one line but keeps tabs, which are a pasted table's empty
 * cells. A loop, not `/[ \u3000]+$/m`: that pattern retries at every space and is quadratic on a long run of them.
 */
function trimSpaces(line: string): string {
  const isSpace = (c: string | undefined) => c === ' ' || c === '\u3000';
  let start = 0;
  let end = line.length;
  while (start < end && isSpace(line[start])) start += 1;
  while (end > start && isSpace(line[end - 1])) end -= 1;
  return line.slice(start, end);
}

/** Post content is `{title, content: [[node…]…]}`, possibly wrapped in a language key. */
function postText(content: unknown): string {
  const body = (content && typeof content === 'object' && 'content' in content ? content : Object.values(content as object)[0]) as
    | { title?: string; content?: Array<Array<{ tag?: string; text?: string }>> }
    | undefined;
  const lines = (body?.content ?? []).map((line) => line.map((node) => (node.tag === 'text' || node.tag === 'a' ? (node.text ?? '') : '')).join(''));
  return [body?.title ?? '', ...lines].filter((l) => l.length > 0).join('\n');
}

/** Tab-separated lines, as Excel puts them on the clipboard: at least a header row and one data row. */
export function looksLikePastedTable(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.includes('\t'));
  return lines.length >= 2;
}

/** Whether a group message is meant for the bot (see `FeatureDeps.botOpenId`). */
export function mentionsBot(event: Pick<MessageEvent, 'mentions'>, botOpenId: string | undefined): boolean {
  if (event.mentions.length === 0) return false;
  return botOpenId ? event.mentions.some((m) => m.openId === botOpenId) : true;
}

/** `{file_key, file_name}` of a file message, or null. */
export function fileOf(message: { msgType?: string; messageType?: string; content: string }): { fileKey: string; fileName: string } | null {
  if ((message.msgType ?? message.messageType) !== 'file') return null;
  try {
    const c = JSON.parse(message.content) as { file_key?: unknown; file_name?: unknown };
    return typeof c.file_key === 'string' ? { fileKey: c.file_key, fileName: typeof c.file_name === 'string' ? c.file_name : 'table.xlsx' } : null;
  } catch {
    return null;
  }
}
