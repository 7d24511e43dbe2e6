/**
 * The tenant_access_token of a self-built app (https://open.feishu.cn/document/server-docs/authentication-management/access-token/tenant_access_token_internal): fetched on first use, kept until 3 min
 * before it expires, refreshed early when Lark says it is invalid (99991663 / 99991661). Concurrent
 * callers share one request. On Workers the cache lives per isolate, which is harmless at 2 h validity.
 */
export function createTokenCache(fetchToken: () => Promise<{ token: string; expireSeconds: number }>, now: () => number) {
  let current: { token: string; refreshAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  return {
    async get(): Promise<string> {
      if (current && now() < current.refreshAt) return current.token;
      if (!inflight) {
        inflight = fetchToken()
          .then(({ token, expireSeconds }) => {
            current = { token, refreshAt: now() + Math.max(expireSeconds - 180, 30) * 1000 };
            return token;
          })
          .finally(() => {
            inflight = null;
          });
      }
      return inflight;
    },
    /** Drops the token if it is still the one that was refused (another caller may have refreshed it). */
    invalidate(token: string) {
      if (current?.token === token) current = null;
    },
  };
}
