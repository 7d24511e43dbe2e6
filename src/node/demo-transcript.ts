import type { FakeLark, FakeMessage } from '../fake-lark';

/**
 * Prints the demo conversation as each person sees it in their Lark client: the group, and every
 * person's private chat with the bot. Cards are drawn as text (title, the visible text, tables, buttons).
 */
type Node = Record<string, unknown>;

const MAX_TABLE_ROWS = 10;

export function cardLines(card: Node): string[] {
  const header = card.header as { title?: { content?: string }; subtitle?: { content?: string } } | undefined;
  const lines: string[] = [`┌ ${header?.title?.content ?? '卡片'}${header?.subtitle?.content ? ` · ${header.subtitle.content}` : ''}`];
  const body = (card.body as { elements?: Node[] } | undefined)?.elements ?? [];
  const buttons: string[] = [];
  const walk = (nodes: Node[], indent: string) => {
    for (const n of nodes) {
      switch (n.tag) {
        case 'markdown':
        case 'div':
          for (const l of plain(String(n.content ?? (n.text as Node | undefined)?.content ?? '')).split('\n')) if (l.trim()) lines.push(`│${indent} ${l}`);
          break;
        case 'table': {
          const cols = (n.columns as Array<{ name: string; display_name: string }>) ?? [];
          const rows = (n.rows as Node[]) ?? [];
          lines.push(`│${indent} ${cols.map((c) => c.display_name).join(' | ')}`);
          for (const r of rows.slice(0, MAX_TABLE_ROWS)) lines.push(`│${indent} ${cols.map((c) => plain(String(r[c.name] ?? ''))).join(' | ')}`);
          if (rows.length > MAX_TABLE_ROWS) lines.push(`│${indent} …（共 ${rows.length} 行，卡片内分页查看）`);
          break;
        }
        case 'collapsible_panel': {
          const title = ((n.header as Node | undefined)?.title as Node | undefined)?.content;
          lines.push(`│${indent} ▸ ${plain(String(title ?? ''))}`);
          walk((n.elements as Node[]) ?? [], `${indent}  `);
          break;
        }
        case 'column_set':
          for (const c of (n.columns as Node[]) ?? []) walk((c.elements as Node[]) ?? [], indent);
          break;
        case 'form':
          walk((n.elements as Node[]) ?? [], indent);
          break;
        case 'button':
          buttons.push(`[${(n.text as Node | undefined)?.content ?? ''}]`);
          break;
        case 'input':
          lines.push(`│${indent} ▭ ${(n.label as Node | undefined)?.content ?? (n.placeholder as Node | undefined)?.content ?? '输入框'}${n.default_value ? `：${String(n.default_value)}` : ''}`);
          break;
        case 'select_static':
        case 'select_person':
        case 'multi_select_person':
        case 'date_picker':
          lines.push(`│${indent} ▾ ${(n.placeholder as Node | undefined)?.content ?? '选择'}`);
          break;
        case 'chart':
          lines.push(`│${indent} 📊 ${String(((n.chart_spec as Node | undefined)?.title as Node | undefined)?.text ?? '图表')}（图表）`);
          break;
        case 'hr':
          lines.push(`│${indent} ─────`);
          break;
        default:
          break;
      }
    }
  };
  walk(body, '');
  if (buttons.length > 0) lines.push(`│ ${buttons.join(' ')}`);
  lines.push('└');
  return lines;
}

/** Card markdown as a reader sees it: no ** or font tags, mentions as @name. */
function plain(md: string): string {
  return md
    .replace(/<font[^>]*>|<\/font>/g, '')
    .replace(/<at [^>]*><\/at>/g, '@某人')
    .replace(/\*\*/g, '')
    .replace(/\\([\\`*_~[\]#|])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function createTranscript(fake: FakeLark, names: ReadonlyMap<string, string>, write: (line: string) => void) {
  const seen = new Map<string, number>(); // message id → versions printed
  let lastView = '';
  const viewOf = (m: FakeMessage) => {
    const chat = fake.state.chats.get(m.chatId);
    if (chat?.type === 'group') return `群聊「${chat.name}」`;
    const person = chat?.members.find((id) => id !== fake.botOpenId);
    return `${names.get(person ?? '') ?? person} 的私聊`;
  };
  const header = (view: string) => {
    if (view === lastView) return;
    lastView = view;
    write('');
    write(`━━━ ${view} ━━━`);
  };
  const who = (m: FakeMessage) => (m.sender === 'bot' ? '绩效自评助手' : (names.get(m.sender) ?? m.sender));

  return {
    /** Something a person did that is not a message (a button press), shown in their view. */
    action(view: string, text: string) {
      header(view);
      write(`  👆 ${text}`);
    },
    note(view: string, text: string) {
      header(view);
      write(`  ↳ ${text}`);
    },
    /** Prints every message sent or updated since the last call, in send order. */
    flush() {
      for (const id of fake.state.order) {
        const m = fake.state.messages.get(id)!;
        const versions = 1 + m.history.length;
        const printed = seen.get(id) ?? 0;
        if (printed === versions) continue;
        seen.set(id, versions);
        header(viewOf(m));
        if (printed > 0) {
          // a card patched in place: show its new state
          // a card patched in place: one line with its title and first line of text
          if (m.card) {
            const [title, first] = cardLines(m.card);
            write(`  ↻ ${who(m)} 更新了卡片 ${title!.slice(2)}${first && first !== '└' ? `：${first.slice(2)}` : ''}`);
          }
          continue;
        }
        if (m.msgType === 'text') write(`  ${who(m)}：${String(m.text ?? '').replace(/@_user_\d+/g, '@绩效自评助手')}`);
        else if (m.msgType === 'interactive' && m.card) {
          write(`  ${who(m)}：`);
          for (const l of cardLines(m.card)) write(`    ${l}`);
        } else if (m.msgType === 'file') {
          const key = (JSON.parse(m.content) as { file_key?: string }).file_key ?? '';
          const file = fake.file(key);
          write(`  ${who(m)}：📎 ${file?.fileName ?? '文件'}${file ? `（${Math.max(1, Math.round(file.bytes.length / 1024))} KB）` : ''}`);
        } else write(`  ${who(m)}：[${m.msgType}]`);
      }
    },
  };
}
