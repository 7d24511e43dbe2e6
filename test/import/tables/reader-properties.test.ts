import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { applyCorrection, applyCorrections, correctionSchema, type Correction } from '../../../src/import/tables/corrections';
import { explainReading } from '../../../src/import/tables/explain';
import { collectionGate } from '../../../src/import/tables/gate';
import { parseFix } from '../../../src/import/tables/parse-fix';
import { readSheet } from '../../../src/import/tables/read-sheet';
import { readPastedTable } from '../../../src/import/tables/read-table';
import { tableReadingSchema, type TableReading } from '../../../src/import/tables/reading';
import { evaluationOf } from '../../../src/import/tables/to-evaluation';

/** Words real tables carry, so random grids often look like tables (headers, blocks, notes) and reach deep paths. */
const WORDS = [
  '一级指标', '二级指标', '三级指标', '指标名称', '年度指标值', '指标性质', '指标值', '度量单位', '实际完成值', '完成值',
  '分值', '权重', '得分', '偏差原因分析及改进措施', '责任人', '是否适用', '完成档次', '项目名称', '主管部门', '实施单位',
  '年度', '项目资金（万元）', '年初预算数', '全年预算数', '调整后预算数', '全年执行数', '执行率', '年度资金总额', '合计',
  '总分', '得分合计', '其中：当年财政拨款', '按收入性质分：', '上年结转资金', '其他资金', '注：', '填报人：', '联系电话',
  '评价结论', '指标1：', '指标2', '/', '……', '—', '产出指标(50分)', '效益指标（30）', '数量指标', '≥', '≤', '=', '﹦', '═',
  '%', '万元', '元', '次', '100', '95%', '≥95%', '≤90万元', '9月前', '7月', '12月', '11月前', '有效', '良好', '提高',
  '不适用', '达成', '部分达成 4.5', '80%-90%', '4753.66万元', '20%', '五分', '', '', '',
];
const cell = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.double({ noNaN: false }).map(String), fc.integer().map(String));
const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }).map((rows) => ({ rows }));

/** A reading from a random grid that still has a header, so the corrections below have rows to act on. */
function readingOf(rows: string[][]): TableReading | null {
  const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '分值', '实际完成值'];
  const r = readSheet({ rows: [['全年预算数', '100'], header, ...rows] }, { fileName: 'x.xlsx' });
  return r.ok ? r.reading : null;
}

const correction: fc.Arbitrary<Correction> = fc.oneof(
  fc.record({
    kind: fc.constant('row-field' as const),
    row: fc.integer({ min: 1, max: 40 }),
    field: fc.constantFrom('name', 'target', 'weight', 'level1', 'level2', 'actual', 'owner' as const),
    value: fc.oneof(cell, fc.string({ maxLength: 20 })),
  }),
  fc.record({ kind: fc.constant('row-applicable' as const), row: fc.integer({ min: 1, max: 40 }), applicable: fc.boolean() }),
  fc.record({ kind: fc.constant('row-skip' as const), row: fc.integer({ min: 1, max: 40 }), reason: fc.option(fc.string({ maxLength: 20 })) }),
  fc.record({ kind: fc.constant('row-restore' as const), row: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('budget' as const), field: fc.constantFrom('initial', 'fullYear', 'executed', 'weight' as const), value: fc.oneof(cell, fc.string({ maxLength: 10 })) }),
);

describe('the reader never throws', () => {
  it('on any grid of strings; what it reads is valid, explainable, and scores without throwing once unblocked', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const r = readSheet(g, { fileName: 't.xlsx' });
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          return;
        }
        expect(tableReadingSchema.parse(r.reading)).toEqual(r.reading);
        expect(explainReading(r.reading).length).toBeGreaterThan(0);
        const built = evaluationOf(r.reading);
        if (built.ok) scoreEvaluation(built.evaluation);
        else expect(built.gate.message).toContain('还不能开始收集');
      }),
      { numRuns: 400 },
    );
  });

  it('on random indicator rows under a real header: whatever passes the gate scores to a finite total', () => {
    const target = fc.oneof(fc.constantFrom('≥95%', '≤90万元', '12次', '80%-90%', '9月前', '有效提高', '﹦100', '≧1000元', '2019年1月至12月', ''), cell);
    const weight = fc.oneof(fc.integer({ min: 0, max: 30 }).map(String), fc.constantFrom('20%', '5分', '', '五分'));
    const row = fc.tuple(fc.constantFrom('产出指标', '效益指标(30分)', '满意度指标', ''), fc.constantFrom('数量指标', '时效指标', ''), fc.string({ minLength: 1, maxLength: 10 }), target, weight, cell, cell);
    let built = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '分值', '实际完成值', '得分'];
        const r = readSheet({ rows: [['全年预算数', '100', '全年执行数', '90'], header, ...rows] }, { fileName: 't.xlsx' });
        if (!r.ok) return;
        const e = evaluationOf(r.reading);
        if (!e.ok) return;
        built++;
        expect(Number.isFinite(scoreEvaluation(e.evaluation).total)).toBe(true);
      }),
      { numRuns: 400 },
    );
    // The property is not vacuous: a good share of the random tables reach the scorer.
    expect(built).toBeGreaterThan(20);
  });

  it('on any pasted text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
        const text = rows.map((r) => r.join('\t')).join('\n');
        const r = readPastedTable(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

describe('corrections never throw, and replay', () => {
  it('any sequence applies or says why; the applied ones replay to the same reading', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 10 }), fc.array(correction, { maxLength: 12 }), (rows, corrections) => {
        const first = readingOf(rows);
        if (!first) return;
        let current = first;
        for (const c of corrections) {
          expect(correctionSchema.parse(c)).toEqual(c);
          const out = applyCorrection(current, c);
          if (out.ok) current = out.reading;
          else expect(out.message).toMatch(/[\u4e00-\u9fff]/);
        }
        expect(applyCorrections(first, current.corrections)).toEqual({ ok: true, reading: current });
        expect(typeof collectionGate(current).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('parseFix never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(cell, { maxLength: 6 }).map((w) => `第3行 ${w.join('=')}`)), (text) => {
        const r = parseFix(text);
        if (r.ok) for (const c of r.corrections) correctionSchema.parse(c);
        else expect(r.message).toContain('--fix 的写法');
      }),
      { numRuns: 500 },
    );
  });
});
