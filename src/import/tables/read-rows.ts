import { BANDS, type Band } from '../../domain/evaluation';
import { readNumber } from '../../domain/scoring/numbers-in';
import { normalize } from '../../domain/scoring/text';
import type { IndicatorHeader } from './find-indicator-header';
import { isIndicatorHeaderRow } from './find-indicator-header';
import { cellAddress, cellText, type Grid } from './grid';
import { label, NOTE_START, SIGNATURE_START, TABLE_TITLE, TEXT_BOX, TOTAL_ROW, type IndicatorColumn } from './labels';
import { targetFromName } from './name-target';
import type { RowFlag, RowReading, SkipCode } from './reading';
import { checkRow, isPlaceholder } from './row-checks';

export interface RowsRead {
  rows: RowReading[];
  printedTotal: number | null;
  /** 一级指标 labels that carry their weight, in order of appearance. */
  level1Stated: { label: string; stated: number }[];
  /** 1-based sheet row where a second table starts (only the first is read), if any. */
  secondTable: number | null;
}

const NOT_APPLICABLE = new Set(['不适用', '不涉及', '无此项', '不适用本项目']);
const TEMPLATE_LINE = /^指标\d{1,2}[:：.、]?$/;
const TEMPLATE_PREFIX = /^指标\d{1,2}[:：.、]?/;
const SKIP_REASON: Record<SkipCode, string> = {
  'template-line': '空的模板行（指标1:、指标2: 之类，没有内容）',
  placeholder: '占位行（只有 / 或 ……）',
  total: '合计行',
  note: '表下的说明或注释',
  signature: '签字栏（填报人、联系电话、负责人等）',
  'text-box': '评价结论、存在问题等文字栏',
  'level-label': '只有一级或二级指标，没有三级指标',
  'sub-item': '“其中”分项，没有分值，不单独计分',
  banner: '跨列的标题或说明文字',
  'after-total': '合计行以下的内容',
  clerk: '导入人标记为非指标',
};

/** `产出指标(50分)`, `效益指标（30）` → the label and its weight. */
export function splitLevelWeight(text: string): { label: string; weight: number | null } {
  const s = normalize(text);
  const open = s.lastIndexOf('(');
  if (open > 0 && s.endsWith(')')) {
    const m = /^\((\d+(?:\.\d+)?)分?\)$/.exec(s.slice(open));
    if (m) return { label: s.slice(0, open), weight: Number(m[1]) };
  }
  return { label: text.trim(), weight: null };
}

/** `≧` `80` `%` from three cells → `≧80%`; a qualitative 指标值 keeps its text. */
function composeTarget(operator: string, value: string, unit: string): string {
  if (!value || isPlaceholder(value)) return '';
  if ((!operator && !unit) || !/\d/.test(value)) return value;
  // `≥` | `≥95` | `%`: the operator already written into the value is not repeated.
  const op = isPlaceholder(operator) || /^[≥≤<>=＞＜≧≦═﹦＝]/.test(value) ? '' : operator;
  const u = isPlaceholder(unit) ? '' : unit;
  return `${op}${value}${u && !value.endsWith(u) ? u : ''}`;
}

function skipped(row: number, code: SkipCode, fields: Partial<RowReading> = {}, detail?: string): RowReading {
  return {
    row,
    status: 'skipped',
    skip: { code, reason: detail ? `${SKIP_REASON[code]}：${detail}` : SKIP_REASON[code] },
    level1: '',
    level2: '',
    name: '',
    target: '',
    weight: null,
    weightText: '',
    kind: null,
    unit: null,
    actual: null,
    printedScore: null,
    band: null,
    applicable: true,
    deviationReason: null,
    owner: null,
    cells: {},
    flags: [],
    corrected: [],
    ...fields,
  };
}

/** The first characters of a cell, for a skip reason (`注：1.一级指标分值…`). */
function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 24 ? `${t.slice(0, 24)}…` : t;
}

/**
 * Reads every row below the indicator header: indicators (with what blocks them), and the rows that are not
 * indicators with the reason — empty template lines, `/` rows, 合计 / 总分, notes, signature lines, report boxes.
 * Reading stops only where a second table starts on the same sheet.
 */
