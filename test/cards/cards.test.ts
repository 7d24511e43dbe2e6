import { describe, expect, it } from 'vitest';
import { adminOverviewCard } from '#cards/collection/admin-overview';
import { chooseGroupCard } from '#cards/collection/choose-group';
import { entryRecapCard, RECAP_PAGE_SIZE } from '#cards/collection/entry-recap';
import { helpCard } from '#cards/shared/help';
import { importPreviewCard, MAX_OWNER_PICKERS } from '#cards/collection/import-preview';
import { entryPausedCard, indicatorEntryCard } from '#cards/collection/indicator-entry';
import { COLLECTION_ACTION_NAMES } from '#cards/collection/actions';
import { tr } from '#cards/shared/i18n';
import { cardBytes, checkCardLimits, countComponents } from '#cards/shared/limits';
import { myPendingCard } from '#cards/collection/my-pending';
import { progressCard } from '#cards/collection/progress';
import { reviewBatchCard } from '#cards/collection/review-batch';
import { reviseEntryCard } from '#cards/collection/revise-entry';
import type { CardJson } from '../../src/transport/contract';
import { LONG_REASON, OWNERS, sixtyRows } from '../helpers/sixty-rows';

const rows = sixtyRows();
const project = {
  evaluationId: 'ev_7',
  name: '自治区地方金融监督管理局防范和处置非法集资专项业务经费（2019年度）',
  department: '自治区地方金融监督管理局',
  implementingUnit: '自治区地方金融监督管理局',
  year: '2019',
  budgetInitial: '105',
  budgetFullYear: '105',
  deadline: '2026-12-15',
};
const entryItem = { ...rows[7]!, placeholder: '例如：7次' };

