import type { DepartmentEvaluation, Goal } from '../../domain/department/evaluation';
import type { AccountKey } from '../../domain/department/figures';
import type { FigureCollector } from './collector';
import {
  accountFor,
  deptLabel,
  HEADER_TABLES,
  PAIR_FIGURES,
  PUBLIC_DETAIL_ROWS,
  SPENDING_ROWS,
  THREE_PUBLIC_COLUMNS,
  UNIT_TEXT,
  type HeaderTable,
} from './labels';
import type { Sheet } from './sheet';

/**
 * Reads the blocks of a 部门整体 自评表 and the 评价报告's tables wherever they sit on a sheet: 部门基本概况
 * (label | value), the 收入 / 支出和结余 / 三公 / 固定资产 header tables, the 三公 and 支出 预算/决算 tables (whose 总合计
 * block repeats the figures), the 项目资金 table, 定性/定量目标, 综合得分, 评价等次 and 评价人员.
 */
export interface BlockResult {
  unit: Partial<Record<'name' | 'year' | 'contact' | 'phone' | 'duties' | 'yearWork' | 'achievements' | 'institution', string>>;
  stated: { total?: number; grade?: string };
  qualitative: Array<{ target: string; actual: string | null }>;
  quantitative: Goal[];
  evaluators: NonNullable<DepartmentEvaluation['evaluators']>;
  /** How many blocks were recognised; a sheet with none is not a 部门整体 表. */
  found: number;
}

export function emptyBlocks(): BlockResult {
  return { unit: {}, stated: {}, qualitative: [], quantitative: [], evaluators: [], found: 0 };
}

function readHeaderTable(sheet: Sheet, spec: HeaderTable, out: FigureCollector): boolean {
  const anchor = sheet.find((l) => spec.anchorLabels.includes(l)).next();
  if (anchor.done) return false;
  const [r, c] = anchor.value;
  let data = -1;
  for (let row = r + 1; row < Math.min(sheet.rows, r + 6); row++) {
    if (sheet.number(row, c)) {
      data = row;
      break;
    }
  }
  if (data < 0) return false;
  // Several 机构 rows: a 合计 row among them is the unit's figure.
  for (let row = data + 1; row < sheet.rows && sheet.number(row, c); row++) {
    if ([...Array(c).keys()].some((j) => ['合计', '总计'].includes(sheet.label(row, j)))) data = row;
  }
  const cols = new Map<AccountKey, number>([[spec.anchor, c]]);
  for (let row = r; row < data; row++) {
    for (let j = 0; j < sheet.cols(row); j++) {
      const key = accountFor(spec.columns, sheet.text(row, j));
      if (key && !cols.has(key)) cols.set(key, j);
      sheet.use(row, j);
    }
  }
  for (const [key, col] of cols) {
    const value = sheet.number(data, col);
    if (value) out.set(key, value, `${sheet.at(data, col)}（${spec.name}）`);
    else if (sheet.text(data, col)) out.issues.push({ cell: sheet.at(data, col), message: `${spec.name}中的“${sheet.text(data, col)}”不是数字。请填写金额（万元），例如：402.03。` });
  }
  return true;
}

/** The 三公 预算/决算 table: a header with the four lines and 小计, rows 预算数 / 决算数 (per 单位 and 总合计). */
function readThreePublicTable(sheet: Sheet, out: FigureCollector): boolean {
  for (let r = 0; r < sheet.rows; r++) {
    const cols = new Map<string, number>();
    for (let c = 0; c < sheet.cols(r); c++) {
      const line = THREE_PUBLIC_COLUMNS.find(([, labels]) => labels.includes(sheet.label(r, c)))?.[0];
      if (line && !cols.has(line)) cols.set(line, c);
    }
    if ([...cols.keys()].filter((k) => k !== 'total').length < 3 || sheet.column(r, ['三公经费合计']) >= 0) continue;
    for (let row = r + 1; row < sheet.rows && !sheet.blank(row); row++) {
      const kindCol = sheet.column(row, ['预算数', '年初预算数', '决算数']);
      if (kindCol < 0) continue;
      const kind = sheet.label(row, kindCol) === '决算数' ? 'actual' : 'budget';
      sheet.use(row, kindCol);
      const block = blockLabel(sheet, row, kindCol);
      for (const [line, col] of cols) {
        const value = sheet.number(row, col);
        if (value) out.set(`threePublic.${kind}.${line}` as AccountKey, value, `${sheet.at(row, col)}（三公经费${block}·${kind === 'actual' ? '决算数' : '预算数'}）`);
      }
    }
    return true;
  }
  return false;
}

