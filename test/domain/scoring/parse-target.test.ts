import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actualPlaceholder, parseTarget, type ParsedTarget } from '../../../src/domain/scoring/parse-target';

const SEEDS = join(import.meta.dirname, '../../fixtures/seeds');

function ok(text: string): ParsedTarget {
  const t = parseTarget(text);
  if (!t.ok) throw new Error(`${text}: ${t.error.message}`);
  return t;
}

describe('parseTarget: numeric forms ', () => {
  it.each([
    ['≥15000份', 'positive', '≥', '15000', null, '份'],
    ['≥80%', 'positive', '≥', '80', null, '%'],
    ['>90%', 'positive', '>', '90', null, '%'],
    ['> 80%', 'positive', '>', '80', null, '%'],
    ['≤90万元', 'negative', '≤', '90', '万', '元'],
    ['<5%', 'negative', '<', '5', null, '%'],
    ['不少于12种', 'positive', '≥', '12', null, '种'],
    ['不低于95%', 'positive', '≥', '95', null, '%'],
    ['不超过3次', 'negative', '≤', '3', null, '次'],
    ['100人以上', 'positive', '≥', '100', null, '人'],
    ['5万元以内', 'negative', '≤', '5', '万', '元'],
    ['12次', 'equality', null, '12', null, '次'],
    ['4.53万元', 'equality', null, '4.53', '万', '元'],
    ['100%', 'equality', null, '100', null, '%'],
    ['1', 'equality', null, '1', null, null],
    ['41.65', 'equality', null, '41.65', null, null],
    ['≥100百分比', 'positive', '≥', '100', null, '%'],
    ['≥10亿元', 'positive', '≥', '10', '亿', '元'],
    ['6.5万份', 'equality', null, '6.5', '万', '份'],
    ['≥3000人次', 'positive', '≥', '3000', null, '人次'],
    ['≧80%', 'positive', '≥', '80', null, '%'],
    ['＞90%', 'positive', '>', '90', null, '%'],
    ['＝12次', 'equality', '=', '12', null, '次'],
    ['═12次', 'equality', '=', '12', null, '次'],
    ['>=15,000份', 'positive', '≥', '15000', null, '份'],
    ['≥１５０００份', 'positive', '≥', '15000', null, '份'],
    ['≦90万元', 'negative', '≤', '90', '万', '元'],
    ['≥90%（含）', 'positive', '≥', '90', null, '%'],
    ['完成100%', 'equality', null, '100', null, '%'],
    ['100%完成', 'equality', null, '100', null, '%'],
    ['≤5个工作日', 'negative', '≤', '5', null, '个工作日'],
    ['不少于1.5万人次', 'positive', '≥', '1.5', '万', '人次'],
  ])('%s', (text, kind, operator, value, magnitude, unit) => {
    const t = ok(text);
    expect({ kind: t.kind, operator: t.operator, value: t.value, magnitude: t.magnitude, unit: t.unit }).toEqual({ kind, operator, value, magnitude, unit });
  });

  it('reads 60余次 as a floor', () => {
    expect(ok('60余次')).toMatchObject({ kind: 'positive', operator: '≥', value: '60', approximate: true });
  });

  it.each([
    ['80%-90%', '80', '90', '%'],
    ['80-90%', '80', '90', '%'],
    ['80%～90%', '80', '90', '%'],
    ['10至20次', '10', '20', '次'],
    ['90%-80%', '80', '90', '%'],
  ])('range %s', (text, low, high, unit) => {
    expect(ok(text)).toMatchObject({ kind: 'range', low, high, unit });
  });
});

describe('parseTarget: qualitative and time windows', () => {
  it.each(['文件批复当日下达', '2019年1月至12月', '12个月（2019年1月至12月）', '2018年9月至2019年6月', '文件规定时间拨付', '2021年12月完成', '在项目计划完成时间内完成', '12月底之前完成', '文件批复当 日下达'])(
    '%s is a time window',
    (text) => expect(ok(text).kind).toBe('time'),
  );

  it.each(['有效提高', '非法集资案件下降', '根据案件情况处理', '不断提高', '良好交易环境促进我区经济增长', '符合自治区和部门相关制度和支出标准', '低于全国平均水平'])(
    '%s is qualitative',
    (text) => expect(ok(text)).toMatchObject({ kind: 'qualitative', multiYear: false }),
  );

  it('flags a later-year goal and keeps its figure', () => {
    expect(ok('2020年实现100%脱贫')).toMatchObject({ kind: 'qualitative', multiYear: true, embedded: { value: '100', unit: '%' } });
  });

  it('parses every target of every seed table', () => {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(7);
    for (const f of files) {
      const e = JSON.parse(readFileSync(join(SEEDS, f), 'utf8')) as { indicators: { target: string }[] };
      for (const i of e.indicators) expect(parseTarget(i.target).ok, `${f}: ${i.target}`).toBe(true);
    }
  });
});

describe('parseTarget: errors', () => {
  it('rejects an empty target with a message saying what to type', () => {
    const t = parseTarget('  ');
    expect(t).toMatchObject({ ok: false, error: { code: 'empty-target' } });
    if (!t.ok) expect(t.error.message).toContain('≥15000份');
  });

  it.each(['—', '-', '/'])('rejects a dash %s as an empty target', (dash) => {
    expect(parseTarget(dash)).toMatchObject({ ok: false, error: { code: 'empty-target' } });
  });

  it('rejects an operator without a number', () => {
    expect(parseTarget('≥很多')).toMatchObject({ ok: false, error: { code: 'bad-target' } });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[≥≤<>=＞＝≧]?\s?-?[0-9０-９.,]{0,8}[万亿]?[%份次元人种家]?[-~至]?[0-9]{0,3}%?$/)), (s) => {
        const t = parseTarget(s);
        expect(typeof t.ok).toBe('boolean');
        if (!t.ok) expect(t.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('actualPlaceholder', () => {
  it.each([
    ['≥15000份', '例如：15000（单位：份）'],
    ['≥80%', '例如：80%'],
    ['4.53万元', '例如：4.53（单位：万元）'],
    ['6.5万份', '例如：6.5万（单位：份）'],
    ['12', '例如：12'],
    ['有效提高', '例如：达成（或：部分达成 4.5、未达成 2）'],
  ])('%s → %s', (target, placeholder) => expect(actualPlaceholder(target)).toBe(placeholder));
});
