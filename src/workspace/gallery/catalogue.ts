import { adminOverdueCard, adminOverdueResolvedCard } from '#cards/reminders/admin-overdue';
import { adminOverviewCard } from '#cards/collection/admin-overview';
import { chooseGroupCard, groupChosenCard } from '#cards/collection/choose-group';
import { entryRecapCard } from '#cards/collection/entry-recap';
import { handoverConfirmCard } from '#cards/collection/handover-confirm';
import { helpCard } from '#cards/shared/help';
import { importPreviewCard, type PreviewIndicator } from '#cards/collection/import-preview';
import { entryPausedCard, indicatorEntryCard } from '#cards/collection/indicator-entry';
import { tr } from '#cards/shared/i18n';
import type { EntryRowView, EntryStatus } from '#cards/collection/view';
import { myPendingCard } from '#cards/collection/my-pending';
import { progressCard } from '#cards/collection/progress';
import { reminderDmCard } from '#cards/reminders/reminder-dm';
import { reminderGroupCard } from '#cards/reminders/reminder-group';
import { summaryOutdatedCard } from '#cards/summary/summary-outdated';
import { reviewBatchCard } from '#cards/collection/review-batch';
import { reviseEntryCard } from '#cards/collection/revise-entry';
import { summaryCard } from '#cards/summary/summary';
import { unitRollupCard } from '#cards/summary/unit-rollup';
import type { EvaluationInput } from '../../domain/evaluation';
import { actualPlaceholder } from '../../domain/scoring/parse-target';
import type { ScoreResult } from '../../domain/scoring/result';
import { scoreEvaluation } from '../../domain/scoring/score-evaluation';
import { commandTable, FEATURES } from '../../features/register';
import type { CardJson } from '../../transport/contract';
import { SEED_003_T1, SEED_PEOPLE } from './seed';

/**
 * Every card the bot can send, each built by its real builder from view models derived from seed 003 T1
 * (the unit's own table, scored by the real engine). One list, in one module, so the workspace's `/cards`
 * gallery and a `jixiao cards --out DIR` export can share it. Add a card here when a builder is added.
 */
export interface CatalogueEntry {
  /** Stable, file-name safe. */
  id: string;
  title: string;
  /** Where and when the bot sends it. */
  when: string;
  build(): CardJson;
}

const EVALUATION_ID = 'ev_seed003t1';
const DEADLINE = '2026-12-15';
const PROJECT = SEED_003_T1.project.name;
const OPEN_ID_OF: Record<string, string> = Object.fromEntries(SEED_PEOPLE.map((p) => [p.name, p.openId]));

/** The seed as the bot holds it mid-collection: rows 0-3 approved, 4-5 submitted, 6 returned, the rest pending. */
function rows(): EntryRowView[] {
  const result = scored(SEED_003_T1);
  return SEED_003_T1.indicators.map((ind, i) => {
    const r = result.indicators[i]!;
    const status: EntryStatus = i < 4 ? 'approved' : i < 6 ? 'submitted' : i === 6 ? 'returned' : 'pending';
    const answered = status !== 'pending';
    return {
      indicatorId: `it_${String(i + 1).padStart(2, '0')}`,
      kind: r.kind === 'qualitative' || r.kind === 'time' ? 'qualitative' : 'quantitative',
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      target: ind.target,
      weight: Number(ind.weight),
      status,
      actual: answered ? String(ind.actual ?? '') : null,
      band: answered && r.kind === 'qualitative' ? '达成' : null,
      score: answered ? r.score : null,
      explanation: answered ? r.explanation : null,
      deviationReason: answered ? (ind.deviationReason ?? null) : null,
      ownerName: ind.owner ?? null,
    };
  });
}

function scored(input: EvaluationInput): ScoreResult {
  return scoreEvaluation(input);
}

