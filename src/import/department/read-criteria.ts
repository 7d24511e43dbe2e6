import type { CriterionInput } from '../../domain/department/evaluation';
import { splitWeight } from '../../domain/department/names';
import type { TableError } from '../tables/result';
import { DEPARTMENT_MARKERS, PAIR_FIGURES, UNIT_TEXT } from './labels';
import type { Sheet } from './sheet';

/**
 * Reads a 部门整体 评分表: columns 一级指标 / 二级指标 / 三级指标 / 分值 / 得分, optionally 评分说明 and 评分标准,
 * merged 一级/二级 cells repeating their text. Labels may carry their weight (`目标设定（6分）`), or a 分值 column may
 * follow each level; 小计 rows state a group's 分值 and 得分 and 总分 rows the total — figures to audit, not
 * indicators. A row that cannot be read is flagged by its cell and left out; the rest is read.
 */
export interface CriteriaResult {
  criteria: CriterionInput[];
  stated: { total?: number };
  issues: TableError[];
  /** Rows read as 三级指标. */
  rows: number;
}

const LEVEL_LABELS = [['一级指标'], ['二级指标'], ['三级指标', '指标名称', '指标']];
const WEIGHT = ['分值', '权重', '标准分值', '分数'];
const SCORE = ['得分', '自评得分', '评价得分', '评分'];
const NOTE = ['评分说明', '得分说明', '评分依据', '自评说明', '扣分原因', '扣分原因和其他说明', '扣分说明', '说明', '备注'];
const STANDARD = ['评分标准', '评价标准', '评(扣)分标准', '评扣分标准'];
const TOTAL = /^(总分|合计|总计|综合得分|得分合计|总得分)$/;
const SUBTOTAL = /^(.*?)(小计|合计)$/;
const BLOCK_LABELS = new Set([...DEPARTMENT_MARKERS, ...PAIR_FIGURES.flatMap(([, l]) => l), ...UNIT_TEXT.flatMap(([, l]) => l), '机构名称']);

interface Header {
  row: number;
  levels: number[];
  /** 分值 / 得分 column of each level (index into `levels`), the leaf's being the last. */
  weights: Map<number, number>;
  scores: Map<number, number>;
  note: number;
  standard: number;
}

function findHeader(sheet: Sheet): Header | null {
  for (let r = 0; r < sheet.rows; r++) {
    const levels = LEVEL_LABELS.map((labels) => sheet.column(r, labels));
    if (levels[2]! < 0 && levels[1]! < 0) continue;
    const present = levels.filter((c) => c >= 0);
    const weights = new Map<number, number>();
    const scores = new Map<number, number>();
    for (let c = 0; c < sheet.cols(r); c++) {
      const l = sheet.label(r, c);
      const target = WEIGHT.includes(l) ? weights : SCORE.includes(l) ? scores : null;
      if (!target) continue;
      // A 分值 / 得分 column belongs to the nearest level column on its left.
      const owner = present.filter((lc) => lc < c).pop() ?? present[present.length - 1]!;
      const level = present.indexOf(owner);
      if (!target.has(level)) target.set(level, c);
    }
    if (!weights.has(present.length - 1)) continue;
    return { row: r, levels: present, weights, scores, note: sheet.column(r, NOTE), standard: sheet.column(r, STANDARD) };
  }
  return null;
}

export function hasCriteriaHeader(sheet: Sheet): boolean {
  return findHeader(sheet) !== null;
}

interface Group {
  node: CriterionInput;
  children: Map<string, Group>;
}

