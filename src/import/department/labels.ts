import type { AccountKey } from '../../domain/department/figures';
import { label } from '../tables/labels';

/**
 * The labels of a 部门整体 自评表 and of the 评价报告's tables, as seed 004 and the published 基础数据表 print them,
 * folded by `deptLabel`: `一、人员经费` → `人员经费`, `基本支出：` → `基本支出`, `“三公”经费合计` → `三公经费合计`.
 */
export function deptLabel(text: string): string {
  return label(text)
    .replace(/[“”"'‘’]/g, '')
    .replace(/^(?:[一二三四五六七八九十]+、|[(（]\d+[)）]|\d+[.、．])/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/[:：]$/, '');
}

/** A label → account dictionary; the first label is the one the generated .xlsx prints. */
export type LabelMap = Array<[AccountKey, string[]]>;

export function accountFor(map: LabelMap, text: string): AccountKey | undefined {
  const l = deptLabel(text);
  return map.find(([, labels]) => labels.includes(l))?.[0];
}

/** Figures printed as a label with its value to the right (人员编制 | 7), or in a 基础数据 block. */
export const PAIR_FIGURES: LabelMap = [
  ['staff.authorized', ['人员编制', '编制数', '核定编制数']],
  ['staff.actual', ['实有人数', '实际在职人数', '在职人员数', '年末实有人数']],
  ['budget.carryOver', ['年初结转和结余', '上年结转和结余', '年初结转结余']],
  ['budget.initial', ['年初预算数', '年初预算']],
  ['budget.adjustment', ['本年预算调整数', '本年追加预算', '本年预算追加数', '预算调整数', '本年追加']],
  ['budget.yearEndBalance', ['年末结转和结余', '年末结余', '年末结转结余']],
  ['budget.executed', ['预算执行数', '预算完成数']],
  ['budget.personnel', ['人员经费预算数']],
  ['budget.publicOperating', ['公用经费预算数', '预算安排公用经费']],
  ['projects.total', ['项目总支出', '项目支出预算数']],
  ['projects.key', ['重点项目支出']],
  ['threePublic.previousBudget', ['上年度三公经费预算数', '上年三公经费预算数']],
  ['procurement.budget', ['政府采购预算数', '政府采购预算']],
  ['procurement.actual', ['实际政府采购金额', '政府采购金额']],
  ['payment.actualProgress', ['实际支付进度']],
  ['payment.plannedProgress', ['既定支付进度']],
  ['work.planned', ['计划工作数']],
  ['work.completed', ['实际完成工作数']],
  ['work.onTime', ['及时完成工作数', '及时完成实际工作数']],
  ['work.qualityMet', ['质量达标工作数', '质量达标实际工作数']],
  ['work.keyAssigned', ['重点工作交办或下达数', '重点工作交办数']],
  ['work.keyCompleted', ['重点工作实际完成数', '重点工作完成数']],
];

/** A table whose header rows name its columns and whose first numeric row below holds the values. */
export interface HeaderTable {
  name: string;
  anchor: AccountKey;
  anchorLabels: string[];
  columns: LabelMap;
}

export const HEADER_TABLES: HeaderTable[] = [
  {
    name: '年度收入情况',
    anchor: 'income.total',
    anchorLabels: ['收入合计'],
    columns: [
      ['income.carryOver', ['上年结转']],
      ['income.fiscal', ['公共财政拨款', '一般公共预算财政拨款', '财政拨款']],
      ['income.governmentFund', ['政府基金拨款', '政府性基金拨款', '政府性基金预算财政拨款']],
      ['income.specialAccount', ['纳入专户管理的非税收入拨款']],
      ['income.superior', ['上级补助收入']],
      ['income.business', ['事业收入']],
      ['income.other', ['其他收入']],
    ],
  },
  {
    name: '年度支出和结余情况',
    anchor: 'expenditure.total',
    anchorLabels: ['支出合计'],
    columns: [
      ['expenditure.basic', ['基本支出']],
      ['expenditure.personnel', ['人员支出', '人员经费']],
      ['expenditure.publicOperating', ['公用支出', '日常公用经费', '公用经费']],
      ['expenditure.project', ['项目支出']],
      ['expenditure.balanceCurrent', ['当年结余']],
      ['expenditure.balanceAccumulated', ['累计结余']],
    ],
  },
  {
    name: '三公经费',
    anchor: 'threePublic.actual.total',
    anchorLabels: ['三公经费合计'],
    columns: [
      ['threePublic.actual.reception', ['公务接待费']],
      ['threePublic.actual.vehicleOperation', ['公务用车运维费', '公务用车运行维护费']],
      ['threePublic.actual.vehiclePurchase', ['公务用车购置费']],
      ['threePublic.actual.abroad', ['因公出国出境费', '因公出国(境)费', '因公出国境费']],
    ],
  },
  {
    name: '固定资产',
    anchor: 'fixedAssets.total',
    anchorLabels: ['固定资产合计'],
    columns: [
      ['fixedAssets.inUse', ['在用固定资产']],
      ['fixedAssets.leased', ['出租固定资产']],
      ['fixedAssets.other', ['其他']],
    ],
  },
];

/** The 三公 预算/决算 table of the 评价报告: one column per line, rows 预算数 and 决算数. */
export const THREE_PUBLIC_COLUMNS: Array<[string, string[]]> = [
  ['abroad', ['因公出国(境)费', '因公出国出境费', '因公出国境费']],
  ['vehiclePurchase', ['公务用车购置费']],
  ['vehicleOperation', ['公务用车运行维护费', '公务用车运维费']],
  ['reception', ['公务接待费']],
  ['total', ['小计', '合计']],
];

/** Rows of the 支出年初预算及年终决算 table; 商品和服务支出 / 资本性支出 count only under 日常公用经费. */
export const SPENDING_ROWS: Record<string, { actual?: AccountKey; budget?: AccountKey; section?: string }> = {
  基本支出: { actual: 'expenditure.basic', section: 'basic' },
  人员经费: { actual: 'expenditure.personnel', budget: 'budget.personnel', section: 'personnel' },
  日常公用经费: { actual: 'expenditure.publicOperating', budget: 'budget.publicOperating', section: 'public' },
  公用经费: { actual: 'expenditure.publicOperating', budget: 'budget.publicOperating', section: 'public' },
  项目支出: { actual: 'expenditure.project', budget: 'projects.total', section: 'project' },
  合计: { actual: 'expenditure.total', budget: 'budget.initial', section: 'total' },
};
export const PUBLIC_DETAIL_ROWS: Record<string, AccountKey> = {
  商品和服务支出: 'expenditure.goodsServices',
  资本性支出: 'expenditure.capital',
};

/** Text fields of 部门基本概况 and the closing boxes, label → field. */
export const UNIT_TEXT: Array<[string, string[]]> = [
  ['name', ['部门(单位)名称', '单位名称', '部门名称']],
  ['year', ['评价年度', '年度']],
  ['contact', ['联系人']],
  ['phone', ['联系电话', '联络电话']],
  ['duties', ['职能职责概述', '部门职责概述']],
  ['yearWork', ['年度主要工作内容']],
  ['achievements', ['年度部门总体运行情况及取得的成绩', '年度部门(单位)总体运行情况及取得的成绩']],
];

/** Labels that mark a sheet as a 部门整体 evaluation rather than a 项目支出 table. */
export const DEPARTMENT_MARKERS = ['人员编制', '实有人数', '三公经费合计', '绩效自评综合得分', '固定资产合计', '整体支出绩效定性目标及实施计划完成情况'];
export const DEPARTMENT_LEVEL1 = ['投入', '过程', '产出', '效果', '效益', '产出及效益', '产出与效益', '部门决策', '部门管理', '部门绩效'];