function projectView() {
  return {
    evaluationId: EVALUATION_ID,
    name: PROJECT,
    department: SEED_003_T1.project.department,
    implementingUnit: SEED_003_T1.project.implementingUnit,
    year: String(SEED_003_T1.project.year),
    budgetInitial: String(SEED_003_T1.budget.initial),
    budgetFullYear: String(SEED_003_T1.budget.fullYear),
    deadline: DEADLINE,
  };
}

function previewIndicators(assigned: boolean): PreviewIndicator[] {
  return SEED_003_T1.indicators.map((ind, i) => {
    const owner = ind.owner ?? null;
    const unresolved = !assigned && i % 5 === 1;
    return {
      indicatorId: `it_${String(i + 1).padStart(2, '0')}`,
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      target: ind.target,
      weight: Number(ind.weight),
      ownerOpenId: unresolved || !owner ? null : (OPEN_ID_OF[owner] ?? null),
      ownerName: unresolved ? null : owner,
      ownerRaw: unresolved ? owner : null,
      ownerProblem: unresolved ? 'ambiguous' : null,
      candidates: unresolved ? [`${owner}（财务处）`, `${owner}（法规处）`] : undefined,
    };
  });
}

function entryItem(i: number) {
  const row = rows()[i]!;
  return { ...row, status: 'pending' as const, actual: null, score: null, explanation: null, placeholder: actualPlaceholder(row.target) };
}

function summaryInput(): EvaluationInput {
  // the answers as the owners gave them, with the reasons the rules asked for
  return {
    ...SEED_003_T1,
    budget: { ...SEED_003_T1.budget, deviationReason: '部分培训及调研经费因疫情防控要求未能执行，结余资金已按规定上缴。' },
    indicators: SEED_003_T1.indicators.map((ind) => (ind.target === '根据案件情况处理' || ind.target === '有效提高' ? { ...ind, band: '达成' as const } : ind)),
  };
}

