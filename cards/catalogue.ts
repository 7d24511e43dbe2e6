import type { EvaluationInput } from '../src/domain/evaluation';
import type { ScoreResult } from '../src/domain/scoring/result';
import { scoreEvaluation } from '../src/domain/scoring/score-evaluation';
import type { CardJson } from '../src/transport/contract';
import { adminOverdueCard, adminOverdueResolvedCard } from './reminders/admin-overdue';
import { adminOverviewCard } from './collection/admin-overview';
import { chooseGroupCard, groupChosenCard } from './collection/choose-group';
import { entryRecapCard } from './collection/entry-recap';
import { handoverConfirmCard } from './collection/handover-confirm';
import { helpCard } from './shared/help';
import { importPreviewCard, type PreviewIndicator } from './collection/import-preview';
import { entryPausedCard, indicatorEntryCard } from './collection/indicator-entry';
import { tr } from './shared/i18n';
import type { EntryRowView, EntryStatus, ProjectView } from './collection/view';
import { myPendingCard } from './collection/my-pending';
import { progressCard } from './collection/progress';
import { reminderDmCard } from './reminders/reminder-dm';
import { reminderGroupCard } from './reminders/reminder-group';
import { summaryOutdatedCard } from './summary/summary-outdated';
import { reviewBatchCard } from './collection/review-batch';
import { reviseEntryCard } from './collection/revise-entry';
import { summaryCard } from './summary/summary';
import { unitRollupCard } from './summary/unit-rollup';

/**
 * Every card the bot can send, built by the card modules from the seed tables grown to their largest
 * realistic size: 60 rows with 18-character names and ~110-character reasons, and a 100-row table whose
 * project name holds `&` and `_`. `jixiao cards --out DIR` writes them for Lark's card builder, and
 * test/cards/catalogue.test.ts holds each one to the strict fake Lark. Pure: the seeds come in as data.
 */
export interface CatalogueCard {
  /** File-name-safe id, e.g. `summary-60`. */
  id: string;
  /** What the card is and when the bot sends it. */
  about: string;
  card: CardJson;
  /** How Lark receives it: a new message, or a PATCH of one already sent (the outdated summary). */
  via: 'send' | 'patch';
}

/** People the catalogue's cards name or mention (`<at id=…>`): the test registers exactly these with the fake. */
export const CATALOGUE_PEOPLE: ReadonlyArray<{ openId: string; name: string }> = ['张伟', '李娜', '王芳', '欧阳晓明', '司马相如', '刘洋', '陈静', '赵磊'].map((name, i) => ({
  openId: `ou_${String(i + 1).padStart(32, '7')}`,
  name,
}));

const OWNERS = CATALOGUE_PEOPLE.slice(0, 5);
const STATUSES: EntryStatus[] = ['pending', 'submitted', 'approved', 'returned'];
const NAME_CHARS = 18;
const REASON_CHARS = 110;
/** The 100-row table's project: `&` and `_` are what markdown and HTML escaping get wrong. */
export const AMPERSAND_PROJECT = '自治区R&D_信息化专项（数据&安全_运维）经费';

/** A seed table grown to `rows` indicators: names of exactly 18 characters, a ~110-character reason on every row. */
export function grownEvaluation(seeds: readonly EvaluationInput[], rows: number, projectName?: string): EvaluationInput {
  const base = seeds[seeds.length - 1]!;
  const pool = seeds.flatMap((s) => s.indicators);
  const reasons = pool.map((r) => r.deviationReason ?? '').filter((r) => r.length > 20);
  const indicators = Array.from({ length: rows }, (_, i) => {
    const row = pool[i % pool.length]!;
    const suffix = `${i + 1}`;
    const name = [...`${row.name}${row.name}`].slice(0, NAME_CHARS - suffix.length).join('') + suffix;
    const reason = [...(reasons[i % Math.max(1, reasons.length)] ?? '资金已按计划使用').repeat(4)].slice(0, REASON_CHARS).join('');
    return { ...row, name, deviationReason: reason, owner: OWNERS[i % OWNERS.length]!.name };
  });
  const weight = Math.round(((100 - (Number(base.budget.weight ?? 10) || 10)) / rows) * 100) / 100;
  return {
    ...base,
    project: { ...base.project, name: projectName ?? base.project.name },
    indicators: indicators.map((r) => ({ ...r, weight })),
  };
}

