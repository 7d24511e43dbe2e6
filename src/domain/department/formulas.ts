import { z } from 'zod';
import { D, fixed2, plain, type Dec } from '../scoring/decimal';
import { accountLabel, figure, type AccountKey, type Figures } from './figures';

/**
 * The rates of the 部门整体支出绩效评价共性指标体系框架 (财预〔2013〕53号 附件2), each computed from the unit's
 * figures exactly as the framework writes it, so the explanation can show the formula with the unit's numbers in it.
 */
export const FORMULA_IDS = [
  'staffControl',
  'threePublicChange',
  'keySpending',
  'budgetCompletion',
  'budgetAdjustment',
  'paymentProgress',
  'carryForward',
  'carryForwardChange',
  'publicOperatingControl',
  'threePublicControl',
  'procurementExecution',
  'fixedAssetUse',
  'workCompletion',
  'workTimeliness',
  'workQuality',
  'keyWorkCompletion',
] as const;
export const formulaIdSchema = z.enum(FORMULA_IDS);
export type FormulaId = z.infer<typeof formulaIdSchema>;

interface Term {
  key: AccountKey;
  /** The framework's word for the figure when it differs from the table label (在职人员数 for 实有人数). */
  as?: string;
  minus?: boolean;
  /** Blank counts as 0 (年初结转和结余 of a unit that carried nothing over). */
  zeroIfBlank?: boolean;
}

interface FormulaDef {
  id: FormulaId;
  /** The indicator's name in the framework. */
  name: string;
  /** The formula as the framework writes it. */
  written: string;
  numerator: (f: Figures | undefined) => Term[];
  denominator: Term[];
  /** 预算调整数 counts 追加 and 追减 alike. */
  absolute?: boolean;
}

const t = (key: AccountKey, extra: Omit<Term, 'key'> = {}): Term => ({ key, ...extra });
const budgetBase: Term[] = [t('budget.carryOver', { as: '上年结转', zeroIfBlank: true }), t('budget.initial', { as: '年初预算' }), t('budget.adjustment', { as: '本年调整', zeroIfBlank: true })];

export const FORMULAS: Record<FormulaId, FormulaDef> = {
  staffControl: {
    id: 'staffControl',
    name: '在职人员控制率',
    written: '在职人员控制率 =（在职人员数 ÷ 编制数）× 100%',
    numerator: () => [t('staff.actual', { as: '在职人员数' })],
    denominator: [t('staff.authorized', { as: '编制数' })],
  },
  threePublicChange: {
    id: 'threePublicChange',
    name: '“三公经费”变动率',
    written: '“三公经费”变动率 =［（本年度“三公经费”总额 − 上年度“三公经费”总额）÷ 上年度“三公经费”总额］× 100%',
    numerator: () => [t('threePublic.budget.total', { as: '本年度“三公经费”预算数' }), t('threePublic.previousBudget', { as: '上年度“三公经费”预算数', minus: true })],
    denominator: [t('threePublic.previousBudget', { as: '上年度“三公经费”预算数' })],
  },
  keySpending: {
    id: 'keySpending',
    name: '重点支出安排率',
    written: '重点支出安排率 =（重点项目支出 ÷ 项目总支出）× 100%',
    numerator: () => [t('projects.key')],
    denominator: [t('projects.total')],
  },
  budgetCompletion: {
    id: 'budgetCompletion',
    name: '预算完成率',
    written: '预算完成率 =（预算完成数 ÷ 预算数）× 100%；预算完成数未填写时 =（上年结转 + 年初预算 + 本年调整 − 年末结转和结余）',
    numerator: (f) =>
      figure(f, 'budget.executed') ? [t('budget.executed', { as: '预算完成数' })] : [...budgetBase, t('budget.yearEndBalance', { as: '年末结余', minus: true, zeroIfBlank: true })],
    denominator: budgetBase,
  },
  budgetAdjustment: {
    id: 'budgetAdjustment',
    name: '预算调整率',
    written: '预算调整率 =（预算调整数 ÷ 预算数）× 100%，追加、追减均计入调整数',
    numerator: () => [t('budget.adjustment', { as: '本年预算调整数' })],
    denominator: [t('budget.initial', { as: '年初预算数' })],
    absolute: true,
  },
  paymentProgress: {
    id: 'paymentProgress',
    name: '支付进度率',
    written: '支付进度率 =（实际支付进度 ÷ 既定支付进度）× 100%',
    numerator: () => [t('payment.actualProgress')],
    denominator: [t('payment.plannedProgress')],
  },
  carryForward: {
    id: 'carryForward',
    name: '结转结余率',
    written: '结转结余率 =（结转结余总额 ÷ 支出预算数）× 100%',
    numerator: () => [t('budget.yearEndBalance', { as: '结转结余总额' })],
    denominator: budgetBase,
  },
  carryForwardChange: {
    id: 'carryForwardChange',
    name: '结转结余变动率',
    written: '结转结余变动率 =［（本年度累计结转结余资金总额 − 上年度累计结转结余资金总额）÷ 上年度累计结转结余资金总额］× 100%',
    numerator: () => [t('budget.yearEndBalance', { as: '本年度结转结余' }), t('budget.carryOver', { as: '上年度结转结余', minus: true })],
    denominator: [t('budget.carryOver', { as: '上年度结转结余' })],
  },
  publicOperatingControl: {
    id: 'publicOperatingControl',
    name: '公用经费控制率',
    written: '公用经费控制率 =（实际支出公用经费总额 ÷ 预算安排公用经费总额）× 100%',
    numerator: () => [t('expenditure.publicOperating', { as: '实际支出公用经费' })],
    denominator: [t('budget.publicOperating', { as: '预算安排公用经费' })],
  },
  threePublicControl: {
    id: 'threePublicControl',
    name: '“三公经费”控制率',
    written: '“三公经费”控制率 =（“三公经费”实际支出数 ÷ “三公经费”预算安排数）× 100%',
    numerator: () => [t('threePublic.actual.total', { as: '“三公经费”实际支出数' })],
    denominator: [t('threePublic.budget.total', { as: '“三公经费”预算安排数' })],
  },
  procurementExecution: {
    id: 'procurementExecution',
    name: '政府采购执行率',
    written: '政府采购执行率 =（实际政府采购金额 ÷ 政府采购预算数）× 100%',
    numerator: () => [t('procurement.actual')],
    denominator: [t('procurement.budget')],
  },
  fixedAssetUse: {
    id: 'fixedAssetUse',
    name: '固定资产利用率',
    written: '固定资产利用率 =（实际在用固定资产总额 ÷ 所有固定资产总额）× 100%',
    numerator: () => [t('fixedAssets.inUse', { as: '实际在用固定资产' })],
    denominator: [t('fixedAssets.total', { as: '所有固定资产' })],
  },
  workCompletion: {
    id: 'workCompletion',
    name: '实际完成率',
    written: '实际完成率 =（实际完成工作数 ÷ 计划工作数）× 100%',
    numerator: () => [t('work.completed')],
    denominator: [t('work.planned')],
  },
  workTimeliness: {
    id: 'workTimeliness',
    name: '完成及时率',
    written: '完成及时率 =（及时完成实际工作数 ÷ 计划工作数）× 100%',
    numerator: () => [t('work.onTime')],
    denominator: [t('work.planned')],
  },
  workQuality: {
    id: 'workQuality',
    name: '质量达标率',
    written: '质量达标率 =（质量达标实际工作数 ÷ 计划工作数）× 100%',
    numerator: () => [t('work.qualityMet')],
    denominator: [t('work.planned')],
  },
  keyWorkCompletion: {
    id: 'keyWorkCompletion',
    name: '重点工作办结率',
    written: '重点工作办结率 =（重点工作实际完成数 ÷ 交办或下达数）× 100%',
    numerator: () => [t('work.keyCompleted')],
    denominator: [t('work.keyAssigned')],
  },
};

