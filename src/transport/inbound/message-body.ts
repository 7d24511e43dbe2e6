import type { MessageBody } from '../contract';

/**
 * Reads a received message's `content` by its type, as Lark documents the received shapes
 * (https://open.feishu.cn/document/server-docs/im-v1/message-content-description/message_content). A content
 * that is not the documented JSON becomes `unsupported`, so the chat layer still answers the sender.
 */
export function readMessageBody(messageType: string, content: string): MessageBody {
  const unsupported: MessageBody = { kind: 'unsupported', messageType };
  let c: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(content);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return unsupported;
    c = parsed as Record<string, unknown>;
  } catch {
    return unsupported;
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  switch (messageType) {
    case 'text': {
      const text = str(c.text);
      return text === undefined ? unsupported : { kind: 'text', text };
    }
    case 'post':
      return readPost(c) ?? unsupported;
    case 'file': {
      const fileKey = str(c.file_key);
      return fileKey ? { kind: 'file', fileKey, fileName: str(c.file_name) ?? '' } : unsupported;
    }
    case 'image': {
      const imageKey = str(c.image_key);
      return imageKey ? { kind: 'image', imageKey } : unsupported;
    }
    case 'media': {
      const fileKey = str(c.file_key);
      return fileKey ? { kind: 'media', fileKey, fileName: str(c.file_name) ?? '', imageKey: str(c.image_key), durationMs: num(c.duration) } : unsupported;
    }
    case 'audio': {
      const fileKey = str(c.file_key);
      return fileKey ? { kind: 'audio', fileKey, durationMs: num(c.duration) } : unsupported;
    }
    case 'sticker': {
      const fileKey = str(c.file_key);
      return fileKey ? { kind: 'sticker', fileKey } : unsupported;
    }
    case 'merge_forward':
      return { kind: 'merge_forward' };
    case 'interactive':
      return { kind: 'interactive' };
    case 'share_chat': {
      const chatId = str(c.chat_id);
      return chatId ? { kind: 'share_chat', chatId } : unsupported;
    }
    case 'share_user': {
      const userId = str(c.user_id);
      return userId ? { kind: 'share_user', userId } : unsupported;
    }
    case 'system':
      return { kind: 'system', template: str(c.template) ?? '' };
    default:
      return unsupported;
  }
}

type PostNode = { tag?: unknown; text?: unknown; href?: unknown; user_id?: unknown; image_key?: unknown; language?: unknown };

/**
 * A received post is `{title, content: [[node…]…]}` with no locale key; the sending shape wraps it in one
 * (`{"zh_cn": {…}}`), and a bot reading its own or a forwarded message may meet that, so both are read.
 */
function readPost(c: Record<string, unknown>): MessageBody | null {
  const body = Array.isArray(c.content) ? c : (Object.values(c).find((v) => v && typeof v === 'object' && Array.isArray((v as { content?: unknown }).content)) as Record<string, unknown> | undefined);
  if (!body) return null;
  const title = typeof body.title === 'string' ? body.title : '';
  const imageKeys: string[] = [];
  const lines = (body.content as unknown[]).map((line) =>
    (Array.isArray(line) ? (line as PostNode[]) : [])
      .map((node) => {
        switch (node?.tag) {
          case 'text':
          case 'a':
            return typeof node.text === 'string' ? node.text : '';
          case 'at':
            // received posts carry the positional key (`@_user_1`) as `user_id`
            return typeof node.user_id === 'string' ? node.user_id : '';
          case 'code_block':
            return typeof node.text === 'string' ? node.text : '';
          case 'img':
          case 'media':
            if (typeof node.image_key === 'string') imageKeys.push(node.image_key);
            return '';
          default:
            return '';
        }
      })
      .join(''),
  );
  const text = [title, ...lines].filter((l) => l.length > 0).join('\n');
  return { kind: 'post', title, text, imageKeys };
}
