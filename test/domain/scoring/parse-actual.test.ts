import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActual } from '../../../src/domain/scoring/parse-actual';
import { parseTarget, type ParsedTarget } from '../../../src/domain/scoring/parse-target';

function target(text: string): ParsedTarget {
  const t = parseTarget(text);
  if (!t.ok) throw new Error(text);
  return t;
}

function value(actual: string, t: string): string {
  const a = parseActual(actual, target(t));
  if (!a.ok) throw new Error(`${actual}: ${a.error.message}`);
  if (a.kind !== 'quantity') throw new Error(`${actual}: ${a.kind}`);
  return a.value;
}

describe('parseActual: values as people type them', () => {
  it.each([
    ['16000', '≥15000份', '16000'],
    ['1.6万', '≥15000份', '16000'],
    ['16,000', '≥15000份', '16000'],
    ['１６０００', '≥15000份', '16000'],
    ['16000份', '≥15000份', '16000'],
    ['85%', '≥80%', '85'],
    ['85', '≥80%', '85'],
    ['８５％', '≥80%', '85'],
    ['≥266米', '≥250米', '266'],
    ['60余次', '≥50次', '60'],
    ['约60次', '≥50次', '60'],
    ['2', '≥1场', '2'],
    ['3次', '≥1场', '3'],
    ['7.71', '≥10亿元', '7.71'],
    ['77100万元', '≥10亿元', '7.71'],
    ['4.53', '4.53万元', '4.53'],
    ['45300元', '4.53万元', '4.53'],
    ['65000', '6.5万份', '6.5'],
    ['6.5万', '6.5万份', '6.5'],
    ['100%', '100', '100'],
    ['-3', '≥10次', '-3'],
  ])('%s against %s → %s', (actual, t, expected) => expect(value(actual, t)).toBe(expected));

  it('marks approximate values', () => {
    expect(parseActual('60余次', target('≥50次'))).toMatchObject({ ok: true, approximate: true });
    expect(parseActual('60', target('≥50次'))).toMatchObject({ ok: true, approximate: false });
  });
});

describe('parseActual: typed errors with a Chinese message in the target unit', () => {
  it('rejects a conflicting unit and says which unit to use', () => {
    const a = parseActual('16000次', target('≥15000份'));
    expect(a).toMatchObject({ ok: false, error: { code: 'unit-mismatch' } });
    if (!a.ok) expect(a.error.message).toContain('例如：15000（单位：份）');
  });

  it('rejects a percentage against a count', () => {
    expect(parseActual('85%', target('≥2次'))).toMatchObject({ ok: false, error: { code: 'unit-mismatch' } });
  });

  it('rejects text that is not a value', () => {
    const a = parseActual('很好', target('≥15000份'));
    expect(a).toMatchObject({ ok: false, error: { code: 'not-a-value' } });
    if (!a.ok) expect(a.error.message).toMatch(/请填写数字/);
  });

  it('asks whether 0.85 is a fraction or a percentage', () => {
    expect(parseActual('0.85', target('≥80%'))).toMatchObject({ ok: false, error: { code: 'ambiguous-percent' } });
  });

  it('asks whether a bare 4.6 against ≥4.5万人 means 4.6万', () => {
    const a = parseActual('4.6', target('≥4.5万人'));
    expect(a).toMatchObject({ ok: false, error: { code: 'ambiguous-magnitude' } });
    if (!a.ok) expect(a.error.message).toContain('4.6万 或 46000');
    expect(value('46000', '≥4.5万人')).toBe('4.6');
  });

  it('asks for a value when empty', () => {
    expect(parseActual(' ', target('≥80%'))).toMatchObject({ ok: false, error: { code: 'empty-actual' } });
  });

  it('never throws, whatever the text and target', () => {
    const targets = ['≥15000份', '≥80%', '≤90万元', '12次', '80%-90%', '有效提高', '文件批复当日下达', '1'];
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...targets), (s, t) => {
        const a = parseActual(s, target(t));
        expect(typeof a.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseActual: qualitative rows', () => {
  const q = target('有效提高');
  it.each([
    ['达成', { kind: 'band', band: '达成', score: null }],
    ['达成预期指标', { kind: 'band', band: '达成' }],
    ['部分达成 4.5', { kind: 'band', band: '部分达成', score: '4.5' }],
    ['部分达成，4.5分', { kind: 'band', band: '部分达成', score: '4.5' }],
    ['未达成 2', { kind: 'band', band: '未达成', score: '2' }],
    ['80%', { kind: 'degree', percent: '80' }],
    ['显著提升', { kind: 'text' }],
  ])('%s', (text, expected) => expect(parseActual(text, q)).toMatchObject({ ok: true, ...expected }));
});
