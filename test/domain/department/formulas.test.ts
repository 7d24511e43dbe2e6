import { describe, expect, it } from 'vitest';
import type { Figures } from '../../../src/domain/department/figures';
import { computeFormula, FORMULA_IDS, FORMULAS, type FormulaId } from '../../../src/domain/department/formulas';

const figures: Figures = {
  staff: { authorized: 20, actual: 21 },
  expenditure: { publicOperating: '41.8万元' },
  budget: { carryOver: 12, initial: 400, adjustment: -30, yearEndBalance: 19.1, publicOperating: 40 },
  projects: { total: 300, key: 255 },
  threePublic: { budget: { total: 10 }, actual: { total: 9.5 }, previousBudget: 12.5 },
  fixedAssets: { total: 80, inUse: 72 },
  procurement: { budget: 50, actual: 45 },
  payment: { actualProgress: 72, plannedProgress: 80 },
  work: { planned: 40, completed: 38, onTime: 36, qualityMet: 39, keyAssigned: 12, keyCompleted: 11 },
};

function run(id: FormulaId, f: Figures = figures) {
  const r = computeFormula(id, f);
  if (!r.ok) throw new Error(r.message);
  return { rate: r.rate.toDecimalPlaces(2).toNumber(), expression: r.expression };
}

describe('the framework formulas', () => {
  it.each<[FormulaId, number, string]>([
    ['staffControl', 105, '在职人员控制率 = 在职人员数 21 ÷ 编制数 20 × 100% = 105.00%'],
    ['threePublicChange', -20, '“三公经费”变动率 = （本年度“三公经费”预算数 10 − 上年度“三公经费”预算数 12.5） ÷ 上年度“三公经费”预算数 12.5 × 100% = -20.00%'],
    ['keySpending', 85, '重点支出安排率 = 重点项目支出 255 ÷ 项目总支出 300 × 100% = 85.00%'],
    ['budgetCompletion', 95, '预算完成率 = （上年结转 12 + 年初预算 400 + 本年调整 -30 − 年末结余 19.1） ÷ （上年结转 12 + 年初预算 400 + 本年调整 -30） × 100% = 95.00%'],
    ['budgetAdjustment', 7.5, '预算调整率 = |本年预算调整数 -30| ÷ 年初预算数 400 × 100% = 7.50%'],
    ['paymentProgress', 90, '支付进度率 = 实际支付进度 72 ÷ 既定支付进度 80 × 100% = 90.00%'],
    ['carryForward', 5, '结转结余率 = 结转结余总额 19.1 ÷ （上年结转 12 + 年初预算 400 + 本年调整 -30） × 100% = 5.00%'],
    ['carryForwardChange', 59.17, '结转结余变动率 = （本年度结转结余 19.1 − 上年度结转结余 12） ÷ 上年度结转结余 12 × 100% = 59.17%'],
    ['publicOperatingControl', 104.5, '公用经费控制率 = 实际支出公用经费 41.8 ÷ 预算安排公用经费 40 × 100% = 104.50%'],
    ['threePublicControl', 95, '“三公经费”控制率 = “三公经费”实际支出数 9.5 ÷ “三公经费”预算安排数 10 × 100% = 95.00%'],
    ['procurementExecution', 90, '政府采购执行率 = 实际政府采购金额 45 ÷ 政府采购预算数 50 × 100% = 90.00%'],
    ['fixedAssetUse', 90, '固定资产利用率 = 实际在用固定资产 72 ÷ 所有固定资产 80 × 100% = 90.00%'],
    ['workCompletion', 95, '实际完成率 = 实际完成工作数 38 ÷ 计划工作数 40 × 100% = 95.00%'],
    ['workTimeliness', 90, '完成及时率 = 及时完成工作数 36 ÷ 计划工作数 40 × 100% = 90.00%'],
    ['workQuality', 97.5, '质量达标率 = 质量达标工作数 39 ÷ 计划工作数 40 × 100% = 97.50%'],
    ['keyWorkCompletion', 91.67, '重点工作办结率 = 重点工作实际完成数 11 ÷ 重点工作交办或下达数 12 × 100% = 91.67%'],
  ])('%s', (id, rate, expression) => {
    const r = run(id);
    expect(r.expression).toBe(expression);
    expect(r.rate).toBeCloseTo(rate, 2);
  });

  it('covers every formula of the framework', () => {
    expect(Object.keys(FORMULAS).sort()).toEqual([...FORMULA_IDS].sort());
  });

  it('预算完成率 uses the 预算完成数 when one is given', () => {
    expect(run('budgetCompletion', { budget: { initial: 400, executed: 380 } }).expression).toBe(
      '预算完成率 = 预算完成数 380 ÷ （上年结转 0 + 年初预算 400 + 本年调整 0） × 100% = 95.00%',
    );
  });

  it('names the missing figures instead of guessing', () => {
    const r = computeFormula('staffControl', { staff: { authorized: 7 } });
    expect(r).toMatchObject({ ok: false, missing: ['staff.actual'], message: '缺少实有人数，无法计算在职人员控制率' });
    const both = computeFormula('threePublicControl', {});
    expect(both.ok ? '' : both.message).toBe('缺少“三公”经费决算数、“三公”经费预算数，无法计算“三公经费”控制率');
  });

  it('refuses a zero denominator', () => {
    const r = computeFormula('fixedAssetUse', { fixedAssets: { total: 0, inUse: 0 } });
    expect(r).toMatchObject({ ok: false, message: '所有固定资产为 0，无法计算固定资产利用率' });
  });
});