export function readCriteria(sheet: Sheet): CriteriaResult | null {
  const h = findHeader(sheet);
  if (!h) return null;
  const result: CriteriaResult = { criteria: [], stated: {}, issues: [], rows: 0 };
  const roots = new Map<string, Group>();
  const leafLevel = h.levels.length - 1;
  const num = (row: number, col: number | undefined, what: string): number | null | undefined => {
    if (col === undefined || col < 0) return undefined;
    const text = sheet.text(row, col);
    if (!text) return undefined;
    const n = sheet.number(row, col);
    if (n) return n.toNumber();
    result.issues.push({ cell: sheet.at(row, col), message: `${what}“${text}”不是数字。请填写数字，例如：5。` });
    return null;
  };
  const group = (parent: Map<string, Group>, label: string, row: number, level: number): Group => {
    const { name, weight } = splitWeight(label);
    let g = parent.get(name);
    if (!g) {
      g = { node: { name, children: [] }, children: new Map() };
      parent.set(name, g);
    }
    const stated = weight ?? num(row, h.weights.get(level), `“${name}”的分值`);
    if (stated != null && g.node.weight == null) g.node.weight = typeof stated === 'string' ? Number(stated) : stated;
    return g;
  };

  for (let r = h.row + 1; r < sheet.rows; r++) {
    const cells = h.levels.map((c) => sheet.text(r, c).replace(/\s+/g, ' ').trim());
    if (cells.every((t) => !t)) continue;
    const folded = h.levels.map((c) => sheet.label(r, c));
    // The 自评表's own blocks (人员编制 | 7 …) below the 评分表 end it.
    if (folded.some((l) => BLOCK_LABELS.has(l))) break;
    if (folded.some((l) => TOTAL.test(l))) {
      const total = num(r, h.scores.get(leafLevel) ?? h.scores.get(0), '总分');
      if (total != null) result.stated.total = total;
      break;
    }
    // 小计: the group it closes is the deepest level cell left of the 小计 cell.
    const sub = folded.findIndex((l) => SUBTOTAL.test(l));
    if (sub >= 0) {
      const path = cells.slice(0, sub).filter(Boolean);
      let parent = roots;
      let g: Group | undefined;
      path.forEach((label, i) => {
        g = group(parent, label, r, i);
        parent = g.children;
      });
      if (g) {
        const weight = num(r, h.weights.get(leafLevel), '小计分值');
        const score = num(r, h.scores.get(leafLevel), '小计得分');
        if (weight != null) g.node.weight ??= weight;
        if (score != null) g.node.score = score;
      }
      continue;
    }
    const name = cells[leafLevel]!;
    if (!name) continue;
    if (h.levels.length > 1 && cells.slice(0, leafLevel).every((t) => !t)) {
      result.issues.push({ row: r + 1, message: `“${name}”没有所属的一级指标。请在一级指标列填写（如：投入、过程、产出及效益）。` });
      continue;
    }
    let parent = roots;
    let groupNode: Group | undefined;
    for (let i = 0; i < leafLevel; i++) {
      const label = cells[i]!;
      // 二级 merged into 三级 (a two-level branch), or left blank: attach to the level above.
      if (!label || splitWeight(label).name === splitWeight(name).name) continue;
      groupNode = group(parent, label, r, i);
      parent = groupNode.children;
    }
    const label = splitWeight(name);
    const weight = num(r, h.weights.get(leafLevel), `“${label.name}”的分值`);
    if (weight === null) continue;
    if (weight === undefined && !label.weight) {
      result.issues.push({ cell: sheet.at(r, h.weights.get(leafLevel)!), message: `“${label.name}”没有分值。请填写该指标的分值，例如：5。` });
      continue;
    }
    const score = num(r, h.scores.get(leafLevel), `“${label.name}”的得分`);
    const leaf: CriterionInput = { name: label.name, weight: weight ?? Number(label.weight) };
    if (score != null) leaf.score = score;
    if (h.note >= 0 && sheet.text(r, h.note)) leaf.note = sheet.text(r, h.note);
    if (h.standard >= 0 && sheet.text(r, h.standard)) leaf.standard = sheet.text(r, h.standard);
    const key = `${label.name}#${r}`;
    parent.set(key, { node: leaf, children: new Map() });
    result.rows++;
  }

  // A group that only a 小计 row named, with no indicator under it, is dropped rather than scored as an indicator.
  const build = (groups: Map<string, Group>): CriterionInput[] =>
    [...groups.values()].flatMap((g) => (g.children.size ? [{ ...g.node, children: build(g.children) }] : g.node.children ? [] : [g.node]));
  result.criteria = build(roots);
  return result;
}