/** The 单位 a row of a 预算/决算 table belongs to (机关, 总合计), from the cells left of its label. */
function blockLabel(sheet: Sheet, row: number, labelCol: number): string {
  for (let r = row; r >= Math.max(0, row - 30); r--) {
    for (let c = labelCol - 1; c >= 0; c--) {
      const t = sheet.text(r, c);
      if (t && !/^\d+$/.test(t) && !['序号', '单位', '单位名称'].includes(sheet.label(r, c))) return `·${t.replace(/\s+/g, '')}`;
    }
  }
  return '';
}

/** The 收入年初预算及年终决算 table: 年初预算数 and 决算数 rows, read from its 合计 column. */
function readIncomeTable(sheet: Sheet, out: FigureCollector): boolean {
  for (const [r, c] of sheet.find((l) => l === '一般公共预算财政拨款收入')) {
    const total = sheet.column(r, ['合计']);
    for (let row = r + 1; row < sheet.rows && !sheet.blank(row); row++) {
      const kindCol = sheet.column(row, ['年初预算数', '决算数']);
      if (kindCol < 0) continue;
      sheet.use(row, kindCol);
      const actual = sheet.label(row, kindCol) === '决算数';
      const block = blockLabel(sheet, row, kindCol);
      const sum = total >= 0 ? sheet.number(row, total) : null;
      const fiscal = sheet.number(row, c);
      if (actual) {
        if (sum) out.set('income.total', sum, `${sheet.at(row, total)}（收入${block}·决算数）`);
        if (fiscal) out.set('income.fiscal', fiscal, `${sheet.at(row, c)}（收入${block}·决算数）`);
      } else if (sum ?? fiscal) {
        out.set('budget.initial', (sum ?? fiscal)!, `${sheet.at(row, sum ? total : c)}（收入${block}·年初预算数）`);
      }
    }
    return true;
  }
  return false;
}

/** The 支出年初预算及年终决算 table: rows 基本支出 / 人员经费 / 日常公用经费 (商品和服务支出, 资本性支出) / 项目支出 / 合计. */
function readSpendingTable(sheet: Sheet, out: FigureCollector): boolean {
  for (let r = 0; r < sheet.rows; r++) {
    const budgetCol = sheet.column(r, ['年初预算数']);
    const actualCol = sheet.column(r, ['决算数']);
    if (budgetCol < 0 || actualCol < 0 || sheet.column(r, ['一般公共预算财政拨款收入']) >= 0) continue;
    let section = '';
    for (let row = r + 1; row < sheet.rows && !sheet.blank(row); row++) {
      if (sheet.column(row, ['年初预算数', '项目名称', '一般公共预算财政拨款收入']) >= 0) break;
      let labelCol = -1;
      for (let c = Math.min(budgetCol, actualCol) - 1; c >= 0; c--) {
        const l = sheet.label(row, c);
        if (SPENDING_ROWS[l] || PUBLIC_DETAIL_ROWS[l] || ['工资福利支出', '对个人和家庭的补助'].includes(l)) {
          labelCol = c;
          break;
        }
      }
      if (labelCol < 0) continue;
      const l = sheet.label(row, labelCol);
      sheet.use(row, labelCol);
      const spec = SPENDING_ROWS[l];
      if (spec?.section) section = spec.section;
      const actualKey = spec?.actual ?? (section === 'public' ? PUBLIC_DETAIL_ROWS[l] : undefined);
      const budgetKey = spec?.budget;
      const block = blockLabel(sheet, row, labelCol);
      const a = sheet.number(row, actualCol);
      const b = sheet.number(row, budgetCol);
      if (actualKey && a) out.set(actualKey, a, `${sheet.at(row, actualCol)}（支出${block}·${l}·决算数）`);
      if (budgetKey && b) out.set(budgetKey, b, `${sheet.at(row, budgetCol)}（支出${block}·${l}·年初预算数）`);
    }
    return true;
  }
  return false;
}

