import type { FakeLark, PressResult } from '../fake-lark';
import { formOf, interactiveNodes, pick, type Lang } from './render-card';
import type { WorkspaceState } from './state';

/**
 * What a person does on the page, done as the Lark client would do it through the simulator: messages
 * and files become signed, encrypted `im.message.receive_v1` events, button presses become
 * `card.action.trigger` callbacks carrying the form's fields in Lark's own value shapes. The page names
 * components by position (`data-el`); names, values and callback payloads come from the card held here.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 413 = 400,
  ) {
    super(message);
  }
}

type Node = Record<string, unknown>;

export interface Outcome {
  toast?: { type: string; content: string };
  /** After a press: the card's version once the answer was applied (the page shows it when it arrives). */
  version?: number;
}

/** Lark text messages are at most 150 KB (https://open.feishu.cn/document/server-docs/im-v1/message/create). */
const MAX_TEXT_BYTES = 150 * 1024;
/** Files sent in chat: Lark's upload limit is 30 MB (https://open.feishu.cn/document/server-docs/im-v1/file/create). */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

export function createActions(fake: FakeLark, state: WorkspaceState) {
  function requirePerson(openId: unknown) {
    const person = state.person(typeof openId === 'string' ? openId : null);
    if (!person) throw new UserError('没有这个人，请刷新页面后在「切换身份」里重新选择。', 404);
    return person;
  }

  function requireChat(chatId: unknown, openId: string) {
    const chat = typeof chatId === 'string' ? fake.state.chats.get(chatId) : undefined;
    if (!chat) throw new UserError('没有这个会话，请刷新页面。', 404);
    if (!chat.members.includes(openId)) throw new UserError(`${state.person(openId)?.name ?? openId} 不在这个会话里，请先切换身份。`, 403);
    return chat;
  }

  function requireParent(replyTo: unknown, chatId: string): string | undefined {
    if (replyTo === undefined || replyTo === null || replyTo === '') return undefined;
    const parent = typeof replyTo === 'string' ? fake.message(replyTo) : undefined;
    if (!parent || parent.chatId !== chatId) throw new UserError('要回复的消息不在这个会话里。');
    return parent.messageId;
  }

  /**
   * `@绩效自评助手` anywhere makes it a mention of the bot, as picking the bot in Lark's @ list does;
   * `@姓名` of a workspace person mentions them. The mentions leave the text (Lark sends them as keys).
   */
  function parseMentions(text: string): { text: string; mentionBot: boolean; mentions: string[]; names: string[] } {
    let rest = text;
    let mentionBot = false;
    const token = `@${fake.botName}`;
    if (rest.includes(token)) {
      mentionBot = true;
      rest = rest.split(token).join(' ');
    }
    const mentions: string[] = [];
    for (const p of [...state.people].sort((a, b) => b.name.length - a.name.length)) {
      const at = `@${p.name}`;
      if (rest.includes(at)) {
        mentions.push(p.openId);
        rest = rest.split(at).join(' ');
      }
    }
    const names = [...(mentionBot ? [fake.botName] : []), ...mentions.map((id) => state.person(id)!.name)];
    return { text: rest.replace(/^[ \t]+|[ \t]+$/gm, '').replace(/^\n+|\n+$/g, ''), mentionBot, mentions, names };
  }

  return {
    async send(body: { chatId?: unknown; as?: unknown; text?: unknown; replyTo?: unknown }): Promise<Outcome> {
      const person = requirePerson(body.as);
      const chat = requireChat(body.chatId, person.openId);
      const raw = typeof body.text === 'string' ? body.text : '';
      if (raw.trim() === '') throw new UserError('请输入要发送的内容。');
      if (new TextEncoder().encode(raw).length > MAX_TEXT_BYTES) throw new UserError('消息太长：飞书文本消息最多 150 KB。请改为上传表格文件。', 413);
      const parentId = requireParent(body.replyTo, chat.chatId);
      const m = parseMentions(raw);
      const sent = await fake.sendMessageEvent({
        sender: person.openId,
        chatId: chat.type === 'group' ? chat.chatId : undefined,
        text: m.text,
        mentionBot: m.mentionBot,
        mentions: m.mentions,
        parentId,
      });
      if (m.names.length > 0) state.mentions.set(sent.message.messageId, m.names);
      if (sent.delivery && sent.delivery.status !== 200) return { toast: { type: 'error', content: `机器人没有收到这条消息（HTTP ${sent.delivery.status}）。` } };
      if (!sent.delivered && chat.type === 'group') return { toast: { type: 'info', content: `这条消息没有 @${fake.botName}，机器人收不到（飞书只把 @机器人 的群消息推送给机器人）。` } };
      return {};
    },

    async upload(body: { chatId?: unknown; as?: unknown; replyTo?: unknown; file: { name: string; bytes: Uint8Array } }): Promise<Outcome> {
      const person = requirePerson(body.as);
      const chat = requireChat(body.chatId, person.openId);
      if (body.file.bytes.length === 0) throw new UserError('文件是空的。');
      if (body.file.bytes.length > MAX_FILE_BYTES) throw new UserError('文件超过 30 MB，飞书不能发送。', 413);
      const parentId = requireParent(body.replyTo, chat.chatId);
      const sent = await fake.sendMessageEvent({ sender: person.openId, chatId: chat.type === 'group' ? chat.chatId : undefined, file: { name: body.file.name, bytes: body.file.bytes }, parentId });
      if (chat.type === 'group') return { toast: { type: 'info', content: `已发送 ${body.file.name}。回复它「@${fake.botName} 导入」即可导入。` } };
      return sent.delivery && sent.delivery.status !== 200 ? { toast: { type: 'error', content: `机器人没有收到这个文件（HTTP ${sent.delivery.status}）。` } } : {};
    },

    /**
     * A press on button `el` of card message `messageId`, as drawn at version `version`, with the values of
     * the fields of its form (`fields`: component position → value as the page holds it).
     */
    async press(body: { messageId?: unknown; version?: unknown; el?: unknown; as?: unknown; fields?: unknown }, lang: Lang): Promise<Outcome> {
      const person = requirePerson(body.as);
      const message = typeof body.messageId === 'string' ? fake.message(body.messageId) : undefined;
      if (!message || message.msgType !== 'interactive') throw new UserError('这张卡片已不存在，请刷新页面。', 404);
      requireChat(message.chatId, person.openId);
      if (body.version !== message.history.length) throw new UserError('卡片刚刚更新过，请在新卡片上重新操作。', 409);
      const card = message.card!;
      const nodes = interactiveNodes(card);
      const button = typeof body.el === 'number' ? nodes[body.el] : undefined;
      if (!button || button.tag !== 'button') throw new UserError('没有找到这个按钮，请刷新页面。', 404);
      const form = formOf(card, button);
      const submits = form !== null && (button.form_action_type === 'submit' || button.action_type === 'form_submit');
      const formValue = submits ? formValues(card, nodes, form, body.fields) : undefined;
      const action = callbackAction(button);
      const sameAction = nodes.filter((n) => n.tag === 'button' && callbackAction(n) === action);
      const pick_ =
        typeof button.name === 'string' && button.name !== ''
          ? { name: button.name }
          : action !== undefined
            ? { action, index: sameAction.indexOf(button) }
            : { text: pick(button.text, 'zh_cn'), index: nodes.filter((n) => n.tag === 'button' && pick(n.text, 'zh_cn') === pick(button.text, 'zh_cn')).indexOf(button) };
      let result: PressResult;
      try {
        result = await fake.pressButton(message.messageId, { operator: person.openId, ...pick_, ...(formValue ? { formValue } : {}) });
      } catch (error) {
        throw new UserError(clientRefusal(error, nodes));
      }
      const version = result.message.history.length;
      if (result.clientError) return { version, toast: { type: 'error', content: CLIENT_ERRORS[result.clientError] ?? `操作失败（${result.clientError}）` } };
      const toast = result.toast as { type?: string; content?: string; i18n?: Record<string, string> } | undefined;
      return toast ? { version, toast: { type: toast.type ?? 'info', content: toast.i18n?.[lang] ?? toast.content ?? '' } } : { version };
    },
  };
}

