import type { CardJson, ReceiveIdType } from '../../transport/contract';
import type { CollectionHandlerDeps } from './deps';

/** One card to one person or chat, with the uuid that makes a repeat a no-op at Lark. */
export async function sendCard(
  deps: Pick<CollectionHandlerDeps, 'lark'>,
  to: { type: ReceiveIdType; id: string; tenantKey?: string },
  card: CardJson,
  uuid: string,
): Promise<string> {
  const sent = await deps.lark.sendMessage(to.type, to.id, { msgType: 'interactive', content: card }, { uuid, ...(to.tenantKey ? { tenantKey: to.tenantKey } : {}) });
  return sent.messageId;
}

export async function sendText(
  deps: Pick<CollectionHandlerDeps, 'lark'>,
  to: { type: ReceiveIdType; id: string; tenantKey?: string },
  text: string,
  uuid: string,
): Promise<string> {
  const sent = await deps.lark.sendMessage(to.type, to.id, { msgType: 'text', content: { text } }, { uuid, ...(to.tenantKey ? { tenantKey: to.tenantKey } : {}) });
  return sent.messageId;
}

/** Runs follow-up work after the answer, logging instead of throwing: the user's write is already safe. */
export function runLater(deps: CollectionHandlerDeps, what: string, work: () => Promise<void>): void {
  const guarded = async () => {
    try {
      await work();
    } catch (error) {
      deps.log.error(`follow-up failed: ${what}`, { error: error instanceof Error ? error.message : String(error) });
    }
  };
  if (deps.later) deps.later(guarded);
  else void guarded();
}