/** The 项目资金收支 table: one row per project with 实际到位资金 and 本年支付. */
function readProjectItems(sheet: Sheet, out: FigureCollector): boolean {
  for (let r = 0; r < sheet.rows; r++) {
    const nameCol = sheet.column(r, ['项目名称']);
    const paidCol = sheet.column(r, ['本年支付']);
    if (nameCol < 0 || paidCol < 0) continue;
    const col = (labels: string[]) => sheet.column(r, labels);
    const fields = {
      carryOver: col(['年初结转和结余']),
      initial: col(['年初预算']),
      available: col(['实际到位资金']),
      paid: paidCol,
      balance: col(['年末结转和结余']),
    };
    for (let c = 0; c < sheet.cols(r); c++) sheet.use(r, c);
    const items: Array<Record<string, unknown>> = [];
    for (let row = r + 1; row < sheet.rows && !sheet.blank(row); row++) {
      const name = sheet.text(row, nameCol);
      const l = deptLabel(name);
      if (!name || /^(小计|合计|总计)$/.test(l) || [...Array(nameCol).keys()].some((j) => /^(合计|总计)$/.test(sheet.label(row, j)))) {
        if (/^(合计|总计)$/.test(l) || [...Array(nameCol).keys()].some((j) => /^(合计|总计)$/.test(sheet.label(row, j)))) break;
        continue;
      }
      const item: Record<string, unknown> = { name: name.replace(/\s+/g, '') };
      for (const [field, c] of Object.entries(fields)) {
        const v = c >= 0 ? sheet.number(row, c) : null;
        if (v) item[field] = v.toNumber();
      }
      items.push(item);
    }
    if (items.length) {
      const projects = (out.figures.projects ??= {});
      projects.items ??= items as NonNullable<typeof projects.items>;
    }
    return true;
  }
  return false;
}

/** Label | value figures (人员编制 | 7) and text fields (联系人 | 王柳), skipping cells a table reader took. */
function readPairs(sheet: Sheet, out: FigureCollector, result: BlockResult): void {
  for (let r = 0; r < sheet.rows; r++) {
    for (let c = 0; c < sheet.cols(r); c++) {
      if (sheet.isUsed(r, c)) continue;
      const text = sheet.text(r, c);
      if (!text) continue;
      const key = accountFor(PAIR_FIGURES, text);
      const l = sheet.label(r, c);
      const field = UNIT_TEXT.find(([, labels]) => labels.includes(l))?.[0] as keyof BlockResult['unit'] | undefined;
      const stated = l === '绩效自评综合得分' || l === '综合得分' ? 'total' : l === '评价等次' || l === '评价等级' ? 'grade' : null;
      if (!key && !field && !stated) continue;
      const next = sheet.right(r, c);
      if (!next) continue;
      if (key) {
        const value = sheet.number(r, next.col);
        if (value) {
          out.set(key, value, `${sheet.at(r, next.col)}（${l}）`);
          result.found++;
        }
        continue;
      }
      if (stated === 'total') {
        const value = sheet.number(r, next.col);
        if (value) result.stated.total ??= value.toNumber();
        else out.issues.push({ cell: sheet.at(r, next.col), message: `绩效自评综合得分“${next.text}”不是数字。请填写总分，例如：97。` });
        result.found++;
      } else if (stated === 'grade') {
        if (/^[优良中差]/.test(next.text)) result.stated.grade ??= next.text.trim().slice(0, 1);
      } else if (field === 'year') {
        const y = /(\d{4})/.exec(next.text);
        if (y) result.unit.year ??= y[1]!;
      } else if (field && !accountFor(PAIR_FIGURES, next.text) && !UNIT_TEXT.some(([, labels]) => labels.includes(deptLabel(next.text)))) {
        result.unit[field] ??= next.text.trim();
        result.found++;
      }
    }
  }
}

