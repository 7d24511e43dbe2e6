import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEYS, figuresSchema, rawFigure } from '../../../src/domain/department/figures';
import { FRAMEWORK_2013 } from '../../../src/domain/department/framework-2013';
import { criteriaFromTemplate, scoreDepartment } from '../../../src/domain/department/score-department';
import { templateLeaves, templateSchema } from '../../../src/domain/department/template';
import { BUILT_IN_TEMPLATES, getTemplate } from '../../../src/domain/department/templates';

describe('built-in 指标体系', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s validates and adds up to 100', (_id, t) => {
    expect(templateSchema.safeParse(t).success).toBe(true);
    expect(t.levels.reduce((s, l) => s + l.weight, 0)).toBe(100);
  });

  it('the national template carries all 28 indicators of 财预〔2013〕53号 附件2 under 投入/过程/产出/效果', () => {
    const t = getTemplate('mof-2013')!;
    expect(t.levels.map((l) => l.name)).toEqual(['投入', '过程', '产出', '效果']);
    const leaves = templateLeaves(t.levels);
    expect(leaves).toHaveLength(FRAMEWORK_2013.length);
    expect(leaves.map((l) => `${l.path[1]}/${l.node.name}`)).toEqual(FRAMEWORK_2013.map((f) => `${f.level2}/${f.name}`));
    for (const { node } of leaves) {
      expect(node.definition, node.name).toMatch(/。$/);
      expect(Boolean(node.formula) || Boolean(node.standard), node.name).toBe(true);
    }
  });

  it('every framework formula has a rule and says where it comes from', () => {
    for (const f of FRAMEWORK_2013.filter((f) => f.formula)) {
      expect(f.rule, f.name).toBeDefined();
      expect(f.basis, f.name).toBeTruthy();
    }
  });

  it('the Chongqing variant has seed 004’s weights: 投入 17, 过程 63, 产出及效益 20', () => {
    const t = getTemplate('cq-wanzhou-2019')!;
    expect(t.levels.map((l) => [l.name, l.weight])).toEqual([
      ['投入', 17],
      ['过程', 63],
      ['产出及效益', 20],
    ]);
    const weights = Object.fromEntries(templateLeaves(t.levels).map((l) => [l.path.join('/'), l.node.weight]));
    expect(weights).toMatchObject({
      '过程/预算管理情况/“三公经费”控制率': 9,
      '过程/预算管理情况/管理制度健全性': 8,
      '过程/资产管理/资产管理安全性': 5,
      '产出及效益/履职效益': 17,
    });
  });

  it('a unit variant whose weights do not add up is refused with the node named', () => {
    const variant = structuredClone(getTemplate('cq-wanzhou-2019')!);
    variant.id = 'my-unit';
    variant.levels[0]!.children![0]!.weight = 6;
    const r = templateSchema.safeParse(variant);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(['投入：“投入”分值 17，下级指标分值合计 16，两者应相等', '投入/目标设定：“目标设定”分值 6，下级指标分值合计 7，两者应相等']);
  });

  it('a unit variant leaf needs a formula or a standard', () => {
    const r = templateSchema.safeParse({ id: 'x', name: 'x', source: 'x', levels: [{ name: '投入', weight: 100, children: [{ name: '某指标', weight: 100 }] }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('投入/某指标：“某指标”既无计算公式也无评分标准，请写明评分标准');
  });

  it('a template is an empty evaluation: formulas score from figures, judged indicators wait', () => {
    const t = getTemplate('mof-2013')!;
    const r = scoreDepartment({ unit: { name: '某局' }, template: t.id, figures: { staff: { authorized: 10, actual: 10 } } });
    expect(r.complete).toBe(false);
    expect(r.total).toBe(3);
    expect(criteriaFromTemplate(t)).toHaveLength(4);
    expect(r.warnings.filter((w) => w.code === 'score-missing')).toHaveLength(12);
    expect(r.warnings.filter((w) => w.code === 'formula-inputs-missing' && w.severity === 'yellow')).toHaveLength(15);
  });
});

describe('the figures model', () => {
  it('every account key is a field of the schema and every field has a key', () => {
    const all = Object.fromEntries(ACCOUNT_KEYS.map((k, i) => [k, i + 1]));
    const nested: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(all)) {
      const parts = k.split('.');
      let at = nested;
      for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
      at[parts[parts.length - 1]!] = v;
    }
    const parsed = figuresSchema.strict().safeParse(nested);
    expect(parsed.success).toBe(true);
    for (const k of ACCOUNT_KEYS) expect(rawFigure(parsed.data, k), k).toBe(all[k]);
    const fields = (shape: Record<string, unknown>, prefix = ''): string[] =>
      Object.entries(shape).flatMap(([name, schema]) => {
        const inner = (schema as { unwrap?: () => unknown }).unwrap?.() ?? schema;
        const s = (inner as { shape?: Record<string, unknown> }).shape;
        return s ? fields(s, `${prefix}${name}.`) : [`${prefix}${name}`];
      });
    expect(fields(figuresSchema.shape).filter((f) => f !== 'projects.items').sort()).toEqual([...ACCOUNT_KEYS].sort());
  });
});
