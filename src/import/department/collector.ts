import type { Statement } from '../../domain/department/evaluation';
import type { AccountKey, Figures } from '../../domain/department/figures';
import type { Dec } from '../../domain/scoring/decimal';
import type { TableError } from '../tables/result';

/**
 * Gathers the figures found anywhere in a workbook. The first value of an account is used; a later different value
 * (the 总合计 block repeating 日常公用经费 as 16.29) becomes a `statement`, so the audit shows both numbers.
 */
export class FigureCollector {
  readonly figures: Figures = {};
  readonly statements: Statement[] = [];
  readonly issues: TableError[] = [];
  private readonly where = new Map<AccountKey, string>();

  has(key: AccountKey): boolean {
    return this.where.has(key);
  }

  set(key: AccountKey, value: Dec, where: string): void {
    const first = this.where.get(key);
    if (first === undefined) {
      this.where.set(key, where);
      let at = this.figures as Record<string, unknown>;
      const parts = key.split('.');
      for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
      at[parts[parts.length - 1]!] = value.toNumber();
      return;
    }
    let at: unknown = this.figures;
    for (const p of key.split('.')) at = (at as Record<string, unknown>)[p];
    if (value.eq(at as number)) return;
    if (this.statements.some((s) => s.account === key && s.where === where)) return;
    this.statements.push({ account: key, value: value.toNumber(), where });
  }
}
