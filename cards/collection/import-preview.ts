import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from './actions';
import { button, card, columns, datePicker, divider, form, markdown, selectPerson, table, type Element } from '../shared/elements';
import { join, tr, type Text } from '../shared/i18n';
import { L } from '../shared/labels';
import { clip, escapeMd, num } from '../shared/markdown';
import type { ProjectView } from './view';

/**
 * 导入预览: what was read from the table, what is wrong with it, and the controls the importer (and
 * the admins they add) use to assign owners, pick the deadline and start collecting.
 */
export type OwnerProblem = 'missing' | 'not_found' | 'ambiguous';

export interface PreviewIndicator {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  target: string;
  weight: number;
  ownerOpenId: string | null;
  ownerName: string | null;
  /** What the 责任人 cell said, when it did not resolve to one person. */
  ownerRaw: string | null;
  ownerProblem: OwnerProblem | null;
  /** Display names of the members an ambiguous name matched. */
  candidates?: string[];
}

export interface AuditFinding {
  severity: 'error' | 'warning';
  message: string;
  fix?: string | null;
}

export interface ImportPreviewView {
  project: ProjectView;
  /** Evaluation version: the card's state revision. */
  rev: number;
  status: 'draft' | 'collecting' | 'reviewing' | 'final';
  importerName: string;
  /** Admins the importer added (names), shown beside the picker that adds more. */
  adminNames: string[];
  budget: { weight: number; ownerOpenId: string | null; ownerName: string | null };
  indicators: PreviewIndicator[];
  audit: AuditFinding[];
  /** Shown once collection has started. */
  startedNote?: string | null;
}

/** Pickers per card: beyond this the importer assigns in rounds (the card refreshes after 保存). */
export const MAX_OWNER_PICKERS = 15;
const MAX_AUDIT_LINES = 8;
const MAX_LEVEL_TABLES = 4;

export function importPreviewCard(view: ImportPreviewView): CardJson {
  const { project } = view;
  const problems = view.indicators.filter((i) => !i.ownerOpenId).length;
  const errors = view.audit.filter((a) => a.severity === 'error').length;
  const elements: Element[] = [
    markdown(projectLines(view)),
    ...indicatorTables(view.indicators),
    ...auditSection(view.audit),
  ];
  if (view.status === 'draft') elements.push(divider(), setupForm(view));
  else elements.push(divider(), markdown(join([tr('✅ 已开始收集。', '✅ Collection has started. '), view.startedNote ?? ''])));

  return card({
    title: tr('导入预览', 'Import preview'),
    subtitle: project.name,
    template: view.status !== 'draft' ? 'green' : errors > 0 || problems > 0 ? 'orange' : 'blue',
    summary: tr('导入预览：{name}', 'Import preview: {name}', { name: project.name }),
    elements,
  });
}

function projectLines(view: ImportPreviewView): Text {
  const p = view.project;
  const rows: Array<[Text, string | null | undefined]> = [
    [L.project, p.name],
    [L.department, p.department],
    [L.unit, p.implementingUnit],
    [L.year, p.year],
    [L.budgetInitial, p.budgetInitial ? `${p.budgetInitial} 万元` : null],
    [L.budgetFullYear, `${p.budgetFullYear} 万元`],
    [tr('预算执行率分值', 'Budget execution weight'), num(view.budget.weight)],
    [tr('执行数填报人', 'Spending reported by'), view.budget.ownerName ?? view.importerName],
    [tr('导入人', 'Imported by'), view.importerName],
  ];
  const weightTotal = view.budget.weight + view.indicators.reduce((s, i) => s + i.weight, 0);
  const lines = rows
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([label, v]) => join(['**', label, '**：', escapeMd(String(v))]));
  lines.push(
    join([
      tr('**指标**：{n} 项，分值合计 {w}', '**Indicators**: {n}, weights total {w}', {
        n: view.indicators.length,
        w: num(weightTotal),
      }),
    ]),
  );
  return join(lines, '\n');
}

function ownerCell(i: PreviewIndicator): string {
  if (i.ownerOpenId) return i.ownerName ?? i.ownerOpenId;
  if (i.ownerProblem === 'ambiguous') return `⚠ ${i.ownerRaw ?? ''}（重名）`;
  if (i.ownerProblem === 'not_found') return `⚠ ${i.ownerRaw ?? ''}（未匹配）`;
  return '⚠ 未指定';
}

