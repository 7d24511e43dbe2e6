import type { EvaluationInput, IndicatorInput } from '../../domain/evaluation';
import { BANDS, type Band } from '../../domain/evaluation';
import { isBlank, readNumber } from '../../domain/scoring/numbers-in';
import { parseActual } from '../../domain/scoring/parse-actual';
import { parseTarget } from '../../domain/scoring/parse-target';
import { cellAddress, cellText, type Grid } from './grid';
import { BUDGET_FIELDS, BUDGET_WEIGHT_LABELS, HEADER_FIELDS, INDICATOR_COLUMNS, KNOWN_LABELS, label, TOTAL_ROW, type IndicatorColumn } from './labels';
import type { ReadTableResult, TableError } from './result';

type Pos = { r: number; c: number };

function findAll(grid: Grid, test: (l: string) => boolean): Pos[] {
  const out: Pos[] = [];
  grid.rows.forEach((row, r) => row.forEach((text, c) => text.trim() && test(label(text)) && out.push({ r, c })));
  return out;
}

/**
 * The value beside a label: the first non-empty cell to its right that is not the same (merged) label. An empty
 * value followed by the next label (`全年执行数 | | 分值 | 10`) is empty, not that label.
 */
function valueRightOf(grid: Grid, at: Pos): Pos | null {
  const own = label(cellText(grid, at.r, at.c));
  const row = grid.rows[at.r] ?? [];
  for (let c = at.c + 1; c < row.length; c++) {
    const t = cellText(grid, at.r, c);
    if (!t || label(t) === own) continue;
    return KNOWN_LABELS.has(label(t)) ? null : { r: at.r, c };
  }
  return null;
}

const DASH = /^[—\-–－/]+$/;

interface Ctx {
  grid: Grid;
  errors: TableError[];
  notes: string[];
}

/** A number in a cell, or null when empty or a dash; a bad cell adds an error naming it. */
function numberAt(ctx: Ctx, pos: Pos | null, what: string, example: string): number | null {
  if (!pos) return null;
  const text = cellText(ctx.grid, pos.r, pos.c);
  if (!text || DASH.test(text)) return null;
  const n = readNumber(text);
  if (!n) {
    ctx.errors.push({ cell: cellAddress(pos.r, pos.c), row: pos.r + 1, message: `${what}“${text}”不是数字。请填写数字，例如：${example}。` });
    return null;
  }
  return n.toNumber();
}

/** The value beside the first of `labels` found on the sheet. */
function headerField(ctx: Ctx, labels: readonly string[]): string | null {
  for (const at of findAll(ctx.grid, (l) => labels.includes(l))) {
    const v = valueRightOf(ctx.grid, at);
    if (v) return cellText(ctx.grid, v.r, v.c);
  }
  return null;
}

function readHeader(ctx: Ctx, fileName: string): EvaluationInput['project'] {
  const field = (labels: readonly string[]) => headerField(ctx, labels);
  let name = field(HEADER_FIELDS.name);
  if (!name) {
    name = fileName.replace(/\.[^.]+$/, '');
    ctx.notes.push(`表中没有找到“项目名称”，已用文件名“${name}”作为项目名称。`);
  }
  let year: string | number | null = field(HEADER_FIELDS.year);
  if (!year) {
    const title = findAll(ctx.grid, (l) => /(?:19|20)\d{2}年度/.test(l))[0];
    if (title) year = /((?:19|20)\d{2})年度/.exec(label(cellText(ctx.grid, title.r, title.c)))![1]!;
  }
  const yearNumber = year != null ? /((?:19|20)\d{2})/.exec(String(year)) : null;
  return {
    name,
    department: field(HEADER_FIELDS.department),
    implementingUnit: field(HEADER_FIELDS.implementingUnit),
    year: yearNumber ? Number(yearNumber[1]) : null,
  };
}

type Amounts = { initial: number | null; fullYear: number | null; executed: number | null };

