import { D, plain, type Dec } from '../scoring/decimal';
import { readNumber } from '../scoring/numbers-in';
import type { DepartmentEvaluation } from './evaluation';
import { figure, type AccountKey } from './figures';
import { scoredLeaves, type DepartmentResult, type ScoredCriterion } from './result';

/**
 * What goes into the 部门整体支出绩效自评表 (.xlsx) and the 部门整体支出绩效评价报告 (.docx), in seed 004's layout and
 * outline, as plain data for the report writers: every cell and every sentence comes from the evaluation or the
 * engine's result, and a sentence whose data is missing is left out rather than filled with a guess.
 */
export type Cell = string | number | null;

export interface TableModel {
  caption: string;
  /** Header rows as printed (two rows where the 自评表 merges 其中：). */
  header: string[][];
  rows: Cell[][];
}

export interface SelfEvaluationTable {
  title: string;
  basics: Array<[string, Cell]>;
  income: TableModel;
  spending: TableModel;
  threePublic: TableModel;
  fixedAssets: TableModel;
  qualitative: Array<{ target: string; actual: string | null }>;
  quantitative: TableModel;
  total: string;
  grade: string;
  /** What the report itself printed, when it differs from the computed figure. */
  statedTotal: number | null;
  evaluators: TableModel;
  /** The boxes left for signatures and opinions. */
  boxes: string[];
}

const money = (figures: DepartmentEvaluation['figures'], key: AccountKey): Cell => figure(figures, key)?.toNumber() ?? null;

export function selfEvaluationTable(input: DepartmentEvaluation, result: DepartmentResult): SelfEvaluationTable {
  const f = input.figures;
  const inst = input.unit.institution?.trim() || '机关';
  const row = (keys: AccountKey[]): Cell[] => [inst, ...keys.map((k) => money(f, k))];
  const stated = readNumber(input.stated?.total ?? null);
  return {
    title: `${result.unit.year ? `${result.unit.year}年度` : ''}${result.unit.name}整体支出绩效评价自评表`,
    basics: [
      ['联系人', input.unit.contact ?? null],
      ['联系电话', input.unit.phone ?? null],
      ['人员编制', money(f, 'staff.authorized')],
      ['实有人数', money(f, 'staff.actual')],
      ['职能职责概述', input.unit.duties ?? null],
      ['年度主要工作内容', input.unit.yearWork ?? null],
      ['年度部门总体运行情况及取得的成绩', input.unit.achievements ?? null],
    ],
    income: {
      caption: '年度收入情况（万元）',
      header: [['机构名称', '收入合计', '其中：', '', '', '', ''], ['', '', '上年结转', '公共财政拨款', '政府基金拨款', '纳入专户管理的非税收入拨款', '其他收入']],
      rows: [row(['income.total', 'income.carryOver', 'income.fiscal', 'income.governmentFund', 'income.specialAccount', 'income.other'])],
    },
    spending: {
      caption: '部门（单位）年度支出和结余情况（万元）',
      header: [
        ['机构名称', '支出合计', '基本支出', '其中：', '', '项目支出', '当年结余', '累计结余'],
        ['', '', '', '人员支出', '公用支出', '', '', ''],
      ],
      rows: [
        row(['expenditure.total', 'expenditure.basic', 'expenditure.personnel', 'expenditure.publicOperating', 'expenditure.project', 'expenditure.balanceCurrent', 'expenditure.balanceAccumulated']),
      ],
    },
    threePublic: {
      caption: '“三公”经费（万元）',
      header: [['机构名称', '三公经费合计', '其中：', '', '', ''], ['', '', '公务接待费', '公务用车运维费', '公务用车购置费', '因公出国出境费']],
      rows: [row(['threePublic.actual.total', 'threePublic.actual.reception', 'threePublic.actual.vehicleOperation', 'threePublic.actual.vehiclePurchase', 'threePublic.actual.abroad'])],
    },
    fixedAssets: {
      caption: '固定资产（万元）',
      header: [['机构名称', '固定资产合计', '其中：', '', '其他'], ['', '', '在用固定资产', '出租固定资产', '']],
      rows: [row(['fixedAssets.total', 'fixedAssets.inUse', 'fixedAssets.leased', 'fixedAssets.other'])],
    },
    qualitative: (input.goals?.qualitative ?? []).map((g) => ({ target: g.target, actual: g.actual ?? null })),
    quantitative: {
      caption: '整体支出绩效定量目标及实施计划完成情况',
      header: [['评价内容', '指标', '绩效目标', '完成情况']],
      rows: (input.goals?.quantitative ?? []).map((g) => [g.category ?? null, g.name ?? null, g.target, g.actual ?? null]),
    },
    total: result.total.toFixed(2),
    grade: result.grade,
    statedTotal: stated && !stated.eq(result.total) ? stated.toNumber() : null,
    evaluators: {
      caption: '评价人员',
      header: [['姓名', '职务/职称', '单位', '签字']],
      rows: (input.evaluators ?? []).map((e) => [e.name, e.title ?? null, e.unit ?? null, null]),
    },
    boxes: ['评价组组长（签字）：', '部门（单位）意见：\n部门（单位）负责人（签章）：', '财政部门归口业务科室意见：\n财政部门归口业务科室负责人（签章）：'],
  };
}

