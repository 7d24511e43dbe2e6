export { createFakeLark, type FakeLark, type FakeLarkOptions, type AppTarget, type Delivery, type PressResult, type PressOptions, type MessageEventOptions } from './simulator';
export { validateCard, CARD_MAX_BYTES, CARD_MAX_ELEMENTS, type CardViolation } from './card-rules';
export { signLarkRequest, type SignedRequest } from './sign';
export { REAL_LIMITS, type FakeLimits } from './limits';
export type { FakeUser, FakeChat, FakeMessage, FakeFile } from './state';