function readBudget(ctx: Ctx): EvaluationInput['budget'] | null {
  const { grid } = ctx;
  const fullYearLabel = findAll(grid, (l) => l.startsWith(BUDGET_FIELDS.fullYear))[0];
  if (!fullYearLabel) {
    ctx.errors.push({ message: '表中没有找到“全年预算数”。请在表头填写全年预算数（万元），例如在“全年预算数”右侧填 105。' });
    return null;
  }
  const totalRow = findAll(grid, (l) => l === '年度资金总额' || l === '资金总额')[0];
  if (totalRow) {
    // The standard 项目资金 block: a header row of labels, then 年度资金总额 and the 其中 rows beneath.
    const header = fullYearLabel.r;
    const col = (test: (l: string) => boolean): number | null => {
      const row = grid.rows[header] ?? [];
      const c = row.findIndex((t) => t.trim() && test(label(t)));
      return c >= 0 ? c : null;
    };
    const cols = {
      initial: col((l) => l.startsWith(BUDGET_FIELDS.initial)),
      fullYear: fullYearLabel.c,
      executed: col((l) => l.startsWith(BUDGET_FIELDS.executed)),
      weight: col((l) => l === '分值'),
      rate: col((l) => l.startsWith('执行率')),
      score: col((l) => l === '得分'),
    };
    const at = (r: number, c: number | null): Pos | null => (c == null ? null : { r, c });
    const amounts = (r: number): Amounts => ({
      initial: numberAt(ctx, at(r, cols.initial), '年初预算数', '105'),
      fullYear: numberAt(ctx, at(r, cols.fullYear), '全年预算数', '105'),
      executed: numberAt(ctx, at(r, cols.executed), '全年执行数', '57'),
    });
    const total = amounts(totalRow.r);
    const sources: NonNullable<EvaluationInput['budget']['sources']> = {};
    for (let r = totalRow.r + 1; r <= totalRow.r + 5 && r < grid.rows.length; r++) {
      const text = (grid.rows[r] ?? []).map(label).join('|');
      if (text.includes('绩效指标') || text.includes('年度总体目标')) break;
      if (text.includes('当年财政')) sources.currentYear = amounts(r);
      else if (text.includes('上年结转')) sources.carryOver = amounts(r);
      else if (text.includes('其他资金')) sources.other = amounts(r);
    }
    if (total.fullYear == null) {
      ctx.errors.push({ cell: cellAddress(totalRow.r, cols.fullYear), row: totalRow.r + 1, message: `年度资金总额的全年预算数为空。请填写金额（万元），例如：105。` });
      return null;
    }
    const rateText = cols.rate == null ? '' : cellText(grid, totalRow.r, cols.rate);
    return {
      ...total,
      fullYear: total.fullYear,
      weight: numberAt(ctx, at(totalRow.r, cols.weight), '预算执行率分值', '10'),
      printedRate: rateText && !DASH.test(rateText) ? rateText : null,
      printedScore: numberAt(ctx, at(totalRow.r, cols.score), '预算执行率得分', '8'),
      sources,
    };
  }

  // The project's own template: each amount to the right of its label.
  const kv = (test: (l: string) => boolean, what: string, example: string) => {
    const at = findAll(grid, test)[0];
    return at ? numberAt(ctx, valueRightOf(grid, at), what, example) : null;
  };
  const fullYear = kv((l) => l.startsWith(BUDGET_FIELDS.fullYear), '全年预算数', '105');
  if (fullYear == null) {
    if (!ctx.errors.length) ctx.errors.push({ cell: cellAddress(fullYearLabel.r, fullYearLabel.c + 1), row: fullYearLabel.r + 1, message: `请在“全年预算数”右侧填写金额（万元），例如：105。` });
    return null;
  }
  return {
    initial: kv((l) => l.startsWith(BUDGET_FIELDS.initial), '年初预算数', '105'),
    fullYear,
    executed: kv((l) => l.startsWith(BUDGET_FIELDS.executed), '全年执行数', '57'),
    weight: kv((l) => BUDGET_WEIGHT_LABELS.includes(l), '预算执行率分值', '10'),
  };
}

