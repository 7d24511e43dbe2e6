/** A Lark open_id (`ou_` and letters, digits or underscores), as opposed to a name, email or mobile. */
export const OPEN_ID_PATTERN = /^ou_[0-9a-z_]+$/i;

export function isOpenId(text: string): boolean {
  return OPEN_ID_PATTERN.test(text);
}