const cards: Record<string, CardJson> = {
  'import-preview (60 rows, none assigned)': importPreviewCard({
    project,
    rev: 3,
    status: 'draft',
    importerName: '张伟',
    adminNames: ['李娜', '欧阳晓明'],
    budget: { weight: 10, ownerOpenId: 'ou_zhangwei', ownerName: '张伟' },
    indicators: rows.map((r, i) => ({
      indicatorId: r.indicatorId,
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      target: r.target,
      weight: r.weight,
      ownerOpenId: null,
      ownerName: null,
      ownerRaw: i % 2 ? '张伟' : 'zhang.wei@example.com',
      ownerProblem: i % 2 ? 'ambiguous' : 'not_found',
      candidates: ['张伟（财务处）', '张伟（法规处）'],
    })),
    audit: Array.from({ length: 30 }, (_, i) => ({
      severity: i % 3 ? 'warning' : 'error',
      message: `第 ${i + 1} 行「${rows[i]!.name}」的指标值「根据案件情况处理」无法识别为数值`,
      fix: '改写为「≥80%」这样的数值目标，或按定性指标填报',
    })),
  }),
  'import-preview (collecting)': importPreviewCard({
    project,
    rev: 4,
    status: 'collecting',
    importerName: '张伟',
    adminNames: [],
    budget: { weight: 10, ownerOpenId: null, ownerName: null },
    indicators: rows.slice(0, 13).map((r) => ({ ...r, ownerOpenId: 'ou_x', ownerName: r.ownerName ?? null, ownerRaw: null, ownerProblem: null })),
    audit: [],
    startedNote: '张伟 于 11-23 09:30 开始收集',
  }),
  'indicator-entry (refused, reason required)': indicatorEntryCard({
    evaluationId: 'ev_7',
    projectName: project.name,
    deadline: project.deadline,
    item: entryItem,
    rev: 2,
    position: { index: 8, total: 60 },
    typed: { actual: '5', reason: '' },
    error: '实际 5 次低于目标 7 次，请填写偏差原因分析及改进措施。',
    reasonRequiredWhy: '实际 5 次低于目标 7 次（得分低于分值）',
    saved: { name: rows[6]!.name, actual: '8', score: 1.5, weight: 1.5, explanation: '实际 8 次 ≥ 目标 6 次：满分' },
    returnComment: { by: '李娜', comment: LONG_REASON },
    canGoBack: true,
  }),
  'indicator-entry (qualitative)': indicatorEntryCard({
    evaluationId: 'ev_7',
    projectName: project.name,
    item: { ...rows[5]!, placeholder: '例如：全年处置案件 12 起' },
    rev: 0,
    position: { index: 1, total: 5 },
    canGoBack: false,
  }),
  'indicator-entry (budget)': indicatorEntryCard({
    evaluationId: 'ev_7',
    projectName: project.name,
    budgetFullYear: '105',
    item: { ...rows[0]!, kind: 'budget', level1: '', level2: '', name: '预算执行率', target: '105', weight: 10, status: 'pending', actual: null, score: null, placeholder: '例如：98.5' },
    rev: 0,
    position: { index: 5, total: 5 },
    canGoBack: true,
  }),
  'indicator-entry (locked)': indicatorEntryCard({
    evaluationId: 'ev_7',
    projectName: project.name,
    item: entryItem,
    rev: 4,
    position: { index: 2, total: 5 },
    readOnlyReason: '本次自评已锁定，如需修改请联系管理员重新开放。',
    canGoBack: true,
  }),
  'entry-paused': entryPausedCard({ evaluationId: 'ev_7', projectName: project.name, rev: 1, pending: 3, indicatorId: 'it_row03' }),
  'entry-recap (60 rows, page 1)': entryRecapCard({
    evaluationId: 'ev_7',
    projectName: project.name,
    rows: rows.map((r) => ({ ...r, rev: 3 })),
    saved: { name: rows[59]!.name, actual: '5', score: 1.07, weight: 1.5, explanation: rows[59]!.explanation! },
  }),
  'entry-recap (60 rows, last page)': entryRecapCard({ evaluationId: 'ev_7', projectName: project.name, rows: rows.map((r) => ({ ...r, rev: 3 })), page: 2 }),
  'review-batch (60 rows submitted)': reviewBatchCard({
    evaluationId: 'ev_7',
    projectName: project.name,
    ownerName: '欧阳晓明',
    ownerOpenId: 'ou_oy',
    rows: rows.map((r) => ({ ...r, status: 'submitted', rev: 2 })),
    notice: '已通过「线上企业监测覆盖率」',
  }),
  'revise-entry': reviseEntryCard({
    evaluationId: 'ev_7',
    projectName: project.name,
    item: entryItem,
    rev: 3,
    reviewerName: '李娜',
    comment: '培训次数与台账不符，请按台账核对后重填。',
    canGoBack: false,
  }),
  'progress (60 rows, 40 people pending)': progressCard({
    evaluationId: 'ev_7',
    projectName: project.name,
    status: 'collecting',
    deadline: project.deadline,
    total: 61,
    submitted: 15,
    approved: 15,
    returned: 15,
    pending: Array.from({ length: 45 }, (_, i) => ({ name: `${OWNERS[i % 5]}${i}`, count: 1 + (i % 3) })),
    updatedAt: '11-23 09:30',
  }),
  'admin-overview (60 rows)': adminOverviewCard({
    evaluationId: 'ev_7',
    projectName: project.name,
    status: 'collecting',
    rev: 9,
    rows,
    total: 86.4,
    grade: '良',
    warnings: Array.from({ length: 12 }, (_, i) => `第 ${i + 1} 行分值合计与一级指标不一致`),
  }),
  'admin-overview (locked)': adminOverviewCard({
    evaluationId: 'ev_7', projectName: project.name, status: 'final', rev: 10, rows: rows.slice(0, 3), total: 95, grade: '优', warnings: [], lockedBy: '张伟', lockedAt: '11-30 17:00',
  }),
  'my-pending': myPendingCard({
    evaluations: Array.from({ length: 12 }, (_, e) => ({
      evaluationId: `ev_${e + 1}`,
      projectName: `${project.name} ${e + 1}`,
      deadline: project.deadline,
      rev: 1,
      items: rows.slice(0, 20).map((r) => ({ indicatorId: r.indicatorId, name: r.name, status: r.status })),
    })),
  }),
  'my-pending (nothing)': myPendingCard({ evaluations: [] }),
  help: helpCard({ where: 'group', commands: [{ usage: '@我 进度', description: tr('查看进度', 'Show progress') }, { usage: '@我 汇总', description: tr('汇总', 'Overview'), adminOnly: true }] }),
  'choose-group': chooseGroupCard({
    fileName: '2019年金融监管专项经费绩效自评表.xlsx',
    messageId: 'om_file',
    fileKey: 'file_v2_abc',
    sender: 'ou_clerk',
    groups: Array.from({ length: 30 }, (_, i) => ({ chatId: `oc_${i}`, name: `项目群 ${i}` })),
  }),
  'choose-group (no shared group)': chooseGroupCard({ fileName: 'a.xlsx', messageId: 'om', fileKey: 'fk', sender: 'ou_clerk', groups: [] }),
};

