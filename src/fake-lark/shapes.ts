/**
 * Which of the shapes real tenants receive the fake sends. Lark's payloads differ by the app's scopes and
 * settings; the fake sends the documented real ones and lets a test pick the variant it exercises.
 */
export interface PayloadShapes {
  /**
   * Ids in events and callbacks. `full`: every id (an app with contact:user.employee_id:readonly);
   * `null-user-id`: `"user_id": null` as Lark sends it without that scope; `minimal`: user_id null, no
   * union_id and no tenant_key on the sender, as some external users arrive
   * (https://open.feishu.cn/document/server-docs/im-v1/message/events/receive).
   */
  ids: 'full' | 'null-user-id' | 'minimal';
  /**
   * Card callbacks: `v2` (card.action.trigger, schema 2.0, signed and encrypted like events) or `legacy`
   * (消息卡片回传交互（旧）: top-level `open_id`, plain JSON, sha1 signature with the Verification Token,
   * https://open.feishu.cn/document/deprecated-guide/message-card/configuring-card-callbacks/card-callback-structure).
   */
  cardCallback: 'v2' | 'legacy';
  /**
   * Failures of the token endpoint: `http200` as real Lark answers them (HTTP 200, non-zero `code`), or
   * `http400`.
   */
  tokenErrors: 'http200' | 'http400';
  /** Chat members' `page_token`: `opaque` (base64, as the docs show) or `offset` (a plain number). */
  pageTokens: 'opaque' | 'offset';
}

/** What the fake sends unless told otherwise: the shapes of an app without the user-id scope. */
export const DEFAULT_SHAPES: PayloadShapes = { ids: 'null-user-id', cardCallback: 'v2', tokenErrors: 'http200', pageTokens: 'opaque' };

/** A person's ids as the chosen shape sends them (`sender_id`, `operator`, `mentions[].id`). */
export function idsOf(user: { openId: string; unionId: string; userId: string }, shape: PayloadShapes['ids']): Record<string, string | null> {
  if (shape === 'full') return { open_id: user.openId, union_id: user.unionId, user_id: user.userId };
  if (shape === 'null-user-id') return { open_id: user.openId, union_id: user.unionId, user_id: null };
  return { open_id: user.openId, user_id: null };
}
