import { D, plain, type Dec } from '../scoring/decimal';
import { readNumber } from '../scoring/numbers-in';
import { accountLabel, figure, type AccountKey, type Figures } from './figures';

/**
 * The sums a unit's accounts must keep, as the 决算 tables print them: 收入合计 = Σ sources, 支出合计 = 基本支出 +
 * 项目支出, 基本支出 = 人员经费 + 公用经费, 三公 = Σ its four lines (预算 and 决算 separately), 固定资产合计 = Σ its
 * kinds, 当年结余 = 收入合计 − 支出合计, and 预算数 = 执行数 + 年末结转和结余.
 */
export interface SumRule {
  id: string;
  total: AccountKey;
  parts: AccountKey[];
  /** Parts that are subtracted (当年结余 = 收入合计 − 支出合计). */
  minus?: AccountKey[];
}

export const SUM_RULES: SumRule[] = [
  {
    id: 'income-total',
    total: 'income.total',
    parts: ['income.carryOver', 'income.fiscal', 'income.governmentFund', 'income.specialAccount', 'income.superior', 'income.business', 'income.other'],
  },
  { id: 'expenditure-total', total: 'expenditure.total', parts: ['expenditure.basic', 'expenditure.project'] },
  { id: 'basic', total: 'expenditure.basic', parts: ['expenditure.personnel', 'expenditure.publicOperating'] },
  { id: 'public-operating', total: 'expenditure.publicOperating', parts: ['expenditure.goodsServices', 'expenditure.capital'] },
  { id: 'balance', total: 'expenditure.balanceCurrent', parts: ['income.total'], minus: ['expenditure.total'] },
  {
    id: 'three-public-budget',
    total: 'threePublic.budget.total',
    parts: ['threePublic.budget.abroad', 'threePublic.budget.vehiclePurchase', 'threePublic.budget.vehicleOperation', 'threePublic.budget.reception'],
  },
  {
    id: 'three-public-actual',
    total: 'threePublic.actual.total',
    parts: ['threePublic.actual.abroad', 'threePublic.actual.vehiclePurchase', 'threePublic.actual.vehicleOperation', 'threePublic.actual.reception'],
  },
  { id: 'fixed-assets', total: 'fixedAssets.total', parts: ['fixedAssets.inUse', 'fixedAssets.leased', 'fixedAssets.other'] },
  {
    id: 'budget-balance',
    total: 'budget.executed',
    parts: ['budget.carryOver', 'budget.initial', 'budget.adjustment'],
    minus: ['budget.yearEndBalance'],
  },
];

export interface FigureCheck {
  id: string;
  /** The account whose printed figure is checked. */
  account: AccountKey;
  ok: boolean;
  stated: number;
  computed: number;
  /** `基本支出 94.03 万元 = 人员经费 55.76 + 日常公用经费 38.27 = 94.03 万元`, or the mismatch in the same words. */
  message: string;
  /** A difference of at most 0.01 万元 per part, the most that rounding each part to 2 decimals can produce. */
  rounding: boolean;
}

function term(sign: '+' | '−', key: AccountKey, value: Dec): string {
  return `${sign} ${accountLabel(key)} ${plain(value)}`;
}

/**
 * Runs every sum whose total and at least one part are given. A blank part counts as 0, as the 决算 tables leave
 * a line without money blank (seed 004's 三公 预算 prints only 公务接待费 1.06 and its 小计).
 */
export function crossCheck(figures: Figures | undefined): FigureCheck[] {
  const out: FigureCheck[] = [];
  for (const rule of SUM_RULES) {
    const total = figure(figures, rule.total);
    if (!total) continue;
    const plus = rule.parts.map((k) => [k, figure(figures, k)] as const).filter(([, v]) => v != null);
    const minus = (rule.minus ?? []).map((k) => [k, figure(figures, k)] as const).filter(([, v]) => v != null);
    if (!plus.length && !minus.length) continue;
    let sum = new D(0);
    for (const [, v] of plus) sum = sum.plus(v!);
    for (const [, v] of minus) sum = sum.minus(v!);
    const blank = rule.parts.length + (rule.minus?.length ?? 0) - plus.length - minus.length;
    const shown = [
      ...plus.map(([k, v], i) => (i === 0 ? `${accountLabel(k)} ${plain(v!)}` : term('+', k, v!))),
      ...minus.map(([k, v]) => term('−', k, v!)),
    ].join(' ');
    const ok = sum.eq(total);
    const diff = total.minus(sum).abs();
    const rounding = !ok && diff.lte(new D('0.01').times(plus.length + minus.length));
    const name = accountLabel(rule.total);
    const message = ok
      ? `${name} ${plain(total)} 万元 = ${shown} = ${plain(sum)} 万元`
      : `${name}填写 ${plain(total)} 万元，而${shown} = ${plain(sum)} 万元${blank ? '（未填写的分项按 0 计）' : ''}，相差 ${plain(diff)} 万元${rounding ? '（可能是分项四舍五入所致，请核对后统一）' : ''}`;
    out.push({ id: rule.id, account: rule.total, ok, stated: total.toNumber(), computed: sum.toNumber(), message, rounding });
  }
  const items = figures?.projects?.items ?? [];
  const project = figure(figures, 'expenditure.project');
  const paid = items.map((i) => readNumber(i.paid ?? null));
  if (project && items.length && paid.every((v) => v != null)) {
    const sum = paid.reduce((s: Dec, v) => s.plus(v!), new D(0));
    const shown = items.map((i, k) => `${i.name} ${plain(paid[k]!)}`).join(' + ');
    const ok = sum.eq(project);
    const diff = project.minus(sum).abs();
    out.push({
      id: 'project-items',
      account: 'expenditure.project',
      ok,
      stated: project.toNumber(),
      computed: sum.toNumber(),
      message: ok ? `项目支出 ${plain(project)} 万元 = ${shown} = ${plain(sum)} 万元` : `项目支出填写 ${plain(project)} 万元，而各项目本年支付 ${shown} = ${plain(sum)} 万元，相差 ${plain(diff)} 万元`,
      rounding: !ok && diff.lte(new D('0.01').times(items.length)),
    });
  }
  return out;
}
