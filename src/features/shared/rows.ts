import { isOpenStatus } from '../../domain/value-status';

/** Whether a row still waits for its owner (no answer yet, or returned for correction). */
export function isOpen(item: { value: { status: string } }): boolean {
  return isOpenStatus(item.value.status);
}