function readGoals(ctx: Ctx): EvaluationInput['goals'] | undefined {
  const expected = findAll(ctx.grid, (l) => l === '预期目标' || l === '年初设定目标')[0];
  if (!expected) return undefined;
  const actualLabel = (ctx.grid.rows[expected.r] ?? []).findIndex((t) => ['实际完成情况', '年度总体目标完成情况综述'].includes(label(t)));
  const below = (c: number, until: number): string | null => {
    for (let r = expected.r + 1; r <= expected.r + 2; r++) {
      for (let cc = c; cc < until; cc++) {
        const t = cellText(ctx.grid, r, cc);
        if (t) return t;
      }
    }
    return null;
  };
  return {
    expected: below(expected.c, actualLabel > expected.c ? actualLabel : expected.c + 1),
    actual: actualLabel >= 0 ? below(actualLabel, actualLabel + 1) : null,
  };
}

/** `≧` `80` `%` from three cells → `≧80%`; a qualitative 指标值 keeps its text. */
function composeTarget(operator: string, value: string, unit: string): string {
  if (!operator && !unit) return value;
  if (!/\d/.test(value)) return value;
  return `${operator}${value}${unit && !value.endsWith(unit) ? unit : ''}`;
}

function readIndicators(ctx: Ctx): { indicators: IndicatorInput[]; printedTotal: number | null } | null {
  const { grid } = ctx;
  const headerAt = findAll(grid, (l) => l === '三级指标' || l === '指标名称').find((p) =>
    (grid.rows[p.r] ?? []).some((t) => t.trim() && INDICATOR_COLUMNS.find(([k]) => k === 'target')![1](label(t))),
  );
  if (!headerAt) {
    ctx.errors.push({ message: '表中没有找到指标表头。需要一行含有“一级指标”“二级指标”“三级指标”“年度指标值”“分值”的表头。' });
    return null;
  }
  const header = grid.rows[headerAt.r] ?? [];
  const cols: Partial<Record<IndicatorColumn, number>> = {};
  header.forEach((t, c) => {
    const l = label(t);
    for (const [key, test] of INDICATOR_COLUMNS) if (cols[key] === undefined && l && test(l)) cols[key] = c;
  });
  for (const [key, name] of [['weight', '分值'], ['target', '年度指标值']] as const) {
    if (cols[key] === undefined) {
      ctx.errors.push({ row: headerAt.r + 1, message: `指标表头缺少“${name}”列。请在这一行加上“${name}”列。` });
      return null;
    }
  }
  const text = (r: number, key: IndicatorColumn) => (cols[key] === undefined ? '' : cellText(grid, r, cols[key]!));
  const addr = (r: number, key: IndicatorColumn) => cellAddress(r, cols[key]!);

  const indicators: IndicatorInput[] = [];
  let printedTotal: number | null = null;
  let level1 = '';
  let level2 = '';
  for (let r = headerAt.r + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.some((t) => t.trim() && TOTAL_ROW(label(t)))) {
      if (cols.score !== undefined) printedTotal = numberAt(ctx, { r, c: cols.score }, '总分', '98');
      break;
    }
    const l1 = text(r, 'level1');
    const l2 = text(r, 'level2');
    const name = text(r, 'name');
    const target = composeTarget(text(r, 'operator'), text(r, 'target'), text(r, 'unit'));
    const weightText = text(r, 'weight');
    if (l1 && l1 !== level1) {
      level1 = l1;
      level2 = '';
    }
    if (l2) level2 = l2;
    if (!name && !target && !weightText) continue;
    // A note merged across the row (`注：…`, `填表人：…`) ends the table; any other banner row is skipped.
    const distinct = new Set(row.map((t) => t.trim()).filter(Boolean));
    if (distinct.size === 1) {
      if (/^(?:注|说明|备注|填表人|填报人|联系电话|单位负责人)/.test(label([...distinct][0]!))) break;
      continue;
    }
    // Sub-rows without 分值 ("其中…") are informational, not scored (财预〔2020〕10号《项目支出绩效评价管理办法》 附件 自评表).
    if (!weightText && name.startsWith('其中')) continue;

    const where = `第 ${r + 1} 行`;
    if (!name) {
      ctx.errors.push({ cell: addr(r, 'name'), row: r + 1, message: `${where}缺少三级指标名称。请填写指标名称。` });
      continue;
    }
    const weight = readNumber(weightText);
    if (!weight) {
      ctx.errors.push({ cell: addr(r, 'weight'), row: r + 1, message: `“${name}”的分值“${weightText}”不是数字。请填写该指标的分值，例如：5。` });
    }
    const parsedTarget = parseTarget(target);
    if (!parsedTarget.ok) {
      ctx.errors.push({ cell: addr(r, 'target'), row: r + 1, message: `“${name}”：${parsedTarget.error.message}` });
    }
    const actual = text(r, 'actual');
    if (actual && parsedTarget.ok) {
      const parsed = parseActual(actual, parsedTarget);
      if (!parsed.ok) ctx.errors.push({ cell: addr(r, 'actual'), row: r + 1, message: `“${name}”：${parsed.error.message}` });
    }
    const scoreText = text(r, 'score');
    const printedScore = scoreText && !DASH.test(scoreText) ? numberAt(ctx, { r, c: cols.score! }, `“${name}”的得分`, '5') : null;
    const bandText = label(text(r, 'band'));
    const band = (BANDS as readonly string[]).includes(bandText) ? (bandText as Band) : null;
    const applicableText = label(text(r, 'applicable'));
    indicators.push({
      level1,
      level2,
      name,
      target,
      weight: weight ? weight.toNumber() : weightText,
      actual: actual || null,
      ...(band ? { band } : {}),
      ...(applicableText === '否' || applicableText === '不适用' ? { applicable: false } : {}),
      deviationReason: text(r, 'reason') || null,
      printedScore,
      owner: text(r, 'owner') || null,
    });
  }
  if (!indicators.length && !ctx.errors.length) {
    ctx.errors.push({ row: headerAt.r + 2, message: `指标表头下面没有指标。请在表头下逐行填写三级指标、年度指标值和分值。` });
  }
  return { indicators, printedTotal };
}

