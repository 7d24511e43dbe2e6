import { z } from 'zod';
import type { Dec } from '../scoring/decimal';
import { isBlank, readNumber } from '../scoring/numbers-in';

/**
 * The unit's accounts as a 部门整体 evaluation reads them: the 自评表 blocks of seed 004 (人员编制/实有人数, 年度收入,
 * 支出和结余, 三公经费, 固定资产) and the figures the formula indicators need (预算数/调整数/执行数, 三公 预算与决算,
 * 政府采购, 支付进度, 工作任务数). Money is in 万元 as the tables print it. Every value may be a number or the text
 * people typed (`402.03`, `402.03万元`); blank means "not given", never 0.
 */
const value = z.union([z.number(), z.string()]).optional().nullable();

const threePublicLines = z
  .object({
    total: value,
    abroad: value,
    vehiclePurchase: value,
    vehicleOperation: value,
    reception: value,
  })
  .partial();

export const figuresSchema = z
  .object({
    staff: z.object({ authorized: value, actual: value }).partial(),
    income: z
      .object({
        total: value,
        carryOver: value,
        fiscal: value,
        governmentFund: value,
        specialAccount: value,
        superior: value,
        business: value,
        other: value,
      })
      .partial(),
    expenditure: z
      .object({
        total: value,
        basic: value,
        personnel: value,
        publicOperating: value,
        goodsServices: value,
        capital: value,
        project: value,
        balanceCurrent: value,
        balanceAccumulated: value,
      })
      .partial(),
    budget: z
      .object({
        carryOver: value,
        initial: value,
        adjustment: value,
        yearEndBalance: value,
        executed: value,
        personnel: value,
        publicOperating: value,
      })
      .partial(),
    projects: z
      .object({
        total: value,
        key: value,
        /** 项目资金收支情况: one row per project, as the report's 项目支出 table prints it. */
        items: z.array(
          z.object({ name: z.string(), carryOver: value, initial: value, available: value, paid: value, balance: value }).partial().required({ name: true }),
        ),
      })
      .partial(),
    threePublic: z.object({ budget: threePublicLines, actual: threePublicLines, previousBudget: value }).partial(),
    fixedAssets: z.object({ total: value, inUse: value, leased: value, other: value }).partial(),
    procurement: z.object({ budget: value, actual: value }).partial(),
    payment: z.object({ actualProgress: value, plannedProgress: value }).partial(),
    work: z
      .object({ planned: value, completed: value, onTime: value, qualityMet: value, keyAssigned: value, keyCompleted: value })
      .partial(),
  })
  .partial();
export type Figures = z.infer<typeof figuresSchema>;

export type FigureUnit = '人' | '万元' | '%' | '项';

/**
 * Every account by its path in `Figures`, with the label the tables print. Cross-checks, formulas, warnings and the
 * JSON `statements` name accounts by these keys; a test keeps this list and the schema in step.
 */