function projectView(input: EvaluationInput, evaluationId: string): ProjectView {
  return {
    evaluationId,
    name: input.project.name,
    department: input.project.department ?? null,
    implementingUnit: input.project.implementingUnit ?? null,
    year: input.project.year === null || input.project.year === undefined ? null : String(input.project.year),
    budgetInitial: input.budget.initial === null || input.budget.initial === undefined ? null : String(input.budget.initial),
    budgetFullYear: String(input.budget.fullYear),
    deadline: '2026-10-09',
  };
}

function rowViews(result: ScoreResult): EntryRowView[] {
  return result.indicators.map((r, i) => ({
    indicatorId: `it_${String(i + 1).padStart(3, '0')}`,
    kind: r.kind === 'qualitative' ? 'qualitative' : 'quantitative',
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    weight: r.weight,
    status: STATUSES[i % STATUSES.length]!,
    actual: r.actual,
    band: r.band,
    score: r.score,
    explanation: r.explanation,
    deviationReason: r.deviationReason,
    ownerName: OWNERS[i % OWNERS.length]!.name,
  }));
}

function previewIndicators(rows: EntryRowView[], assigned: boolean): PreviewIndicator[] {
  return rows.map((r, i) => ({
    indicatorId: r.indicatorId,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    weight: r.weight,
    ownerOpenId: assigned ? OWNERS[i % OWNERS.length]!.openId : null,
    ownerName: assigned ? OWNERS[i % OWNERS.length]!.name : null,
    ownerRaw: assigned ? null : i % 2 ? '张伟' : 'zhang.wei@example.com',
    ownerProblem: assigned ? null : i % 2 ? 'ambiguous' : 'not_found',
    candidates: assigned ? undefined : ['张伟（财务处）', '张伟（法规处）'],
  }));
}

