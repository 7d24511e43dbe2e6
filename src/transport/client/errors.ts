/**
 * A Lark Open Platform error, typed by its numeric `code`, with a Chinese message an administrator can act
 * on (what is wrong and where to fix it), next to Lark's own `msg` and `log_id` for support tickets.
 */
export class LarkApiError extends Error {
  readonly adminMessage: string;
  constructor(
    readonly code: number,
    readonly httpStatus: number,
    readonly larkMessage: string,
    readonly operation: string,
    readonly logId?: string,
  ) {
    super(`Lark ${operation} failed: code ${code} (HTTP ${httpStatus}) ${larkMessage}${logId ? ` log_id=${logId}` : ''}`);
    this.name = 'LarkApiError';
    this.adminMessage = adminMessageFor(code, larkMessage, logId);
  }
}

/** Codes that mean "slow down": wait for x-ogw-ratelimit-reset and retry (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control). */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([99991400, 230020, 11232, 11233, 11247, 232019]);
/** Codes that mean the tenant token is invalid or missing: refresh it and retry once (https://open.feishu.cn/document/server-docs/authentication-management/access-token/tenant_access_token_internal). */
export const TOKEN_CODES: ReadonlySet<number> = new Set([99991663, 99991661, 99991664, 99991665]);

/**
 * What an administrator is told per code, as each API page describes it. Codes whose meaning depends on
 * Lark's `msg` (10014 is a generic "app unauthorized" whose `msg` names the cause, e.g. "app id not exists",
 * https://open.feishu.cn/document/server-docs/api-call-guide/generic-error-code) quote it.
 */
const ADMIN_MESSAGES: Record<number, string | ((larkMessage: string) => string)> = {
  10003: '应用凭证无效：请检查 LARK_APP_ID 是否填写正确。',
  10014: (msg) => `应用未获授权${msg ? `（飞书说明：${msg}）` : ''}：请检查 LARK_APP_ID 和 LARK_APP_SECRET 是否与开发者后台「凭证与基础信息」一致，以及应用是否已发布、未被停用。`,
  99991663: '访问凭证（tenant_access_token）无效或已过期，自动刷新后仍失败：请检查应用凭证。',
  99991661: '请求缺少访问凭证：请检查 LARK_APP_ID / LARK_APP_SECRET。',
  99991672: '应用缺少接口权限：请在开发者后台「权限管理」开通所需权限（如 im:message、im:resource、im:chat.members:read、contact:user.id:readonly），并发布新版本。',
  99991679: '应用缺少接口权限：请在开发者后台「权限管理」开通所需权限，并发布新版本。',
  99991668: '用户授权失效：请重新授权。',
  99991400: '请求过于频繁，已按飞书要求等待后重试仍失败：请稍后再试。',
  230001: '请求参数有误（可能是消息内容格式不对）：请把 log_id 发给开发者排查。',
  230002: '机器人不在该群中：请先把机器人拉进这个群，再重试。',
  230006: '应用未启用机器人能力：请在开发者后台「添加应用能力」中开启「机器人」，并发布新版本。',
  230013: '该用户不在应用的可用范围内：请在开发者后台「应用发布 > 版本管理与发布」把此人加入可用范围，并发布新版本。',
  // https://open.feishu.cn/document/server-docs/im-v1/message/create: "P2P chat can NOT be shared"
  230015: '单聊会话不能被分享：只能分享群聊（share_chat 消息的 chat_id 须是群）。',
  230017: '机器人不是该资源的所有者，无法操作这条消息。',
  230018: '群设置不允许机器人发言：请群主在群设置中允许机器人发送消息。',
  230020: '发送过于频繁（同一用户或群每秒最多 5 条），已等待后重试仍失败：请稍后再试。',
  230022: '消息内容未通过安全审核：请修改内容后重试。',
  230023: '该用户未读的加急消息过多（上限 200 条），暂时无法再加急。',
  230024: '本企业的加急额度已用完：请联系企业管理员。',
  230025: '消息内容超过大小限制（卡片和富文本最多 30 KB）：请减少内容后重试。',
  230027: '应用缺少发送消息的权限：请开通 im:message:send_as_bot 并发布新版本。',
  230028: '消息内容被数据防泄漏（DLP）策略拦截。',
  230029: '该用户已离职，无法接收消息：请更换责任人。',
  230031: '这条卡片消息已超过 14 天，无法再更新：请重新发送卡片。',
  230034: '接收者 ID 无效：请检查 open_id / chat_id 是否属于本应用。',
  230035: '发送被拒绝：对方可能屏蔽了机器人，或群已禁言。',
  230053: '该用户已关闭机器人消息：请线下提醒此人，或请其在机器人会话中恢复接收。',
  230099: '卡片内容有误，飞书无法渲染：请把 log_id 发给开发者排查。',
  232009: '该群已解散。',
  // https://open.feishu.cn/document/server-docs/group/chat-member/get: operator and chat in different tenants
  232010: '操作者与该群不属于同一企业，无法读取群成员：请在本企业的群里使用机器人。',
  232011: '操作者不在该群中。',
  300030: '卡片更新令牌已过期（有效期 30 分钟）：请重新打开卡片操作。',
  300040: '卡片更新令牌已用完（每个令牌最多使用 2 次）。',
  200310: '只能更新本应用发送的卡片。',
  11311: '卡片内容有误，飞书无法更新：请把 log_id 发给开发者排查。',
  // https://open.feishu.cn/document/server-docs/im-v1/message/get-2: "File not in message"
  234003: '要读取的文件不在这条消息里：请把表格文件重新发到群里（或私聊发给机器人），再导入。',
  // https://open.feishu.cn/document/server-docs/im-v1/file/create: upload limits
  234006: '文件太大，飞书不允许上传（文件最大 30 MB，图片最大 10 MB）：请压缩或拆分后重试。',
  // https://open.feishu.cn/document/server-docs/im-v1/message/get-2: download limit
  234037: '文件超过 100 MB，飞书不允许机器人下载：请拆分或压缩后重新发送。',
};

export function adminMessageFor(code: number, larkMessage: string, logId?: string): string {
  const entry = ADMIN_MESSAGES[code];
  const known = typeof entry === 'function' ? entry(larkMessage) : entry;
  const ref = logId ? `（错误码 ${code}，log_id ${logId}）` : `（错误码 ${code}）`;
  if (known) return known + ref;
  if (code >= 500 && code < 600) return `飞书服务暂时不可用，已多次重试仍失败：请稍后再试${ref}。`;
  return `飞书接口返回错误：${larkMessage || '未知错误'}。请把这条信息发给管理员${ref}。`;
}