export const ACCOUNTS = {
  'staff.authorized': { label: '人员编制', unit: '人' },
  'staff.actual': { label: '实有人数', unit: '人' },
  'income.total': { label: '收入合计', unit: '万元' },
  'income.carryOver': { label: '上年结转', unit: '万元' },
  'income.fiscal': { label: '公共财政拨款', unit: '万元' },
  'income.governmentFund': { label: '政府性基金拨款', unit: '万元' },
  'income.specialAccount': { label: '纳入专户管理的非税收入拨款', unit: '万元' },
  'income.superior': { label: '上级补助收入', unit: '万元' },
  'income.business': { label: '事业收入', unit: '万元' },
  'income.other': { label: '其他收入', unit: '万元' },
  'expenditure.total': { label: '支出合计', unit: '万元' },
  'expenditure.basic': { label: '基本支出', unit: '万元' },
  'expenditure.personnel': { label: '人员经费', unit: '万元' },
  'expenditure.publicOperating': { label: '日常公用经费', unit: '万元' },
  'expenditure.goodsServices': { label: '公用经费·商品和服务支出', unit: '万元' },
  'expenditure.capital': { label: '公用经费·资本性支出', unit: '万元' },
  'expenditure.project': { label: '项目支出', unit: '万元' },
  'expenditure.balanceCurrent': { label: '当年结余', unit: '万元' },
  'expenditure.balanceAccumulated': { label: '累计结余', unit: '万元' },
  'budget.carryOver': { label: '年初结转和结余', unit: '万元' },
  'budget.initial': { label: '年初预算数', unit: '万元' },
  'budget.adjustment': { label: '本年预算调整数', unit: '万元' },
  'budget.yearEndBalance': { label: '年末结转和结余', unit: '万元' },
  'budget.executed': { label: '预算执行数', unit: '万元' },
  'budget.personnel': { label: '人员经费预算数', unit: '万元' },
  'budget.publicOperating': { label: '公用经费预算数', unit: '万元' },
  'projects.total': { label: '项目总支出', unit: '万元' },
  'projects.key': { label: '重点项目支出', unit: '万元' },
  'threePublic.budget.total': { label: '“三公”经费预算数', unit: '万元' },
  'threePublic.budget.abroad': { label: '因公出国（境）费预算数', unit: '万元' },
  'threePublic.budget.vehiclePurchase': { label: '公务用车购置费预算数', unit: '万元' },
  'threePublic.budget.vehicleOperation': { label: '公务用车运行维护费预算数', unit: '万元' },
  'threePublic.budget.reception': { label: '公务接待费预算数', unit: '万元' },
  'threePublic.actual.total': { label: '“三公”经费决算数', unit: '万元' },
  'threePublic.actual.abroad': { label: '因公出国（境）费决算数', unit: '万元' },
  'threePublic.actual.vehiclePurchase': { label: '公务用车购置费决算数', unit: '万元' },
  'threePublic.actual.vehicleOperation': { label: '公务用车运行维护费决算数', unit: '万元' },
  'threePublic.actual.reception': { label: '公务接待费决算数', unit: '万元' },
  'threePublic.previousBudget': { label: '上年度“三公”经费预算数', unit: '万元' },
  'fixedAssets.total': { label: '固定资产合计', unit: '万元' },
  'fixedAssets.inUse': { label: '在用固定资产', unit: '万元' },
  'fixedAssets.leased': { label: '出租固定资产', unit: '万元' },
  'fixedAssets.other': { label: '其他固定资产', unit: '万元' },
  'procurement.budget': { label: '政府采购预算数', unit: '万元' },
  'procurement.actual': { label: '实际政府采购金额', unit: '万元' },
  'payment.actualProgress': { label: '实际支付进度', unit: '%' },
  'payment.plannedProgress': { label: '既定支付进度', unit: '%' },
  'work.planned': { label: '计划工作数', unit: '项' },
  'work.completed': { label: '实际完成工作数', unit: '项' },
  'work.onTime': { label: '及时完成工作数', unit: '项' },
  'work.qualityMet': { label: '质量达标工作数', unit: '项' },
  'work.keyAssigned': { label: '重点工作交办或下达数', unit: '项' },
  'work.keyCompleted': { label: '重点工作实际完成数', unit: '项' },
} as const satisfies Record<string, { label: string; unit: FigureUnit }>;

export type AccountKey = keyof typeof ACCOUNTS;
export const ACCOUNT_KEYS = Object.keys(ACCOUNTS) as AccountKey[];

export function isAccountKey(key: string): key is AccountKey {
  return Object.hasOwn(ACCOUNTS, key);
}

export function accountLabel(key: AccountKey): string {
  return ACCOUNTS[key].label;
}

/** The raw value at an account's path, as typed. */
export function rawFigure(figures: Figures | undefined, key: AccountKey): unknown {
  let at: unknown = figures;
  for (const part of key.split('.')) {
    if (at == null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** A figure as a decimal, or null when blank or unreadable (`figureIssues` reports the unreadable ones). */
export function figure(figures: Figures | undefined, key: AccountKey): Dec | null {
  const raw = rawFigure(figures, key);
  if (isBlank(raw)) return null;
  return readNumber(raw as string | number, /(?:万元|万|元|人|名|项|个|件)$/);
}

/** `402.03 万元`, `7 人`, `98.5%`. */
export function withUnit(value: Dec, key: AccountKey): string {
  const unit = ACCOUNTS[key].unit;
  return unit === '%' ? `${value.toFixed()}%` : `${value.toFixed()} ${unit}`;
}

export interface FigureIssue {
  account: AccountKey;
  message: string;
}

/** Figures that were given but are not numbers, each with what to type instead. */
export function figureIssues(figures: Figures | undefined): FigureIssue[] {
  return ACCOUNT_KEYS.flatMap((key) => {
    const raw = rawFigure(figures, key);
    if (isBlank(raw) || figure(figures, key)) return [];
    const { label, unit } = ACCOUNTS[key];
    const example = unit === '万元' ? '402.03' : unit === '%' ? '95' : '7';
    return [{ account: key, message: `${label}“${String(raw)}”不是数字。请填写数字（单位：${unit}），例如：${example}。` }];
  });
}