/**
 * Reads an evaluation from a grid in either layout — the standard 项目支出绩效自评表 (项目资金 block, merged
 * 一级/二级 cells, 得分 and 总分 as printed) or the project's own template (header fields beside their labels) —
 * by finding the labels wherever they sit on the sheet.
 */
export function readLayout(grid: Grid, fileName: string): ReadTableResult {
  const ctx: Ctx = { grid, errors: [], notes: [] };
  const project = readHeader(ctx, fileName);
  const deadline = headerField(ctx, HEADER_FIELDS.deadline);
  const budget = readBudget(ctx);
  const goals = readGoals(ctx);
  const table = readIndicators(ctx);
  if (ctx.errors.length || !budget || !table) return { ok: false, errors: ctx.errors };
  const evaluation: EvaluationInput = {
    project,
    budget,
    ...(goals ? { goals } : {}),
    indicators: table.indicators,
    ...(table.printedTotal != null ? { printedTotal: table.printedTotal } : {}),
  };
  if (evaluation.indicators.some((i) => !isBlank(i.owner))) {
    const missing = evaluation.indicators.filter((i) => isBlank(i.owner)).length;
    if (missing) ctx.notes.push(`${missing} 项指标没有填写责任人。`);
  }
  return { ok: true, evaluation, notes: ctx.notes, ...(deadline ? { deadline } : {}) };
}
