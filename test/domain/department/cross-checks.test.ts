import { describe, expect, it } from 'vitest';
import { crossCheck, SUM_RULES } from '../../../src/domain/department/cross-checks';
import type { Figures } from '../../../src/domain/department/figures';

const broken = (f: Figures) => crossCheck(f).filter((c) => !c.ok);

describe('cross-checks of the accounts', () => {
  it('收入合计 = Σ sources', () => {
    expect(broken({ income: { total: 500, carryOver: 20, fiscal: 460, other: 10 } })).toEqual([
      expect.objectContaining({
        id: 'income-total',
        account: 'income.total',
        stated: 500,
        computed: 490,
        message: '收入合计填写 500 万元，而上年结转 20 + 公共财政拨款 460 + 其他收入 10 = 490 万元（未填写的分项按 0 计），相差 10 万元',
      }),
    ]);
  });

  it('支出合计 = 基本支出 + 项目支出', () => {
    expect(broken({ expenditure: { total: 402.03, basic: 94.03, project: 318 } })[0]).toMatchObject({ id: 'expenditure-total', stated: 402.03, computed: 412.03 });
  });

  it('基本支出 = 人员经费 + 公用经费 (seed 004 总合计 block: 94.03 against 55.76 + 16.29)', () => {
    const [c] = broken({ expenditure: { basic: 94.03, personnel: 55.76, publicOperating: 16.29 } });
    expect(c).toMatchObject({ id: 'basic', stated: 94.03, computed: 72.05, rounding: false });
    expect(c!.message).toBe('基本支出填写 94.03 万元，而人员经费 55.76 + 日常公用经费 16.29 = 72.05 万元，相差 21.98 万元');
  });

  it('日常公用经费 = 商品和服务支出 + 资本性支出, a 0.01 gap read as rounding', () => {
    const [c] = broken({ expenditure: { publicOperating: 38.27, goodsServices: 21.97, capital: 16.29 } });
    expect(c).toMatchObject({ id: 'public-operating', stated: 38.27, computed: 38.26, rounding: true });
    expect(c!.message).toContain('（可能是分项四舍五入所致，请核对后统一）');
  });

  it('三公 = Σ its four lines, 预算 and 决算 each', () => {
    const f: Figures = {
      threePublic: {
        budget: { total: 12, abroad: 0, vehiclePurchase: 0, vehicleOperation: 8, reception: 3 },
        actual: { total: 10, reception: 2.5, vehicleOperation: 7.5 },
      },
    };
    expect(broken(f).map((c) => [c.id, c.stated, c.computed])).toEqual([['three-public-budget', 12, 11]]);
    expect(crossCheck(f).find((c) => c.id === 'three-public-actual')).toMatchObject({ ok: true });
  });

  it('固定资产合计 = 在用 + 出租 + 其他', () => {
    expect(broken({ fixedAssets: { total: 16.29, inUse: 10, leased: 5 } })[0]).toMatchObject({ id: 'fixed-assets', computed: 15 });
  });

  it('当年结余 = 收入合计 − 支出合计', () => {
    const [c] = broken({ income: { total: 402.03 }, expenditure: { total: 400, balanceCurrent: 0 } });
    expect(c).toMatchObject({ id: 'balance', stated: 0, computed: 2.03 });
    expect(c!.message).toBe('当年结余填写 0 万元，而收入合计 402.03 − 支出合计 400 = 2.03 万元，相差 2.03 万元');
  });

  it('预算执行数 = 年初结转 + 年初预算 + 调整 − 年末结转和结余', () => {
    expect(broken({ budget: { executed: 380, carryOver: 0, initial: 400, adjustment: -10, yearEndBalance: 5 } })[0]).toMatchObject({ id: 'budget-balance', computed: 385 });
  });

  it('项目支出 = Σ 各项目本年支付', () => {
    const [c] = broken({ expenditure: { project: 308 }, projects: { items: [{ name: '金融部门监管支出', paid: 48 }, { name: '其他金融支出', paid: 250 }] } });
    expect(c!.message).toBe('项目支出填写 308 万元，而各项目本年支付 金融部门监管支出 48 + 其他金融支出 250 = 298 万元，相差 10 万元');
  });

  it('checks nothing it cannot: a total alone, or parts alone', () => {
    expect(crossCheck({ income: { total: 10 }, expenditure: { personnel: 5, publicOperating: 3 } })).toEqual([]);
  });

  it('every rule is reported when kept, so the card can show it as checked', () => {
    const ok = crossCheck({ expenditure: { total: 402.03, basic: 94.03, project: 308 } });
    expect(ok).toEqual([expect.objectContaining({ ok: true, message: '支出合计 402.03 万元 = 基本支出 94.03 + 项目支出 308 = 402.03 万元' })]);
    expect(SUM_RULES.length).toBeGreaterThanOrEqual(9);
  });
});
