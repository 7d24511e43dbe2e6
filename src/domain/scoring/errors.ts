/**
 * Input errors are values, not exceptions: a card shows `message` to the person who typed the value, so
 * every message is Chinese and says what to type instead.
 */
export type InputErrorCode =
  | 'empty-target'
  | 'bad-target'
  | 'empty-actual'
  | 'not-a-value'
  | 'unit-mismatch'
  | 'ambiguous-percent'
  | 'ambiguous-magnitude'
  | 'bad-weight'
  | 'band-required'
  | 'score-required'
  | 'bad-score'
  | 'score-outside-band'
  | 'bad-amount'
  | 'zero-budget';

export interface InputError {
  code: InputErrorCode;
  message: string;
}

export interface Failure {
  ok: false;
  error: InputError;
}

export function fail(code: InputErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}