export interface ReportSection {
  title: string;
  paragraphs: string[];
  tables?: TableModel[];
  children?: ReportSection[];
}

export interface EvaluationReport {
  title: string;
  sections: ReportSection[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const num = (v: Dec | null) => (v ? plain(v) : null);

/** `支出合计 402.03 万元，其中基本支出 94.03 万元（人员经费 55.76 万元、日常公用经费 38.27 万元）、项目支出 308 万元。` */
function spendingSentence(input: DepartmentEvaluation, year: string): string | null {
  const f = input.figures;
  const total = num(figure(f, 'expenditure.total'));
  if (!total) return null;
  const basic = num(figure(f, 'expenditure.basic'));
  const personnel = num(figure(f, 'expenditure.personnel'));
  const pub = num(figure(f, 'expenditure.publicOperating'));
  const project = num(figure(f, 'expenditure.project'));
  const parts: string[] = [];
  if (basic) parts.push(`基本支出 ${basic} 万元${personnel && pub ? `（人员经费 ${personnel} 万元、日常公用经费 ${pub} 万元）` : ''}`);
  if (project) parts.push(`项目支出 ${project} 万元`);
  return `本部门${year}年度支出总计 ${total} 万元${parts.length ? `，其中${parts.join('、')}` : ''}。`;
}

function incomeSentence(input: DepartmentEvaluation, year: string): string | null {
  const f = input.figures;
  const total = figure(f, 'income.total');
  if (!total) return null;
  const fiscal = figure(f, 'income.fiscal');
  const carry = figure(f, 'income.carryOver');
  const all = fiscal?.eq(total) ? '，全部为财政拨款收入' : fiscal ? `，其中财政拨款收入 ${plain(fiscal)} 万元` : '';
  const carryText = carry?.isZero() ? '上年无结转和结余。' : carry ? `上年结转 ${plain(carry)} 万元。` : '';
  return `本部门${year}年度收入总计 ${plain(total)} 万元${all}。${carryText}`;
}

function threePublicSentence(input: DepartmentEvaluation, year: string): string | null {
  const f = input.figures;
  const actual = figure(f, 'threePublic.actual.total');
  if (!actual) return null;
  const budget = figure(f, 'threePublic.budget.total');
  const lines: Array<[AccountKey, string]> = [
    ['threePublic.actual.abroad', '因公出国（境）费'],
    ['threePublic.actual.vehiclePurchase', '公务用车购置费'],
    ['threePublic.actual.vehicleOperation', '公务用车运行维护费'],
    ['threePublic.actual.reception', '公务接待费'],
  ];
  const parts = lines.flatMap(([k, label]) => {
    const v = figure(f, k);
    return v && !v.isZero() ? [`${label} ${plain(v)} 万元`] : [];
  });
  const vs = budget ? (actual.lte(budget) ? `，未超出年初预算 ${plain(budget)} 万元` : `，超出年初预算 ${plain(budget)} 万元 ${plain(actual.minus(budget))} 万元`) : '';
  return `${year}年度本部门“三公”经费实际开支 ${plain(actual)} 万元${parts.length ? `（${parts.join('、')}）` : ''}${vs}。`;
}

function indicatorParagraphs(node: ScoredCriterion, depth: number, index: number): ReportSection {
  const marks = [(i: number) => `${i + 1}.`, (i: number) => `（${i + 1}）`, (i: number) => String.fromCharCode(0x2460 + i)];
  const mark = marks[Math.min(depth, 2)]!(index);
  const score = node.score == null ? '未评分' : `${plain(new D(node.score))} 分`;
  if (node.kind === 'group') {
    return {
      title: `${mark}${node.name}（${plain(new D(node.weight))}分）`,
      paragraphs: [`${node.name}得分 ${score}：${node.explanation}。`],
      children: node.children.map((c, i) => indicatorParagraphs(c, depth + 1, i)),
    };
  }
  const said = node.note ? node.note.replace(/[。\s]*$/, '。') : '';
  const how = node.kind === 'formula' && node.formula?.expression ? `${node.explanation}。` : '';
  return { title: `${mark}${node.name}（${plain(new D(node.weight))}分）`, paragraphs: [`${how}${said}本项得分 ${score}。`] };
}

/** The 评价报告 in seed 004's outline: 部门概况, 收支, 三公, 一般公共预算, 绩效情况, 问题与改进措施, 结果应用和公开. */
export function evaluationReport(input: DepartmentEvaluation, result: DepartmentResult): EvaluationReport {
  const year = result.unit.year ? `${result.unit.year}` : '本';
  const sections: ReportSection[] = [];
  const overview: ReportSection = { title: '部门概况', paragraphs: [], children: [] };
  if (input.unit.duties) overview.children!.push({ title: '（一）部门基本情况，部门职责概述。', paragraphs: [`部门职责概述：${input.unit.duties.replace(/\n/g, '')}`] });
  const scale = [incomeSentence(input, year), spendingSentence(input, year)].filter((s): s is string => Boolean(s));
  if (scale.length) overview.children!.push({ title: '（二）部门整体支出规模、使用方向和主要内容。', paragraphs: scale });
  const three = threePublicSentence(input, year);
  if (three) overview.children!.push({ title: '（三）“三公”经费预算及支出使用和管理情况。', paragraphs: [three] });
  if (overview.children!.length) sections.push(overview);

  const items = input.figures?.projects?.items ?? [];
  const budgetParas = [spendingSentence(input, year)].filter((s): s is string => Boolean(s));
  if (budgetParas.length || items.length) {
    sections.push({
      title: '一般公共预算支出情况',
      paragraphs: budgetParas,
      tables: items.length
        ? [
            {
              caption: '项目资金收支情况（单位：万元）',
              header: [['项目名称', '年初结转和结余', '年初预算', '实际到位资金', '本年支付', '年末结转和结余']],
              rows: items.map((i) => [i.name, ...(['carryOver', 'initial', 'available', 'paid', 'balance'] as const).map((k) => readNumber(i[k] ?? null)?.toNumber() ?? null)]),
            },
          ]
        : undefined,
    });
  }
  const fund = figure(input.figures, 'income.governmentFund');
  if (fund?.isZero()) sections.push({ title: '政府性基金预算支出情况', paragraphs: ['本部门无政府性基金预算。'] });

  const levels = result.levels.map((l) => `${l.name}绩效为 ${plain(new D(l.score ?? 0))} 分`).join('，');
  const performance: ReportSection = {
    title: '部门整体支出绩效情况',
    paragraphs: [],
    children: [
      ...(input.unit.achievements ? [{ title: '（一）年度部门总体运行情况及取得的成绩。', paragraphs: [input.unit.achievements] }] : []),
      {
        title: '（二）绩效评价分析。',
        paragraphs: [],
        children: [
          ...result.levels.map((l, i) => indicatorParagraphs(l, 0, i)),
          {
            title: `${result.levels.length + 1}.绩效评价结论。`,
            paragraphs: [`根据评价指标体系测算，本部门${year}年度部门整体支出绩效评价得分是：${levels}，总绩效为 ${result.total.toFixed(2)} 分。评价结果等次为“${result.grade}”。`],
          },
        ],
      },
    ],
  };
  sections.push(performance);

  const lost = scoredLeaves(result.levels).filter((l) => l.score != null && l.score < l.weight);
  const problems = [
    ...lost.map((l) => `“${l.name}”得 ${plain(new D(l.score!))} 分（分值 ${plain(new D(l.weight))} 分）${l.note ? `：${l.note.replace(/[。\s]*$/, '')}` : ''}。`),
    ...(input.report?.problems ? [input.report.problems] : []),
  ];
  const findings = result.warnings.filter((w) => w.severity === 'red').map((w) => `${w.message}。`);
  sections.push({
    title: '存在的主要问题及下一步改进措施',
    paragraphs: [],
    children: [
      { title: '（一）存在主要问题。', paragraphs: problems.length ? problems : ['评价中未发现扣分事项。'] },
      ...(findings.length ? [{ title: '（二）自评表核查发现的问题。', paragraphs: findings }] : []),
      ...(input.report?.measures ? [{ title: `（${findings.length ? '三' : '二'}）改进措施。`, paragraphs: [input.report.measures] }] : []),
    ],
  });
  if (input.report?.application) sections.push({ title: '绩效自评结果拟应用和公开情况', paragraphs: [input.report.application] });

  return {
    title: `${result.unit.name}部门整体支出绩效评价报告`,
    sections: sections.map((s, i) => ({ ...s, title: `${CN[i]}、${s.title}` })),
  };
}
