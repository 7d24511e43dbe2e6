import type { EvaluationInput } from '../domain/evaluation';

/**
 * Seed 000 (`000_dc7166766eb902dc.txt`, = seed 003 table T2): the 2019 防范和处置非法集资专项业务经费 of
 * 自治区地方金融监督管理局, as the clerk hands it to the bot — header, money and targets, 实际完成值 still
 * empty (the report prints this table once empty, once filled) — and what each owner answers.
 */
export const SEED_000_SHEET: EvaluationInput = {
  project: {
    name: '防范和处置非法集资专项业务经费',
    department: '自治区地方金融监督管理局',
    implementingUnit: '自治区地方金融监督管理局',
    year: 2019,
  },
  budget: {
    initial: 66.19,
    fullYear: 66.19,
    executed: null,
    weight: 10,
    sources: {
      currentYear: { initial: 30, fullYear: 30, executed: null },
      carryOver: { initial: 36.19, fullYear: 36.19, executed: null },
      other: { initial: null, fullYear: null, executed: null },
    },
  },
  goals: {
    expected:
      '通过专项业务经费支持，不断加强我区打击和处置非法集资工作力度，保证处置非法集资各项工作有效开展，提高社会公众对非法集资活动的防范意识和识别能力，开展非法集资有关案件排除督查工作，防控各类风险隐患的发生。',
    actual:
      '不断加强我区打击和处置非法集资工作力度，保证处置非法集资各项工作有效开展，提高社会公众对非法集资活动的防范意识和识别能力，开展非法集资有关案件排除督查工作，防控各类风险隐患的发生。',
  },
  indicators: [
    { level1: '产出指标', level2: '数量指标', name: '组织培训次数', target: '≥1场', weight: 10 },
    { level1: '产出指标', level2: '数量指标', name: '宣传品数量', target: '≥15000份', weight: 10 },
    { level1: '产出指标', level2: '数量指标', name: '组织督查检查次数', target: '≥1次', weight: 10 },
    { level1: '产出指标', level2: '质量指标', name: '宣传覆盖率', target: '≥80%', weight: 10 },
    { level1: '产出指标', level2: '质量指标', name: '培训基层工作人员覆盖率', target: '≥80%', weight: 10 },
    { level1: '效益指标', level2: '社会效益指标', name: '提高群众风险防范意识', target: '非法集资案件下降', weight: 30 },
    { level1: '满意度指标', level2: '满意度指标', name: '风险防范知识宣传满意度', target: '≥80%', weight: 10 },
  ],
};

export interface DemoPerson {
  key: 'clerk' | 'training' | 'publicity' | 'cases';
  name: string;
  role: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: 'clerk', name: '赵敏', role: '办公室 · 绩效自评经办人' },
  { key: 'training', name: '李强', role: '培训与督查' },
  { key: 'publicity', name: '王芳', role: '宣传教育' },
  { key: 'cases', name: '陈刚', role: '案件处置' },
];

/** Who answers which row, and what they type on the entry card (the values of seed 000's filled table). */
export const DEMO_ANSWERS: Record<string, { owner: DemoPerson['key']; form: Record<string, string> }> = {
  组织培训次数: { owner: 'training', form: { actual: '1' } },
  宣传品数量: { owner: 'publicity', form: { actual: '16000' } },
  组织督查检查次数: { owner: 'training', form: { actual: '1' } },
  宣传覆盖率: { owner: 'publicity', form: { actual: '85%' } },
  培训基层工作人员覆盖率: { owner: 'training', form: { actual: '85%' } },
  提高群众风险防范意识: {
    owner: 'cases',
    form: { band: '达成', actual: '全区立案打击非法集资案件117起，挽回经济损失2.23亿元，陈案积案减少21件，群众风险防范意识明显提高（完成程度80%）' },
  },
  风险防范知识宣传满意度: { owner: 'publicity', form: { actual: '85%' } },
};

/** The clerk's budget line: 全年执行数 and, below 90 % execution, the reason (seed 000 §五). */
export const DEMO_BUDGET_ANSWER = {
  actual: '53.84',
  reason: '监测预警平台试点运行需购置可视化展示、报表打印等设备，因未列入电子设备购置计划未执行相关资金，导致结余12.35万元；2020年将设备购置列入计划，从专项资金中列支。',
};