/** 整体支出绩效定性目标 (预期目标 | 实际完成) and 定量目标 (… | 绩效目标 | 完成情况) rows. */
function readGoals(sheet: Sheet, result: BlockResult): void {
  for (const [r, c] of sheet.find((l) => l === '预期目标')) {
    const actualCol = sheet.column(r, ['实际完成', '实际完成情况']);
    if (actualCol < 0) continue;
    for (let row = r + 1; row < Math.min(sheet.rows, r + 4); row++) {
      const target = sheet.text(row, c);
      if (target && target !== sheet.text(r, c)) {
        result.qualitative.push({ target, actual: sheet.text(row, actualCol) || null });
        result.found++;
        break;
      }
    }
    break;
  }
  for (const [r, targetCol] of sheet.find((l) => l === '绩效目标')) {
    const actualCol = sheet.column(r, ['完成情况', '实际完成情况']);
    if (actualCol < 0) continue;
    for (let row = r + 1; row < sheet.rows; row++) {
      if (sheet.column(row, ['绩效自评综合得分', '综合得分', '评价等次']) >= 0) break;
      const target = sheet.text(row, targetCol);
      if (!target) continue;
      // The 指标 sits just left of its 绩效目标 (`指标1：`), even when its words repeat the target's.
      const name = sheet.text(row, targetCol - 1).replace(/[:：]\s*$/, '').trim() || null;
      let category: string | null = null;
      for (let c = 0; c < targetCol; c++) {
        const first = sheet.text(row, c).split('\n')[0]!.trim();
        if (/^(产出|效益|效果|满意度)/.test(deptLabel(first))) {
          category = first;
          break;
        }
      }
      result.quantitative.push({ category, name, target, actual: sheet.text(row, actualCol) || null });
    }
    result.found++;
    break;
  }
}

/** 评价人员: 姓名 | 职务/职称 | 单位 | 签字. */
function readEvaluators(sheet: Sheet, result: BlockResult): void {
  for (const [r, c] of sheet.find((l) => l === '姓名')) {
    const titleCol = sheet.column(r, ['职务/职称', '职务', '职称']);
    if (titleCol < 0) continue;
    const unitCol = sheet.column(r, ['单位', '工作单位']);
    for (let row = r + 1; row < sheet.rows; row++) {
      const name = sheet.text(row, c).replace(/\s+/g, '');
      if (!name || /^(评价组|部门|财政)/.test(name)) break;
      result.evaluators.push({ name, title: sheet.text(row, titleCol) || null, unit: unitCol >= 0 ? sheet.text(row, unitCol) || null : null });
    }
    result.found++;
    return;
  }
}

/** `2019年度区金融办整体支出绩效评价自评报告` → year and unit. */
function readTitle(sheet: Sheet, result: BlockResult): void {
  for (let r = 0; r < Math.min(sheet.rows, 3); r++) {
    for (let c = 0; c < sheet.cols(r); c++) {
      const m = /^(\d{4})年度?(.+?)(?:部门)?整体支出绩效(?:评价)?自评(?:报告|表)?$/.exec(sheet.text(r, c).replace(/\s+/g, ''));
      if (m) {
        result.unit.year ??= m[1]!;
        result.unit.name ??= m[2]!;
        return;
      }
    }
  }
}

export function readBlocks(sheet: Sheet, out: FigureCollector, result: BlockResult): void {
  for (const spec of HEADER_TABLES) if (readHeaderTable(sheet, spec, out)) result.found++;
  if (readThreePublicTable(sheet, out)) result.found++;
  if (readIncomeTable(sheet, out)) result.found++;
  if (readSpendingTable(sheet, out)) result.found++;
  if (readProjectItems(sheet, out)) result.found++;
  readPairs(sheet, out, result);
  readGoals(sheet, result);
  readEvaluators(sheet, result);
  readTitle(sheet, result);
  // The 机构名称 of the table rows (机关), when there is one institution.
  for (const [r, c] of sheet.find((l) => l === '机构名称')) {
    for (let row = r + 1; row < Math.min(sheet.rows, r + 5); row++) {
      const t = sheet.text(row, c);
      if (t && deptLabel(t) !== '机构名称' && sheet.number(row, c + 1)) {
        result.unit.institution ??= t;
        return;
      }
    }
  }
}
