export { createFakeLark, type FakeLark, type FakeLarkOptions, type AppTarget, type Delivery, type PressResult, type PressOptions, type MessageEventOptions } from './simulator';
export { validateCard, CARD_MAX_BYTES, CARD_MAX_ELEMENTS, RULES, type CardViolation, type CardRule } from './card-rules';
export { KNOWN_CARD_DEBT } from './card-debt';
export { DEFAULT_SHAPES, type PayloadShapes } from './shapes';
export { received } from './received-content';
export { signLarkRequest, signLegacyCardCallback, type SignedRequest } from './sign';
export { REAL_LIMITS, type FakeLimits } from './limits';
export type { FakeUser, FakeChat, FakeMessage, FakeFile, CardRecord } from './state';