export const CARD_CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'help-group',
    title: '帮助（群）',
    when: '机器人被拉进群，或群里 @机器人 帮助',
    build: () => helpCard({ where: 'group', commands: commandTable(FEATURES).filter((c) => c.where !== 'p2p').map((c) => c.help) }),
  },
  {
    id: 'help-p2p',
    title: '帮助（私聊）',
    when: '私聊机器人「帮助」',
    build: () => helpCard({ where: 'p2p', commands: commandTable(FEATURES).filter((c) => c.where !== 'group').map((c) => c.help) }),
  },
  {
    id: 'import-preview',
    title: '导入预览',
    when: '经办人回复表格「@机器人 导入」后发到群里',
    build: () =>
      importPreviewCard({
        project: projectView(),
        rev: 1,
        status: 'draft',
        importerName: '赵敏',
        adminNames: [],
        budget: { weight: Number(SEED_003_T1.budget.weight), ownerOpenId: 'ou_clerk', ownerName: '赵敏' },
        indicators: previewIndicators(false),
        audit: [
          { severity: 'warning', message: '“召开小额贷款公司、融资担保公司、互联网金融行业监管等相关培训会议”：表上得分 4 与规则计算的 3.57 不一致', fix: '以机器人计算为准，或核对表上得分' },
        ],
      }),
  },
  {
    id: 'import-preview-collecting',
    title: '导入预览（已开始收集）',
    when: '点击「开始收集」后，预览卡片变为只读',
    build: () =>
      importPreviewCard({
        project: projectView(),
        rev: 2,
        status: 'collecting',
        importerName: '赵敏',
        adminNames: ['陈强'],
        budget: { weight: Number(SEED_003_T1.budget.weight), ownerOpenId: 'ou_clerk', ownerName: '赵敏' },
        indicators: previewIndicators(true),
        audit: [],
        startedNote: '赵敏 于 11-23 09:30 开始收集',
      }),
  },
  {
    id: 'choose-group',
    title: '选择群（私聊发来表格）',
    when: '有人私聊发给机器人一个表格',
    build: () =>
      chooseGroupCard({
        fileName: '2019年金融监管专项经费绩效自评表.xlsx',
        messageId: 'om_seed_file',
        fileKey: 'file_seed',
        sender: 'ou_clerk',
        groups: [
          { chatId: 'oc_seed_group', name: '金融监管专项经费绩效自评' },
          { chatId: 'oc_seed_office', name: '办公室' },
        ],
      }),
  },
  {
    id: 'group-chosen',
    title: '选择群：已导入',
    when: '在「选择群」卡片上选好群之后',
    build: () => groupChosenCard({ fileName: '2019年金融监管专项经费绩效自评表.xlsx', groupName: '金融监管专项经费绩效自评', ok: true }),
  },
  {
    id: 'group-chosen-failed',
    title: '选择群：没有导入',
    when: '所选的群导入失败时',
    build: () => groupChosenCard({ fileName: '自评表.xlsx', groupName: '办公室', ok: false, message: '表格里找不到「三级指标」和「分值」列。' }),
  },
  {
    id: 'indicator-entry',
    title: '填报（数值指标）',
    when: '开始收集后私聊每位责任人，一次一项',
    build: () =>
      indicatorEntryCard({ evaluationId: EVALUATION_ID, projectName: PROJECT, deadline: DEADLINE, item: entryItem(0), rev: 0, position: { index: 1, total: 5 }, canGoBack: false }),
  },
  {
    id: 'indicator-entry-refused',
    title: '填报（缺少偏差原因被退回）',
    when: '实际值低于目标却没有填写偏差原因',
    build: () =>
      indicatorEntryCard({
        evaluationId: EVALUATION_ID,
        projectName: PROJECT,
        deadline: DEADLINE,
        item: entryItem(7),
        rev: 0,
        position: { index: 3, total: 4 },
        typed: { actual: '5', reason: '' },
        error: '实际 5 次低于目标 7 次，请填写偏差原因分析及改进措施。',
        reasonRequiredWhy: '实际 5 次低于目标 7 次（得分低于分值）',
        saved: { name: rows()[4]!.name, actual: '2', score: 2, weight: 2, explanation: '实际 2 次 ≥ 目标 1 次：满分' },
        canGoBack: true,
      }),
  },
  {
    id: 'indicator-entry-qualitative',
    title: '填报（定性指标）',
    when: '指标值是文字（如「有效提高」）时',
    build: () => indicatorEntryCard({ evaluationId: EVALUATION_ID, projectName: PROJECT, deadline: DEADLINE, item: entryItem(12), rev: 0, position: { index: 5, total: 5 }, canGoBack: true }),
  },
  {
    id: 'indicator-entry-budget',
    title: '填报（全年执行数）',
    when: '私聊预算执行率的填报人',
    build: () =>
      indicatorEntryCard({
        evaluationId: EVALUATION_ID,
        projectName: PROJECT,
        deadline: DEADLINE,
        budgetFullYear: String(SEED_003_T1.budget.fullYear),
        item: { ...entryItem(0), kind: 'budget', level1: '', level2: '', name: '预算执行率（全年执行数）', target: String(SEED_003_T1.budget.fullYear), weight: 10, placeholder: `例如：${SEED_003_T1.budget.fullYear}（单位：万元）` },
        rev: 0,
        position: { index: 1, total: 1 },
        canGoBack: false,
      }),
  },
  {
    id: 'indicator-entry-locked',
    title: '填报（已锁定，只读）',
    when: '评价锁定后再打开填报卡片',
    build: () =>
      indicatorEntryCard({
        evaluationId: EVALUATION_ID,
        projectName: PROJECT,
        deadline: DEADLINE,
        item: { ...rows()[0]!, placeholder: '' },
        rev: 2,
        position: { index: 1, total: 5 },
        readOnlyReason: '本次自评已锁定，如需修改请联系管理员重新开放。',
        canGoBack: false,
      }),
  },
  {
    id: 'entry-paused',
    title: '稍后再填',
    when: '责任人点击「稍后再填」',
    build: () => entryPausedCard({ evaluationId: EVALUATION_ID, projectName: PROJECT, rev: 0, pending: 3, indicatorId: 'it_08' }),
  },
  {
    id: 'revise-entry',
    title: '退回修改',
    when: '管理员退回某一项后私聊责任人',
    build: () =>
      reviseEntryCard({
        evaluationId: EVALUATION_ID,
        projectName: PROJECT,
        item: { ...rows()[6]!, placeholder: actualPlaceholder(rows()[6]!.target) },
        rev: 2,
        reviewerName: '赵敏',
        comment: '覆盖率请按监测平台年底导出的数据核对后重填。',
        canGoBack: false,
      }),
  },
  {
    id: 'entry-recap',
    title: '填报回顾',
    when: '责任人填完自己的全部指标',
    build: () =>
      entryRecapCard({
        evaluationId: EVALUATION_ID,
        projectName: PROJECT,
        rows: rows()
          .filter((r) => r.ownerName === '张伟')
          .map((r) => ({ ...r, rev: 1 })),
        saved: { name: rows()[12]!.name, actual: '达成 · 90%', score: 10, weight: 10, explanation: '达成：满分' },
      }),
  },
  {
    id: 'review-batch',
    title: '审核',
    when: '责任人提交后私聊管理员',
    build: () =>
      reviewBatchCard({
        evaluationId: EVALUATION_ID,
        projectName: PROJECT,
        ownerName: '李娜',
        ownerOpenId: 'ou_lina',
        rows: rows()
          .filter((r) => r.ownerName === '李娜')
          .map((r, i) => ({ ...r, status: i === 0 ? 'approved' : 'submitted', actual: String(SEED_003_T1.indicators.find((x) => x.name === r.name)?.actual ?? ''), rev: 1 })),
        notice: '已通过「对全区非法集资工作督导检查，互联网金融行业五大领域摸排检查、督导整改」',
      }),
  },
  {
    id: 'progress',
    title: '进度',
    when: '群里 @机器人 进度，收集中自动更新',
    build: () =>
      progressCard({
        evaluationId: EVALUATION_ID,
        projectName: PROJECT,
        status: 'collecting',
        deadline: DEADLINE,
        total: 14,
        submitted: 2,
        approved: 4,
        returned: 1,
        pending: [
          { name: '张伟', count: 3 },
          { name: '王芳', count: 2 },
          { name: '赵敏', count: 1 },
        ],
        updatedAt: '11-25 16:40',
      }),
  },
  {
    id: 'my-pending',
    title: '我的待办',
    when: '私聊机器人「我的」',
    build: () =>
      myPendingCard({
        evaluations: [
          {
            evaluationId: EVALUATION_ID,
            projectName: PROJECT,
            deadline: DEADLINE,
            rev: 1,
            items: rows()
              .filter((r) => r.ownerName === '王芳')
              .map((r) => ({ indicatorId: r.indicatorId, name: r.name, status: r.status })),
          },
        ],
      }),
  },
  {
    id: 'admin-overview',
    title: '总览（管理员）',
    when: '管理员 @机器人 总览',
    build: () => {
      const result = scored(summaryInput());
      return adminOverviewCard({
        evaluationId: EVALUATION_ID,
        projectName: PROJECT,
        status: 'collecting',
        rev: 5,
        rows: rows(),
        total: result.total,
        grade: result.grade,
        warnings: result.warnings.slice(0, 5).map((w) => w.message),
      });
    },
  },
  {
    id: 'summary',
    title: '绩效自评汇总',
    when: '最后一项审核通过后发到群里，随后发送自评表和自评报告',
    build: () => {
      const input = summaryInput();
      return summaryCard({ input, result: scored(input) });
    },
  },
  {
    id: 'summary-outdated',
    title: '汇总（已过时）',
    when: '汇总发出后又有人修改了数据',
    build: () => {
      const input = summaryInput();
      return summaryOutdatedCard(summaryCard({ input, result: scored(input) }), '张伟 修改了「线上企业监测覆盖率」，本汇总已过时；@机器人 汇总 可重新生成。');
    },
  },
  {
    id: 'unit-rollup',
    title: '年度汇总（单位）',
    when: '群里 @机器人 年度汇总',
    build: () => {
      const result = scored(summaryInput());
      return unitRollupCard({
        unit: SEED_003_T1.project.department ?? '',
        year: String(SEED_003_T1.project.year),
        projects: [
          { name: PROJECT, fullYear: 105, executed: 57, rate: 57 / 105, total: result.total, grade: result.grade, complete: true },
          { name: '防范和处置非法集资专项业务经费', fullYear: 66.19, executed: 53.84, rate: 53.84 / 66.19, total: 93.5, grade: '优', complete: false },
        ],
      });
    },
  },
  {
    id: 'reminder-dm',
    title: '提醒（私聊，截止前）',
    when: '截止前第 3 个工作日私聊未填完的责任人',
    build: () =>
      reminderDmCard({
        project: PROJECT,
        deadline: DEADLINE,
        pendingItems: rows()
          .filter((r) => r.ownerName === '张伟' && r.status === 'pending')
          .map((r) => r.name),
        pendingCount: 2,
        stage: 'due',
        open: { evaluationId: EVALUATION_ID, indicatorId: 'it_10' },
      }),
  },
  {
    id: 'reminder-dm-last-day',
    title: '提醒（私聊，截止当天，加急）',
    when: '截止当天私聊并加急',
    build: () => reminderDmCard({ project: PROJECT, deadline: DEADLINE, pendingItems: ['重点企业监测数量'], pendingCount: 1, stage: 'last_day', open: { evaluationId: EVALUATION_ID, indicatorId: 'it_10' } }),
  },
  {
    id: 'reminder-group',
    title: '提醒（群里 @未填的人）',
    when: '截止前一个工作日在群里提醒',
    build: () =>
      reminderGroupCard({
        project: PROJECT,
        deadline: DEADLINE,
        mention: true,
        owners: [
          { openId: 'ou_zhangwei', name: '张伟', pending: 2 },
          { openId: 'ou_wangfang', name: '王芳', pending: 1 },
        ],
      }),
  },
  {
    id: 'admin-overdue',
    title: '逾期（管理员）',
    when: '截止后每个工作日私聊管理员',
    build: () =>
      adminOverdueCard({
        evaluationId: EVALUATION_ID,
        project: PROJECT,
        deadline: DEADLINE,
        suggestedDeadline: '2026-12-22',
        owners: [
          { name: '张伟', pending: 2 },
          { name: '王芳', pending: 1, leaveUntil: '2026-12-18' },
        ],
      }),
  },
  {
    id: 'admin-overdue-resolved',
    title: '逾期（已处理）',
    when: '管理员在逾期卡片上选择之后',
    build: () => adminOverdueResolvedCard({ project: PROJECT, outcome: tr('已延期至 {d}，提醒将按新日期进行', 'Extended to {d}; reminders follow the new date', { d: '2026-12-22' }) }),
  },
  {
    id: 'handover-confirm',
    title: '转交确认',
    when: '责任人「转交 @某人」后私聊管理员',
    build: () =>
      handoverConfirmCard({
        requestId: 'ho_seed',
        project: PROJECT,
        fromName: '王芳',
        toName: '陈强',
        items: rows()
          .filter((r) => r.ownerName === '王芳')
          .map((r) => r.name),
      }),
  },
  {
    id: 'handover-decided',
    title: '转交（已处理）',
    when: '管理员同意或拒绝转交之后',
    build: () => handoverConfirmCard({ requestId: 'ho_seed', project: PROJECT, fromName: '王芳', toName: '陈强', items: ['重点企业监测数量'], decided: { approved: true, byName: '赵敏' } }),
  },
];