/** One table per 一级指标 (≤ 5 tables per card); a single table when the sheet has more levels. */
function indicatorTables(indicators: PreviewIndicator[]): Element[] {
  const groups = new Map<string, PreviewIndicator[]>();
  for (const i of indicators) groups.set(i.level1, [...(groups.get(i.level1) ?? []), i]);
  // column names must be card-unique across tables (they are checked like component names)
  const cols = (t: number) => [
    { name: `t${t}_level2`, displayName: '二级指标', width: '90px' },
    { name: `t${t}_name`, displayName: '三级指标' },
    { name: `t${t}_target`, displayName: '指标值' },
    { name: `t${t}_weight`, displayName: '分值', dataType: 'number' as const, width: '60px' },
    { name: `t${t}_owner`, displayName: '责任人', width: '110px' },
  ];
  const rowsOf = (list: PreviewIndicator[], t: number, withLevel1: boolean) =>
    list.map((i) => ({
      ...(withLevel1 ? { [`t${t}_level1`]: clip(i.level1, 10) } : {}),
      [`t${t}_level2`]: clip(i.level2, 12),
      [`t${t}_name`]: clip(i.name, 30),
      [`t${t}_target`]: clip(i.target, 24),
      [`t${t}_weight`]: i.weight,
      [`t${t}_owner`]: clip(ownerCell(i), 24),
    }));
  if (groups.size > MAX_LEVEL_TABLES) {
    return [table([{ name: 't0_level1', displayName: '一级指标', width: '80px' }, ...cols(0)], rowsOf(indicators, 0, true))];
  }
  return [...groups].flatMap(([level1, list], t) => [
    markdown(
      join([`**${escapeMd(level1)}**`, tr('（{n} 项，分值 {w}）', ' ({n} rows, weight {w})', {
        n: list.length,
        w: num(list.reduce((s, i) => s + i.weight, 0)),
      })]),
    ),
    table(cols(t), rowsOf(list, t, false)),
  ]);
}

function auditSection(audit: AuditFinding[]): Element[] {
  if (audit.length === 0) return [markdown(tr('✅ 检查通过：分值合计正确，指标值均可识别。', '✅ Checks passed: weights add up and every target is readable.'))];
  // findings come from the services in Chinese; only the heading is translated (30 KB cap)
  const shown = audit.slice(0, MAX_AUDIT_LINES).map((a) => {
    const icon = a.severity === 'error' ? '❌' : '⚠️';
    return `${icon} ${escapeMd(clip(a.message, 80))}${a.fix ? `\n　→ ${escapeMd(clip(a.fix, 60))}` : ''}`;
  });
  const more = audit.length - shown.length;
  return [
    markdown(tr('**检查发现 {n} 个问题**', '**{n} findings**', { n: audit.length })),
    markdown(shown.join('\n'), { size: 'notation' }),
    ...(more > 0
      ? [markdown(tr('…还有 {n} 条，请修正表格后重新导入，或开始收集后逐项处理。', '…{n} more; fix the sheet and re-import, or handle them as entries arrive.', { n: more }), { size: 'notation' })]
      : []),
  ];
}

function setupForm(view: ImportPreviewView): Element {
  const unassigned = view.indicators.filter((i) => !i.ownerOpenId);
  const shown = unassigned.slice(0, MAX_OWNER_PICKERS);
  const elements: Element[] = [];
  if (unassigned.length > 0) {
    elements.push(
      markdown(
        tr('**请为 {n} 项指定责任人**（只能选择本群成员）', '**Choose an owner for {n} rows** (members of this chat only)', {
          n: unassigned.length,
        }),
      ),
      markdown(tr('👥 表中姓名对应多人　❓ 不是本群成员　∅ 未填写', '👥 name matches several people　❓ not in this chat　∅ blank'), { size: 'notation' }),
    );
    for (const i of shown) {
      // language-neutral line (legend above): 👥 several members match, ❓ nobody matches, ∅ blank cell
      const why =
        i.ownerProblem === 'ambiguous'
          ? `👥 ${escapeMd(i.ownerRaw ?? '')} → ${escapeMd(clip((i.candidates ?? []).join(' / '), 40))}`
          : i.ownerProblem === 'not_found'
            ? `❓ ${escapeMd(i.ownerRaw ?? '')}`
            : '∅';
      elements.push(
        markdown(`${escapeMd(clip(i.name, 30))}　${why}`, { size: 'notation' }),
        selectPerson({ name: `owner_${i.indicatorId}`, placeholder: '责任人 Owner' }),
      );
    }
    if (unassigned.length > shown.length) {
      elements.push(
        markdown(tr('还有 {n} 项，保存后继续指定。', '{n} more after you save these.', { n: unassigned.length - shown.length }), { size: 'notation' }),
      );
    }
  }
  elements.push(
    markdown(join(['**', L.budgetExecuted, '**', tr(' 填报人：{n}（可改）', ' reported by {n} (change below)', { n: escapeMd(view.budget.ownerName ?? view.importerName) })])),
    selectPerson({ name: 'budget_owner', placeholder: tr('换一位填报人', 'Choose someone else') }),
    markdown(join(['**', L.deadline, '**'])),
    datePicker({ name: 'deadline', initialDate: view.project.deadline ?? null, placeholder: tr('选择截止日期', 'Pick the deadline') }),
    markdown(
      join([
        tr('**管理员**（可操作本卡片、审核与锁定）：', '**Admins** (may use this card, review and lock): '),
        escapeMd([view.importerName, ...view.adminNames].join('、')),
      ]),
    ),
    selectPerson({ name: 'admins', multi: true, placeholder: tr('添加管理员', 'Add admins') }),
    columns([
      {
        elements: [
          button({
            text: tr('保存', 'Save'),
            name: 'preview_save',
            formAction: 'submit',
            value: { action: COLLECTION_ACTIONS.previewSave, rev: view.rev, evaluationId: view.project.evaluationId },
          }),
        ],
      },
      {
        elements: [
          button({
            text: tr('开始收集', 'Start collecting'),
            name: 'preview_start',
            type: 'primary_filled',
            formAction: 'submit',
            value: { action: COLLECTION_ACTIONS.previewStart, rev: view.rev, evaluationId: view.project.evaluationId },
          }),
        ],
      },
    ]),
  );
  return form('preview_form', elements);
}