export interface FormulaInput {
  account: AccountKey;
  label: string;
  value: number;
}

export type FormulaOutcome =
  | { ok: true; rate: Dec; expression: string; inputs: FormulaInput[] }
  | { ok: false; missing: AccountKey[]; message: string; inputs: FormulaInput[] };

function termName(term: Term): string {
  return term.as ?? accountLabel(term.key);
}

/** `（上年结转 0 + 年初预算 402.03 + 本年调整 0）` or `实有人数 7`. */
function termsText(terms: Term[], values: Dec[]): string {
  const parts = terms.map((term, i) => `${i === 0 ? (term.minus ? '− ' : '') : term.minus ? ' − ' : ' + '}${termName(term)} ${plain(values[i]!)}`);
  return terms.length > 1 ? `（${parts.join('')}）` : parts.join('');
}

/** Computes a framework rate from the figures; says which figures are missing when it cannot. */
export function computeFormula(id: FormulaId, figures: Figures | undefined): FormulaOutcome {
  const def = FORMULAS[id];
  const num = def.numerator(figures);
  const den = def.denominator;
  const inputs: FormulaInput[] = [];
  const missing: AccountKey[] = [];
  const values = (terms: Term[]) =>
    terms.map((term) => {
      const v = figure(figures, term.key);
      if (v == null && !term.zeroIfBlank && !missing.includes(term.key)) missing.push(term.key);
      if (v != null && !inputs.some((i) => i.account === term.key)) inputs.push({ account: term.key, label: termName(term), value: v.toNumber() });
      return v ?? new D(0);
    });
  const numValues = values(num);
  const denValues = values(den);
  if (missing.length) {
    return { ok: false, missing, inputs, message: `缺少${missing.map(accountLabel).join('、')}，无法计算${def.name}` };
  }
  const sum = (terms: Term[], vs: Dec[]) => terms.reduce((s, term, i) => (term.minus ? s.minus(vs[i]!) : s.plus(vs[i]!)), new D(0));
  const n = sum(num, numValues);
  const d = sum(den, denValues);
  if (d.isZero()) {
    const names = den.map((term, i) => `${i === 0 ? '' : term.minus ? ' − ' : ' + '}${termName(term)}`).join('');
    return { ok: false, missing: [], inputs, message: `${den.length > 1 ? `（${names}）` : names}为 0，无法计算${def.name}` };
  }
  const rate = (def.absolute ? n.abs() : n).div(d).times(100);
  const numText = def.absolute && num.length === 1 ? `|${termsText(num, numValues)}|` : termsText(num, numValues);
  return { ok: true, rate, inputs, expression: `${def.name} = ${numText} ÷ ${termsText(den, denValues)} × 100% = ${fixed2(rate)}%` };
}