export function cardCatalogue(seeds: readonly EvaluationInput[]): CatalogueCard[] {
  if (seeds.length === 0) throw new Error('cardCatalogue: no seed tables');
  const sixty = grownEvaluation(seeds, 60);
  const hundred = grownEvaluation(seeds, 100, AMPERSAND_PROJECT);
  const scored60 = scoreEvaluation(sixty);
  const scored100 = scoreEvaluation(hundred);
  const rows60 = rowViews(scored60);
  const rows100 = rowViews(scored100);
  const p60 = projectView(sixty, 'ev_60');
  const p100 = projectView(hundred, 'ev_100');
  const longReason = sixty.indicators[0]!.deviationReason!;
  const out: CatalogueCard[] = [];
  const add = (id: string, about: string, card: CardJson, via: CatalogueCard['via'] = 'send') => out.push({ id, about, card, via });

  // ── import ──
  const audit = rows60.slice(0, 30).map((r, i) => ({
    severity: (i % 3 ? 'warning' : 'error') as 'warning' | 'error',
    message: `第 ${i + 1} 行「${r.name}」的指标值「${r.target}」无法识别为数值`,
    fix: '改写为「≥80%」这样的数值目标，或按定性指标填报',
  }));
  const preview = (project: ProjectView, rows: EntryRowView[], assigned: boolean, status: 'draft' | 'collecting') =>
    importPreviewCard({
      project,
      rev: 3,
      status,
      importerName: '张伟',
      adminNames: ['李娜', '欧阳晓明'],
      budget: { weight: 10, ownerOpenId: assigned ? OWNERS[0]!.openId : null, ownerName: assigned ? '张伟' : null },
      indicators: previewIndicators(rows, assigned),
      audit: status === 'draft' ? audit : [],
      startedNote: status === 'collecting' ? '张伟 于 11-23 09:30 开始收集' : null,
    });
  add('import-preview-60', '导入预览：60 项，责任人都未匹配（群里 @我 导入 之后）', preview(p60, rows60, false, 'draft'));
  add('import-preview-100', '导入预览：100 项，项目名含 & 和 _', preview(p100, rows100, false, 'draft'));
  add('import-preview-collecting', '导入预览：开始收集之后', preview(p60, rows60, true, 'collecting'));
  add('choose-group', '私聊发来表格：选择导入到哪个群（30 个群）', chooseGroupCard({ fileName: '2019年金融监管专项经费绩效自评表.xlsx', messageId: 'om_file', fileKey: 'file_v3_abc', sender: OWNERS[0]!.openId, groups: Array.from({ length: 30 }, (_, i) => ({ chatId: `oc_${String(i).padStart(32, '0')}`, name: `${AMPERSAND_PROJECT} 项目群 ${i + 1}` })) }));
  add('choose-group-none', '私聊发来表格，但没有共同的群', chooseGroupCard({ fileName: 'a.xlsx', messageId: 'om_file', fileKey: 'file_v3_abc', sender: OWNERS[0]!.openId, groups: [] }));
  add('group-chosen', '选择群之后（成功）', groupChosenCard({ fileName: '2019年金融监管专项经费绩效自评表.xlsx', groupName: `${AMPERSAND_PROJECT} 项目群`, ok: true }));
  add('group-chosen-failed', '选择群之后（失败）', groupChosenCard({ fileName: 'a.xlsx', groupName: '项目群', ok: false, message: '这个文件里没有能识别的指标表：请确认第一行是表头。' }));

  // ── entry ──
  const item = (i: number, placeholder = '例如：7次') => ({ ...rows60[i]!, placeholder });
  add(
    'entry-refused',
    '填报卡片：提交被拒（须填偏差原因），管理员退回过',
    indicatorEntryCard({
      evaluationId: 'ev_60',
      projectName: sixty.project.name,
      deadline: '2026-10-09',
      item: item(7),
      rev: 2,
      position: { index: 8, total: 60 },
      typed: { actual: '5', reason: '' },
      error: '实际 5 次低于目标 7 次，请填写偏差原因分析及改进措施。',
      reasonRequiredWhy: '实际 5 次低于目标 7 次（得分低于分值）',
      saved: { name: rows60[6]!.name, actual: '8', score: 1.5, weight: 1.5, explanation: rows60[6]!.explanation ?? '' },
      returnComment: { by: '李娜', comment: longReason },
      canGoBack: true,
    }),
  );
  const qualitative = rows60.findIndex((r) => r.kind === 'qualitative');
  add('entry-qualitative', '填报卡片：定性指标（达成 / 部分达成 / 未达成）', indicatorEntryCard({ evaluationId: 'ev_60', projectName: sixty.project.name, item: item(Math.max(0, qualitative), '例如：全年处置案件 12 起'), rev: 0, position: { index: 1, total: 60 }, canGoBack: false }));
  add(
    'entry-budget',
    '填报卡片：全年执行数',
    indicatorEntryCard({ evaluationId: 'ev_60', projectName: sixty.project.name, budgetFullYear: String(sixty.budget.fullYear), item: { ...rows60[0]!, kind: 'budget', level1: '', level2: '', name: '预算执行率', target: String(sixty.budget.fullYear), weight: 10, status: 'pending', actual: null, score: null, placeholder: '例如：98.5' }, rev: 0, position: { index: 60, total: 61 }, canGoBack: true }),
  );
  add('entry-locked', '填报卡片：已锁定（只读）', indicatorEntryCard({ evaluationId: 'ev_60', projectName: sixty.project.name, item: item(2), rev: 4, position: { index: 3, total: 60 }, readOnlyReason: '本次自评已锁定，如需修改请联系管理员重新开放。', canGoBack: true }));
  add('entry-paused', '稍后再填', entryPausedCard({ evaluationId: 'ev_60', projectName: sixty.project.name, rev: 1, pending: 42, indicatorId: 'it_003' }));
  const recapRows = (rows: EntryRowView[]) => rows.map((r) => ({ ...r, rev: 3 }));
  add('entry-recap-60', '填完最后一项：汇总确认（60 项，第 1 页）', entryRecapCard({ evaluationId: 'ev_60', projectName: sixty.project.name, rows: recapRows(rows60), saved: { name: rows60[59]!.name, actual: '5', score: 1.07, weight: 1.5, explanation: rows60[59]!.explanation ?? '' } }));
  add('entry-recap-100-last', '汇总确认（100 项，最后一页）', entryRecapCard({ evaluationId: 'ev_100', projectName: hundred.project.name, rows: recapRows(rows100), page: 3 }));
  add('revise-entry', '管理员退回后重填', reviseEntryCard({ evaluationId: 'ev_60', projectName: sixty.project.name, item: item(7), rev: 3, reviewerName: '李娜', comment: longReason, canGoBack: false }));
  add('my-pending', '我的：12 项评价的待填行', myPendingCard({ evaluations: Array.from({ length: 12 }, (_, e) => ({ evaluationId: `ev_${e + 1}`, projectName: `${hundred.project.name} ${e + 1}`, deadline: '2026-10-09', rev: 1, items: rows60.slice(0, 20).map((r) => ({ indicatorId: r.indicatorId, name: r.name, status: r.status })) })) }));
  add('my-pending-nothing', '我的：没有待填', myPendingCard({ evaluations: [] }));

  // ── review and progress ──
  const reviewRows = (rows: EntryRowView[]) => rows.map((r) => ({ ...r, status: 'submitted' as const, rev: 2 }));
  add('review-60', '审核：60 项已提交（第 1 页）', reviewBatchCard({ evaluationId: 'ev_60', projectName: sixty.project.name, ownerName: '欧阳晓明', ownerOpenId: OWNERS[3]!.openId, rows: reviewRows(rows60), notice: `已通过「${rows60[4]!.name}」` }));
  add('review-100', '审核：100 项，项目名含 & 和 _', reviewBatchCard({ evaluationId: 'ev_100', projectName: hundred.project.name, ownerName: '欧阳晓明', ownerOpenId: OWNERS[3]!.openId, rows: reviewRows(rows100), page: 9 }));
  add('review-decided', '审核：本页全部处理完', reviewBatchCard({ evaluationId: 'ev_60', projectName: sixty.project.name, ownerName: '欧阳晓明', ownerOpenId: OWNERS[3]!.openId, rows: rows60.slice(0, 2).map((r) => ({ ...r, status: 'approved' as const, rev: 3 })) }));
  add('progress', '进度：60 项，45 人待填', progressCard({ evaluationId: 'ev_60', projectName: sixty.project.name, status: 'collecting', deadline: '2026-10-09', total: 61, submitted: 15, approved: 15, returned: 15, pending: Array.from({ length: 45 }, (_, i) => ({ name: `${OWNERS[i % 5]!.name}${i}`, count: 1 + (i % 3) })), updatedAt: '11-23 09:30' }));
  add('overview-60', '总览（管理员）：60 项', adminOverviewCard({ evaluationId: 'ev_60', projectName: sixty.project.name, status: 'collecting', rev: 9, rows: rows60, total: scored60.total, grade: scored60.grade, warnings: scored60.warnings.map((w) => w.message).concat(Array.from({ length: 12 }, (_, i) => `第 ${i + 1} 行分值合计与一级指标不一致`)) }));
  add('overview-100', '总览（管理员）：100 项，项目名含 & 和 _', adminOverviewCard({ evaluationId: 'ev_100', projectName: hundred.project.name, status: 'reviewing', rev: 9, rows: rows100, total: scored100.total, grade: scored100.grade, warnings: scored100.warnings.map((w) => w.message) }));
  add('overview-locked', '总览：已锁定', adminOverviewCard({ evaluationId: 'ev_60', projectName: sixty.project.name, status: 'final', rev: 10, rows: rows60.slice(0, 3), total: 95, grade: '优', warnings: [], lockedBy: '张伟', lockedAt: '11-30 17:00' }));
  add('help-group', '帮助（群里）', helpCard({ where: 'group', commands: [{ usage: '@我 进度', description: tr('查看进度', 'Show progress') }, { usage: '@我 汇总', description: tr('生成汇总', 'Summary'), adminOnly: true }, { usage: '@我 年度汇总 2019', description: tr('本单位年度汇总', 'Unit roll-up'), adminOnly: true }] }));
  add('help-p2p', '帮助（私聊）', helpCard({ where: 'p2p', commands: [{ usage: '我的', description: tr('我的待填', 'My rows') }, { usage: '请假至 10-12', description: tr('请假期间暂停提醒', 'Pause reminders') }] }));

  // ── summary ──
  const seedSummaries = seeds.map((s) => ({ input: s, result: scoreEvaluation(s) }));
  const summary60 = summaryCard({ input: sixty, result: scored60 });
  const summary100 = summaryCard({ input: hundred, result: scored100 });
  add('summary-60', '汇总（群）：60 项，每项有偏差原因', summary60);
  add('summary-100', '汇总：100 项，项目名含 & 和 _', summary100);
  add('summary-seed', `汇总：种子表「${seedSummaries[seedSummaries.length - 1]!.input.project.name}」`, summaryCard(seedSummaries[seedSummaries.length - 1]!));
  add('summary-partial', '按现有数据汇总（尚有未填项）', summaryCard({ input: { ...sixty, indicators: sixty.indicators.map((r, i) => (i < 12 ? { ...r, actual: null } : r)) }, result: scoreEvaluation({ ...sixty, indicators: sixty.indicators.map((r, i) => (i < 12 ? { ...r, actual: null } : r)) }), missing: 12 }));
  add('summary-outdated-60', '已发布的汇总在变更后标为过期（PATCH）：60 项', summaryOutdatedCard(summary60, `欧阳晓明 修改了「${rows60[10]!.name}」的实际完成值：${longReason}`), 'patch');
  add('summary-outdated-100', '已发布的汇总标为过期（PATCH）：100 项', summaryOutdatedCard(summary100, `李娜 修改了「${rows100[20]!.name}」`), 'patch');
  const rollupProjects = [...seedSummaries, { input: sixty, result: scored60 }, { input: hundred, result: scored100 }].map(({ input, result }, i) => ({
    name: input.project.name,
    fullYear: result.budget.fullYear,
    executed: result.budget.executed,
    rate: result.budget.rate,
    total: result.total,
    grade: result.grade,
    complete: i % 4 !== 3,
  }));
  add('unit-rollup', '年度汇总：本单位全部项目（含 100 项的）', unitRollupCard({ unit: sixty.project.department ?? '自治区地方金融监督管理局', year: '2019', projects: rollupProjects }));

  // ── reminders and admins ──
  const pendingNames = rows60.map((r) => r.name);
  add('reminder-dm-due', '提醒（私聊，T-3）：60 项待填', reminderDmCard({ project: hundred.project.name, deadline: '2026-10-09', sentOn: '2026-10-06', pendingItems: pendingNames, pendingCount: 60, stage: 'due', open: { evaluationId: 'ev_100', indicatorId: 'it_001' } }));
  add('reminder-dm-last-day', '提醒（私聊，截止日，加急）', reminderDmCard({ project: hundred.project.name, deadline: '2026-10-09', sentOn: '2026-10-09', pendingItems: pendingNames.slice(0, 3), pendingCount: 3, stage: 'last_day', open: { evaluationId: 'ev_100', indicatorId: 'it_001' } }));
  const pendingOwners = CATALOGUE_PEOPLE.map((p, i) => ({ openId: p.openId, name: p.name, pending: 3 + i }));
  add('reminder-group-mention', '提醒（群，T-1，@ 未完成的人）', reminderGroupCard({ project: hundred.project.name, deadline: '2026-10-09', sentOn: '2026-10-08', mention: true, owners: pendingOwners }));
  add('reminder-group-plain', '提醒（群，关闭 @ 之后）', reminderGroupCard({ project: hundred.project.name, deadline: '2026-10-09', sentOn: '2026-10-08', mention: false, owners: pendingOwners }));
  add('admin-overdue', '逾期（私聊管理员）：仍未完成的人', adminOverdueCard({ evaluationId: 'ev_100', project: hundred.project.name, deadline: '2026-10-09', suggestedDeadline: '2026-10-14', owners: pendingOwners.map((o, i) => ({ name: o.name, pending: o.pending, leaveUntil: i % 3 === 0 ? '2026-10-12' : null })) }));
  add('admin-overdue-resolved', '逾期卡片处理之后', adminOverdueResolvedCard({ project: hundred.project.name, outcome: tr('已延期至 10-14', 'Extended to 10-14') }));
  add('handover', '转交：待管理员确认（40 项）', handoverConfirmCard({ requestId: 'ho_1', project: hundred.project.name, fromName: '张伟', toName: '王芳', items: pendingNames.slice(0, 40) }));
  add('handover-decided', '转交：已确认', handoverConfirmCard({ requestId: 'ho_1', project: hundred.project.name, fromName: '张伟', toName: '王芳', items: pendingNames.slice(0, 2), decided: { approved: true, byName: '刘洋' } }));
  return out;
}
