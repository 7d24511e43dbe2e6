export { createLarkClient, DEFAULT_LIMITS, type ClientLimits, type FullLarkClient, type LarkClientOptions } from './lark-client';
export { LarkApiError, adminMessageFor } from './errors';
