import { describeLayout, findIndicatorHeader } from './find-indicator-header';
import type { Grid } from './grid';
import { readBudget } from './read-budget';
import { readDeadline, readGoals, readProjectFields } from './read-header-fields';
import { readRows } from './read-rows';
import type { TableReading } from './reading';
import { checkReading } from './reading-checks';
import type { TableError } from './result';

export interface ReadSheetOptions {
  fileName: string;
  /** The worksheet's name, for the explanation. */
  sheet?: string | null;
  /** The rule profile's 预算执行率 分值, counted when the table gives none (10 under 财预〔2020〕10号). */
  defaultBudgetWeight?: number;
}

export type SheetOutcome = { ok: true; reading: TableReading } | { ok: false; errors: TableError[] };

/**
 * Reads a grid in any of the layouts units publish (see docs-drafts/tables-it-reads.md): finds the indicator
 * header wherever it sits, the budget block in its variants, the header fields, and every row below the header.
 * Refuses the sheet only when nothing in it is an indicator table; everything else is read and flagged row by row.
 * Never throws.
 */
export function readSheet(grid: Grid, opts: ReadSheetOptions): SheetOutcome {
  const header = findIndicatorHeader(grid);
  if (!header) {
    return {
      ok: false,
      errors: [{ message: '表中没有找到绩效指标表。需要一行表头含有“三级指标”（或“指标名称”）以及“年度指标值”“分值”等列。' }],
    };
  }
  const top = header.rows[0]!;
  const notes: string[] = [];
  const budget = readBudget(grid, top, opts.defaultBudgetWeight ?? 10);
  const project = readProjectFields(grid, opts.fileName, top, notes);
  const body = readRows(grid, header);
  const indicators = body.rows.filter((r) => r.status !== 'skipped');
  if (!indicators.length) {
    const skipped = body.rows.length ? `（表头下的 ${body.rows.length} 行都不是指标：${body.rows.slice(0, 3).map((r) => `第 ${r.row} 行 ${r.skip?.reason ?? ''}`).join('；')}）` : '';
    return {
      ok: false,
      errors: [{ row: header.last + 2, message: `指标表头（第 ${header.last + 1} 行）下面没有指标${skipped}。请在表头下逐行填写三级指标、年度指标值和分值。` }],
    };
  }
  const flags = [...budget.flags];
  if (body.secondTable) {
    flags.push({ code: 'second-table', mark: 'ℹ', blocking: false, message: `第 ${body.secondTable} 行起是另一张表，只读取了第一张。请把每张表分别上传。` });
  }
  const layoutKind = describeLayout(header, budget.kind);
  const reading: TableReading = {
    fileName: opts.fileName,
    layout: {
      ...layoutKind,
      sheet: opts.sheet ?? null,
      headerRows: header.rows.map((r) => r + 1),
      columns: header.columns,
      budget: budget.description,
      firstRow: body.rows[0]?.row ?? null,
      lastRow: body.rows[body.rows.length - 1]?.row ?? null,
    },
    project,
    deadline: readDeadline(grid),
    budget: budget.budget,
    goals: readGoals(grid, top),
    rows: body.rows,
    level1Weights: body.level1Stated.map((l) => ({ ...l, sum: 0 })),
    printedTotal: body.printedTotal,
    flags,
    notes: [...notes, ...budget.notes],
    corrections: [],
  };
  return { ok: true, reading: checkReading(reading) };
}
