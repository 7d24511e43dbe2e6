import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/transport/dispatcher';
import type { InboundEnvelope } from '../../src/transport/inbound/envelope';
import type { CardAction } from '../../src/transport/contract';

const env = (eventType: string, event: Record<string, unknown>): InboundEnvelope => ({ eventId: 'e1', eventType, tenantKey: 't', event });

describe('dispatcher', () => {
  it('throws at registration for a misspelt event type or action name', () => {
    const d = createDispatcher(['submit_value', 'approve'] as const);
    expect(() => d.onEvent('im.message.recieve_v1' as never, async () => {})).toThrow(/Unknown Lark event type "im.message.recieve_v1"/);
    expect(() => d.onAction('submitvalue' as never, async () => ({}))).toThrow(/Unknown card action "submitvalue"/);
    expect(() => d.onEvent('card.action.trigger' as never, async () => {})).toThrow(/onAction/);
    d.onAction('approve', async () => ({}));
    expect(() => d.onAction('approve', async () => ({}))).toThrow(/already has a handler/);
    expect(() => createDispatcher(['a', 'a'])).toThrow(/duplicate/);
  });

  it('flattens im.message.receive_v1 and runs every handler in order', async () => {
    const d = createDispatcher([]);
    const seen: string[] = [];
    d.onEvent('im.message.receive_v1', async (m, meta) => void seen.push(`1:${m.messageId}:${m.mentions[0]?.openId}:${meta.eventId}`));
    d.onEvent('im.message.receive_v1', async (m) => void seen.push(`2:${m.chatType}:${m.parentId}`));
    const outcome = await d.dispatchEvent(
      env('im.message.receive_v1', {
        sender: { sender_id: { open_id: 'ou_a' }, sender_type: 'user' },
        message: {
          message_id: 'om_9',
          parent_id: 'om_8',
          chat_id: 'oc_1',
          chat_type: 'group',
          message_type: 'text',
          content: '{"text":"@_user_1 导入"}',
          mentions: [{ key: '@_user_1', id: { open_id: 'ou_bot' }, name: 'bot' }],
        },
      }),
    );
    expect(outcome).toBe('handled');
    expect(seen).toEqual(['1:om_9:ou_bot:e1', '2:group:om_8']);
    expect(d.subscribedEventTypes()).toEqual(['im.message.receive_v1']);
  });

  it('reports unhandled and malformed events instead of throwing', async () => {
    const d = createDispatcher([]);
    expect(await d.dispatchEvent(env('im.chat.disbanded_v1', {}))).toBe('unhandled');
    d.onEvent('im.message.receive_v1', async () => {});
    expect(await d.dispatchEvent(env('im.message.receive_v1', { nonsense: true }))).toBe('malformed');
  });

  it('routes card actions by value.action', async () => {
    const d = createDispatcher(['approve'] as const);
    d.onAction('approve', async (a) => ({ toast: { type: 'success', content: `ok ${String(a.value.row)}` } }));
    const action = { value: { action: 'approve', row: 3 } } as unknown as CardAction;
    expect(await d.actionHandler(action)!(action)).toEqual({ toast: { type: 'success', content: 'ok 3' } });
    expect(d.actionHandler({ value: { action: 'other' } } as unknown as CardAction)).toBeNull();
    expect(d.actionHandler({ value: {} } as unknown as CardAction)).toBeNull();
  });
});
