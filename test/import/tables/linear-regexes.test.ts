import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../src/domain/scoring/numbers-in';
import { parseActual } from '../../../src/domain/scoring/parse-actual';
import { parseTarget } from '../../../src/domain/scoring/parse-target';
import { deadlineOf, monthOf } from '../../../src/domain/scoring/time-target';
import { label } from '../../../src/import/tables/labels';
import { targetFromName } from '../../../src/import/tables/name-target';
import { parseFix } from '../../../src/import/tables/parse-fix';
import { parseDelimited } from '../../../src/import/tables/delimited';
import { readSheet } from '../../../src/import/tables/read-sheet';

/**
 * Every regex that reads user text must run in linear time: a backtracking pattern turns a 100 KB cell of
 * `1,1,1,…` into minutes of CPU. Each case below is 100 KB of a shape that makes a careless pattern quadratic or
 * worse; the test fails by timing out (it finishes in well under a second when every pattern is linear).
 */
const KB100 = 100 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);
const SHAPES = ['1,', ',111', '1', '1.', '(含', '1-', '12月', '≥1', '达成1', '指标1', ' ', '（1分）', '0.0', '1月至', '年度指标值'];

describe('no catastrophic backtracking on 100 KB of hostile text', { timeout: 20_000 }, () => {
  it.each(SHAPES)('scoring parsers on 100 KB of %j', (unit) => {
    for (const text of [fill(unit), `${fill(unit)}x`, `达成${fill(unit)}`]) {
      const target = parseTarget(text);
      parseActual(text, parseTarget('≥80%') as never);
      parseActual(text, parseTarget('有效提高') as never);
      if (target.ok) parseActual(text, target);
      readNumber(text);
      deadlineOf(text);
      monthOf(text);
    }
  });

  it.each(SHAPES)('table reader on a grid of 100 KB cells of %j', (unit) => {
    const cell = fill(unit);
    for (const text of [cell, `${cell}x`]) {
      label(text);
      targetFromName(text);
      parseFix(text);
      parseFix(`第3行 目标=${text}`);
    }
    const header = '一级指标\t二级指标\t三级指标\t年度指标值\t分值\t实际完成值';
    const grid = [`项目名称\t${cell}`, `全年预算数\t${cell}`, header, ['产出指标', '数量指标', cell, cell, cell, cell].join('\t')].join('\n');
    // The sheet reader itself, behind no fence (the fences refuse cells this long before a reader sees them).
    const read = readSheet(parseDelimited(grid, '\t'), { fileName: 'hostile' });
    // A row of blank cells is no indicator (the sheet is then refused); any other text is read as a row.
    expect(read.ok).toBe(unit.trim() !== '');
  });
});