function callbacks(node: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(node)) node.forEach((n) => callbacks(n, out));
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (n.type === 'callback' && n.value && typeof n.value === 'object') out.push(n.value as Record<string, unknown>);
    Object.values(n).forEach((v) => callbacks(v, out));
  }
  return out;
}

describe.each(Object.entries(cards))('%s', (_name, c) => {
  it('is within the card JSON 2.0 limits', () => {
    expect(checkCardLimits(c)).toEqual([]);
  });

  it('only carries actions the handlers register', () => {
    for (const v of callbacks(c)) expect(COLLECTION_ACTION_NAMES).toContain(v.action);
  });

});

/**
 * Snapshots of the cards small enough to review in a diff; the 60-row cards are held to Lark's limits
 * above and to the paging and caps below instead (a 60-row snapshot is unreadable in review).
 */
const SNAPSHOT_MAX_BYTES = 5 * 1024;
const snapshotted = Object.entries(cards).filter(([, c]) => cardBytes(c) <= SNAPSHOT_MAX_BYTES);

describe('snapshots', () => {
  it('keeps a snapshot of every small card (at least the eight that fit today)', () => {
    expect(snapshotted.length).toBeGreaterThanOrEqual(8);
  });

  it.each(snapshotted)('%s matches its snapshot', (_name, c) => {
    expect(c).toMatchSnapshot();
  });
});

describe('sizes with 60 rows', () => {
  it('keeps headroom on the biggest cards', () => {
    const sizes = Object.fromEntries(Object.entries(cards).map(([n, c]) => [n, { bytes: cardBytes(c), components: countComponents(c) }]));
    // Not a speed assertion: the limits are hard caps, and we want margin for longer real names.
    for (const { bytes, components } of Object.values(sizes)) {
      expect(bytes).toBeLessThan(28 * 1024);
      expect(components).toBeLessThan(190);
    }
  });

  it('pages and caps where the data is unbounded', () => {
    const preview = JSON.stringify(cards['import-preview (60 rows, none assigned)']);
    expect(preview.match(/"tag":"select_person"/g)).toHaveLength(MAX_OWNER_PICKERS + 1);
    // pickers carry no options: Lark then offers every member of the chat
    expect(preview).not.toContain('"options"');
    expect(preview).toContain('还有 45 项，保存后继续指定');
    const recap = JSON.stringify(cards['entry-recap (60 rows, page 1)']);
    expect(recap.match(/collect\.recap\.edit/g)).toHaveLength(RECAP_PAGE_SIZE);
    const last = JSON.stringify(cards['entry-recap (60 rows, last page)']);
    expect(last.match(/collect\.recap\.edit/g)).toHaveLength(60 - 2 * RECAP_PAGE_SIZE);
  });

  it('keeps typed values and marks the reason required after a refusal', () => {
    const c = JSON.stringify(cards['indicator-entry (refused, reason required)']);
    expect(c).toContain('"name":"actual"');
    expect(c).toContain('"default_value":"5"');
    expect(c).toContain('（必填）');
    expect(c).toContain('实际 5 次低于目标 7 次，请填写偏差原因分析及改进措施。');
  });

  it('escapes markdown in user data', () => {
    const c = progressCard({
      evaluationId: 'ev_1', projectName: 'p', status: 'collecting', total: 1, submitted: 0, approved: 0, returned: 0,
      pending: [{ name: '<at id=all></at>', count: 1 }], updatedAt: 'now',
    });
    expect(JSON.stringify(c)).not.toContain('<at id=all>');
  });
});