function callbackAction(button: Node): string | undefined {
  const behaviors = (Array.isArray(button.behaviors) ? button.behaviors : []) as Node[];
  const value = (behaviors.find((b) => b.type === 'callback')?.value ?? button.value) as Node | undefined;
  return typeof value?.action === 'string' ? value.action : undefined;
}

/**
 * The page's values for the fields of `form`, by field name, in the shapes Lark puts in `form_value`:
 * text as typed, the option value, an open_id, a list of open_ids, a date as `2026-12-15 +0800`
 * (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/containers/form-container).
 */
function formValues(card: unknown, nodes: Node[], form: Node, fields: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const given = fields && typeof fields === 'object' ? (fields as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(given)) {
    const node = nodes[Number(key)];
    if (!node || node.tag === 'button' || typeof node.name !== 'string' || formOf(card, node) !== form) continue;
    const name = node.name;
    switch (node.tag) {
      case 'multi_select_person':
      case 'multi_select_static':
        if (Array.isArray(value)) out[name] = value.map(String).filter((v) => v !== '');
        break;
      case 'date_picker':
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[name] = `${value} +0800`;
        else if (value === '') out[name] = '';
        else throw new UserError('日期格式应为 YYYY-MM-DD，例如 2026-12-15。');
        break;
      case 'picker_datetime':
        if (typeof value === 'string' && value !== '') out[name] = `${value.replace('T', ' ')} +0800`;
        break;
      case 'checker':
        out[name] = value === true;
        break;
      default:
        if (typeof value === 'string') out[name] = value;
    }
  }
  return out;
}

const CLIENT_ERRORS: Record<number, string> = {
  200341: '机器人 3 秒内没有响应，飞书显示「请求超时」。',
  200671: '机器人返回了错误，飞书显示「操作失败」。',
  200672: '机器人的回应格式不对，飞书显示「操作失败」。',
  200673: '机器人返回的卡片不合法，飞书不会更新卡片。',
  200830: '卡片版本不能从 2.0 改回 1.0。',
};

/** The simulator's reasons the Lark client would not send a press, in words for the person. */
function clientRefusal(error: unknown, nodes: Node[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const labelOf = (name: string) => {
    const n = nodes.find((x) => x.name === name);
    return n ? pick(n.label, 'zh_cn') || pick(n.placeholder, 'zh_cn') || name : name;
  };
  const required = /required field "([^"]+)" is empty/.exec(message);
  if (required) return `请先填写「${labelOf(required[1]!)}」。`;
  const long = /field "([^"]+)" is longer than max_length (\d+)/.exec(message);
  if (long) return `「${labelOf(long[1]!)}」最多 ${long[2]} 个字。`;
  if (/cannot see this card/.test(message)) return '当前身份看不到这张卡片，请先切换身份。';
  if (/disabled/.test(message)) return '这个按钮现在不能点。';
  return `飞书客户端不会发送这个操作：${message.replace(/^fake Lark: /, '')}`;
}