export function readRows(grid: Grid, header: IndicatorHeader): RowsRead {
  const { cols } = header;
  const rows: RowReading[] = [];
  const level1Stated: RowsRead['level1Stated'] = [];
  let printedTotal: number | null = null;
  let afterTotal = false;
  let secondTable: number | null = null;
  let level1 = '';
  let level2 = '';

  const state = (text: string) => {
    const { label: l, weight } = splitLevelWeight(text);
    if (weight !== null && !level1Stated.some((s) => s.label === l)) level1Stated.push({ label: l, stated: weight });
    return l;
  };

  const mapped = new Set(Object.values(cols));
  for (let r = header.last + 1; r < grid.rows.length; r++) {
    const line = r + 1;
    const cells = (grid.rows[r] ?? []).map((t) => t.trim());
    const filled = cells.map((t, c) => ({ t, c })).filter((x) => x.t);
    if (!filled.length) continue;
    const at = (key: IndicatorColumn) => (cols[key] === undefined ? '' : (cells[cols[key]!] ?? ''));
    const addr = (key: IndicatorColumn) => (cols[key] === undefined ? undefined : cellAddress(r, cols[key]!));
    const first = label(filled[0]!.t);
    const lead = filled.slice(0, 2).map((x) => label(x.t));
    // What the row's cells say, kept on skipped rows too: restoring a skipped row starts from it.
    const raw = (): Partial<RowReading> => {
      const cellsRead: Record<string, string> = {};
      for (const key of ['name', 'target', 'weight', 'actual', 'score', 'owner'] as const) {
        const a = addr(key);
        if (a) cellsRead[key] = a;
      }
      const target = composeTarget(at('operator'), at('target'), at('unit'));
      return {
        level1,
        level2,
        name: isPlaceholder(at('name')) ? '' : at('name').replace(TEMPLATE_PREFIX, '').trim(),
        target,
        weightText: isPlaceholder(at('weight')) ? '' : at('weight'),
        actual: at('actual') && !isPlaceholder(at('actual')) ? at('actual') : null,
        owner: at('owner') || null,
        cells: cellsRead,
      };
    };

    const repeatedHeader = isIndicatorHeaderRow(grid, r);
    if (TABLE_TITLE(first) || (afterTotal && repeatedHeader)) {
      secondTable = line;
      break;
    }
    if (repeatedHeader) {
      rows.push(skipped(line, 'banner', {}, '重复的表头'));
      continue;
    }
    if (NOTE_START.test(first)) {
      rows.push(skipped(line, 'note', {}, excerpt(filled[0]!.t)));
      continue;
    }
    if (SIGNATURE_START.test(first)) {
      rows.push(skipped(line, 'signature', {}, excerpt([...new Set(filled.map((x) => x.t))].join(' '))));
      continue;
    }
    if (TEXT_BOX.test(first)) {
      rows.push(skipped(line, 'text-box', {}, excerpt(filled[0]!.t)));
      continue;
    }
    if (lead.some(TOTAL_ROW)) {
      const scoreText = at('score');
      const n = scoreText && !isPlaceholder(scoreText) ? readNumber(scoreText) : null;
      if (n && printedTotal === null) printedTotal = n.toNumber();
      rows.push(skipped(line, 'total', raw(), excerpt([...new Set(filled.map((x) => x.t))].join(' '))));
      afterTotal = true;
      continue;
    }
    // A block label merged down the side (`绩效指标`) is not the row's content: judge the mapped columns.
    const own = filled.filter((x) => mapped.has(x.c));
    if ((own.length ? own : filled).every((x) => isPlaceholder(x.t))) {
      rows.push(skipped(line, 'placeholder', raw()));
      continue;
    }
    if (afterTotal) {
      rows.push(skipped(line, 'after-total', raw(), excerpt(filled[0]!.t)));
      continue;
    }

    const l1 = at('level1');
    const l2 = at('level2');
    if (l1 && !isPlaceholder(l1)) {
      const l = state(l1);
      if (l !== level1) level2 = '';
      level1 = l;
    }
    if (l2 && !isPlaceholder(l2)) level2 = l2;

    const distinct = new Set(filled.map((x) => x.t));
    if (distinct.size === 1) {
      const text = filled[0]!.t;
      const inNameOnly = filled.length === 1 && filled[0]!.c === cols.name;
      if (!inNameOnly) {
        const level = splitLevelWeight(text);
        if (level.weight !== null || (/指标$/.test(normalize(level.label)) && normalize(level.label) !== '绩效指标')) {
          if (filled[0]!.c !== cols.level2) {
            level1 = state(text);
            level2 = '';
          }
          rows.push(skipped(line, 'level-label', raw(), excerpt(text)));
        } else rows.push(skipped(line, 'banner', raw(), excerpt(text)));
        continue;
      }
    }

    const rawName = at('name');
    const operator = at('operator');
    const value = at('target');
    const unitText = at('unit');
    let target = composeTarget(operator, value, unitText);
    const weightCell = at('weight');
    const actualCell = at('actual');
    const scoreCell = at('score');
    const nameIsNa = NOT_APPLICABLE.has(label(rawName));
    const nothingElse = !target && (!weightCell || isPlaceholder(weightCell)) && (!actualCell || isPlaceholder(actualCell));

    if (TEMPLATE_LINE.test(normalize(rawName)) && nothingElse) {
      rows.push(skipped(line, 'template-line', raw(), rawName));
      continue;
    }
    if (isPlaceholder(rawName) && nothingElse) {
      rows.push(skipped(line, 'placeholder', raw()));
      continue;
    }
    if ((!rawName || nameIsNa) && nothingElse) {
      rows.push(skipped(line, 'level-label', raw(), [level1, level2, nameIsNa ? rawName : ''].filter(Boolean).join(' / ')));
      continue;
    }
    if (/^其中/.test(normalize(rawName)) && (!weightCell || isPlaceholder(weightCell))) {
      rows.push(skipped(line, 'sub-item', raw(), excerpt(rawName)));
      continue;
    }

    let name = isPlaceholder(rawName) || nameIsNa ? '' : rawName.replace(TEMPLATE_PREFIX, '').trim();
    const flags: RowFlag[] = [];
    if (!target && name) {
      const fromName = targetFromName(name);
      if (fromName) {
        flags.push({
          code: 'target-from-name',
          mark: 'ℹ',
          blocking: false,
          cell: addr('name') ?? null,
          message:
            fromName.how === 'figure'
              ? `年度指标值为空，已取指标名称“${name}”中的“${fromName.target}”作为目标，请核对。`
              : `年度指标值为空，已把指标名称“${name}”作为文字目标，请核对。`,
        });
        name = fromName.name;
        target = fromName.target;
      }
    }

    const applicableText = label(at('applicable'));
    const naCell = [value, actualCell, scoreCell, weightCell].some((t) => NOT_APPLICABLE.has(label(t)));
    const applicable = !(applicableText === '否' || NOT_APPLICABLE.has(applicableText) || naCell || nameIsNa);
    if (nameIsNa && !name) name = level2 || level1;

    let printedScore: number | null = null;
    if (scoreCell && !isPlaceholder(scoreCell) && !NOT_APPLICABLE.has(label(scoreCell))) {
      const n = readNumber(scoreCell);
      if (n) printedScore = n.toNumber();
      else {
        flags.push({ code: 'printed-score-unreadable', mark: 'ℹ', blocking: false, cell: addr('score') ?? null, message: `表上得分“${excerpt(scoreCell)}”不是数字，未用于核对。` });
      }
    }
    const bandText = label(at('band'));
    const band = (BANDS as readonly string[]).includes(bandText) ? (bandText as Band) : null;
    const actual = actualCell && !isPlaceholder(actualCell) && !NOT_APPLICABLE.has(label(actualCell)) ? actualCell : null;
    const reason = at('reason');

    rows.push(
      checkRow({
        row: line,
        status: 'indicator',
        skip: null,
        level1,
        level2,
        name,
        target: NOT_APPLICABLE.has(label(value)) ? '不适用' : target,
        weight: null,
        weightText: NOT_APPLICABLE.has(label(weightCell)) ? '' : weightCell,
        kind: null,
        unit: null,
        actual,
        printedScore,
        band,
        applicable,
        deviationReason: reason && !isPlaceholder(reason) ? reason : null,
        owner: at('owner') || null,
        cells: raw().cells ?? {},
        flags,
        corrected: [],
      }),
    );
  }
  return { rows, printedTotal, level1Stated, secondTable };
}
