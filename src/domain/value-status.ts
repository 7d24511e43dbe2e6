/** Where one row's answer stands: not yet given, handed in, approved by an admin, or returned for correction. */
export type ValueStatus = 'pending' | 'submitted' | 'approved' | 'returned';

/**
 * A row is open — still waiting for its owner — when it has no answer yet or was returned for
 * correction. The one statement of that rule (cards, handlers, services and the reminder planner use it;
 * the SQL in src/storage says the same with `status IN ('pending', 'returned')`).
 */
export function isOpenStatus(status: string): boolean {
  return status === 'pending' || status === 'returned';
}
