import { describe, expect, it } from 'vitest';
import { D } from '../../../src/domain/scoring/decimal';
import { FRAMEWORK_2013 } from '../../../src/domain/department/framework-2013';
import { describeRule, ruleSchema, scoreRate, type Rule } from '../../../src/domain/department/rule';

const rule = (name: string): Rule => FRAMEWORK_2013.find((f) => f.name === name)!.rule!;
const score = (r: Rule, rate: number | string, weight: number) => scoreRate(r, new D(rate), weight);

describe('scoring rules of the published 指标评分表', () => {
  it('words each rule as the published table does, at the weight it was published for', () => {
    expect(describeRule(rule('在职人员控制率'), 5)).toBe('以100%为标准，≤100%计5分；每超过一个百分点扣0.5分，扣完为止。');
    expect(describeRule(rule('“三公经费”变动率'), 5)).toBe('≤0，计5分；>0，每超过一个百分点扣0.5分，扣完为止。');
    expect(describeRule(rule('“三公经费”控制率'), 6)).toBe('以100%为标准，≤100%计6分；每超过一个百分点扣1分，扣完为止。');
    expect(describeRule(rule('重点支出安排率'), 5)).toBe('≥90%，计5分；80%（含）–90%，计4分；70%（含）–80%，计3分；60%（含）–70%，计2分；＜60%，不得分。');
    expect(describeRule(rule('预算调整率'), 5)).toBe('=0%，计5分；0%–10%（含），计4分；10%–20%（含），计3分；20%–30%（含），计2分；＞30%，不得分。');
    expect(describeRule(rule('预算完成率'), 5)).toBe('100%计满分（5分），每低于5个百分点扣2分，扣完为止。');
    expect(describeRule(rule('固定资产利用率'), 3)).toBe('达到100%计满分（3分）；未达到的，按实际值与100%的比例计分。');
  });

  it('scales deductions and bands with the weight', () => {
    expect(describeRule(rule('“三公经费”控制率'), 9)).toBe('以100%为标准，≤100%计9分；每超过一个百分点扣1.5分，扣完为止。');
    expect(describeRule(rule('重点支出安排率'), 10)).toContain('80%（含）–90%，计8分');
  });

  it('ceiling: full at or below the limit, whole points above it deducted, never below 0', () => {
    const r = rule('在职人员控制率');
    expect(score(r, 100, 5).score.toNumber()).toBe(5);
    expect(score(r, '85.71', 5).reason).toBe('≤100%，得满分 5 分');
    expect(score(r, '100.5', 5)).toMatchObject({ reason: '超过 100% 0.50 个百分点，不足 1 个百分点，不扣分，得 5 分' });
    expect(score(r, '103.2', 5).score.toNumber()).toBe(3.5);
    expect(score(r, '103.2', 5).reason).toBe('超过 100% 3.20 个百分点，按每 1 个百分点扣 0.5 分扣 3 次，得 3.5 分');
    expect(score(r, 150, 5).score.toNumber()).toBe(0);
    expect(score(r, 150, 5).reason).toContain('（扣完为止）');
  });

  it('floor: 预算完成率 99.27% keeps full marks (a published 自评表 scores it so), 88% loses two steps', () => {
    const r = rule('预算完成率');
    expect(score(r, '99.27', 8).score.toNumber()).toBe(8);
    expect(score(r, 88, 5)).toMatchObject({ reason: '低于 100% 12.00 个百分点，按每 5 个百分点扣 2 分扣 2 次，得 1 分' });
    expect(score(r, 10, 5).score.toNumber()).toBe(0);
  });

  it('bands: edges fall where the published text puts 含', () => {
    const key = rule('重点支出安排率');
    expect(score(key, 90, 5).score.toNumber()).toBe(5);
    expect(score(key, '89.99', 5).score.toNumber()).toBe(4);
    expect(score(key, 80, 5).score.toNumber()).toBe(4);
    expect(score(key, 59, 5).score.toNumber()).toBe(0);
    const adj = rule('预算调整率');
    expect(score(adj, 0, 5).score.toNumber()).toBe(5);
    expect(score(adj, 10, 5).score.toNumber()).toBe(4);
    expect(score(adj, '10.01', 5).score.toNumber()).toBe(3);
    expect(score(adj, 31, 5).score.toNumber()).toBe(0);
    expect(score(adj, '0.01', 5).reason).toBe('0%–10%（含） 一档，得 4 分');
  });

  it('bands that leave a gap score 0 and say so', () => {
    const r: Rule = { kind: 'bands', per: 5, bands: [{ gte: 90, points: 5 }] };
    expect(score(r, 50, 5)).toMatchObject({ reason: '50% 不在评分标准的任何一档内，得 0 分' });
  });

  it('proportional: the 2020 rule for an unmet quantitative target', () => {
    const r = rule('政府采购执行率');
    expect(score(r, 90, 5).score.toNumber()).toBe(4.5);
    expect(score(r, 90, 5).reason).toBe('未达到 100%，按比例 90% ÷ 100% × 5 分 = 4.5 分');
    expect(score(r, 120, 5).score.toNumber()).toBe(5);
    expect(score(r, '33.333', 3).score.toNumber()).toBe(1);
  });

  it('rejects malformed rules in a unit variant', () => {
    expect(ruleSchema.safeParse({ kind: 'ceiling', limit: 100, step: 0, deduct: 1, per: 5 }).success).toBe(false);
    expect(ruleSchema.safeParse({ kind: 'bands', per: 5, bands: [] }).success).toBe(false);
    expect(ruleSchema.safeParse({ kind: 'magic' }).success).toBe(false);
  });
});
