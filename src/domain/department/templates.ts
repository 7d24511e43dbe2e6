import { D, plain, round } from '../scoring/decimal';
import { FRAMEWORK_2013, JIXIAO_DEFAULT, type FrameworkIndicator } from './framework-2013';
import { nameKey } from './names';
import { templateSchema, type Template, type TemplateNode } from './template';

/**
 * The built-in 指标体系: the national framework with jixiao's suggested weights, and the 重庆市万州区 variant seed
 * 004 was scored with. A unit's own variant is a `Template` of the same shape (see `templateSchema`).
 */

/** 财预〔2020〕10号's three bands for a qualitative indicator, the fallback standard of a judged 效益 indicator. */
const QUALITATIVE_BANDS = '达成年度指标的，计分值的 80%–100%；部分达成年度指标并具有一定效果的，计 60%–80%；未达成年度指标且效果较差的，计 0–60%。';

/** `评价要点共 3 项，每项 1 分：①…；②…；③…。` — the 评价要点 weighted equally, as the published 评分表 do. */
export function judgedStandard(points: string[] | undefined, weight: number): string {
  if (!points?.length) return QUALITATIVE_BANDS;
  const each = plain(round(new D(weight).div(points.length)));
  const circled = points.map((p, i) => `${String.fromCharCode(0x2460 + i)}${p}`).join('；');
  return `评价要点共 ${points.length} 项，每项 ${each} 分：${circled}。每项不符合的扣该项分值，扣完为止。`;
}

/** The framework entry for a name, preferring the one under the given 二级指标 (管理制度健全性 exists twice). */
export function frameworkIndicator(name: string, level2?: string): FrameworkIndicator | undefined {
  const key = nameKey(name);
  const matches = FRAMEWORK_2013.filter((i) => nameKey(i.name) === key);
  if (matches.length <= 1 || !level2) return matches[0];
  return matches.find((i) => nameKey(i.level2) === nameKey(level2) || nameKey(level2).includes(nameKey(i.level2))) ?? matches[0];
}

/** A 三级指标 node built from the framework: its definition, and its formula and rule or its judged standard. */
function leaf(name: string, weight: number, level2: string, displayName = name): TemplateNode {
  const f = frameworkIndicator(name, level2);
  if (!f) throw new Error(`framework has no indicator ${name}`);
  return f.formula
    ? { name: displayName, weight, definition: f.definition, formula: f.formula, rule: f.rule, basis: f.basis ?? JIXIAO_DEFAULT }
    : { name: displayName, weight, definition: f.definition, standard: judgedStandard(f.points, weight), basis: f.points ? '财预〔2013〕53号 评价要点' : '财预〔2020〕10号 定性指标三档' };
}

function group(name: string, children: TemplateNode[]): TemplateNode {
  return { name, weight: children.reduce((s, c) => new D(s).plus(c.weight).toNumber(), 0), children };
}

/**
 * 财预〔2013〕53号 as a scorable template. The framework leaves 分值 to each region: 投入's split (目标设定 2+3,
 * 预算配置 3+3+4) follows the published copy at https://m.taodocs.com/p-534480183.html; 过程 45 / 产出 20 / 效果 20
 * are jixiao's even split of the remaining points, meant to be replaced by the unit's own 指标体系.
 */
const MOF_2013: Template = templateSchema.parse({
  id: 'mof-2013',
  name: '部门整体支出绩效评价共性指标体系框架（财预〔2013〕53号）',
  source: '财政部《预算绩效评价共性指标体系框架》（财预〔2013〕53号）附件2；分值为 jixiao 建议值',
  levels: [
    group('投入', [
      group('目标设定', [leaf('绩效目标合理性', 2, '目标设定'), leaf('绩效指标明确性', 3, '目标设定')]),
      group('预算配置', [leaf('在职人员控制率', 3, '预算配置'), leaf('“三公经费”变动率', 3, '预算配置'), leaf('重点支出安排率', 4, '预算配置')]),
    ]),
    group('过程', [
      group(
        '预算执行',
        ['预算完成率', '预算调整率', '支付进度率', '结转结余率', '结转结余变动率', '公用经费控制率', '“三公经费”控制率', '政府采购执行率'].map((n) => leaf(n, 3, '预算执行')),
      ),
      group('预算管理', ['管理制度健全性', '资金使用合规性', '预决算信息公开性', '基础信息完善性'].map((n) => leaf(n, 3, '预算管理'))),
      group('资产管理', ['管理制度健全性', '资产管理安全性', '固定资产利用率'].map((n) => leaf(n, 3, '资产管理'))),
    ]),
    group('产出', [group('职责履行', ['实际完成率', '完成及时率', '质量达标率', '重点工作办结率'].map((n) => leaf(n, 5, '职责履行')))]),
    group('效果', [group('履职效益', ['经济效益', '社会效益', '生态效益', '社会公众或服务对象满意度'].map((n) => leaf(n, 5, '履职效益')))]),
  ],
});

/**
 * The 指标体系 of 重庆市万州区's 2019 部门整体支出绩效评价 (万州财预发〔2020〕39号), as seed 004's report scores it:
 * 投入 17 / 过程 63 / 产出及效益 20. The report labels 目标设定 "6分" but scores 3 + 4 under it; the template keeps
 * the items' 7 so that 投入 adds up to its 17. 履职效益 is split by each unit into its own 重点工作.
 */
const CQ_WANZHOU_2019: Template = templateSchema.parse({
  id: 'cq-wanzhou-2019',
  name: '重庆市万州区部门整体支出绩效评价指标体系（2019 年度）',
  source: '重庆市万州区金融工作办公室《2019年度部门整体支出绩效评价报告》（万州财预发〔2020〕39号）所用指标及分值',
  levels: [
    group('投入', [
      group('目标设定', [leaf('绩效目标合理性', 3, '目标设定'), leaf('绩效指标明确性', 4, '目标设定')]),
      group('预算配置', [leaf('在职人员控制率', 5, '预算配置'), leaf('重点支出安排率', 5, '预算配置')]),
    ]),
    group('过程', [
      group('预算执行情况', [leaf('预算完成率', 5, '预算执行'), leaf('预算调整率', 5, '预算执行')]),
      group('预算管理情况', [
        leaf('公用经费控制率', 5, '预算执行'),
        leaf('“三公经费”控制率', 9, '预算执行'),
        leaf('管理制度健全性', 8, '预算管理'),
        leaf('资金使用合规性', 5, '预算管理'),
        leaf('预决算信息公开性', 6, '预算管理'),
      ]),
      group('资产管理', [
        leaf('基础信息完善性', 6, '预算管理'),
        leaf('管理制度健全性', 6, '资产管理'),
        leaf('资产管理安全性', 5, '资产管理'),
        leaf('固定资产利用率', 3, '资产管理'),
      ]),
    ]),
    group('产出及效益', [
      group('职责履行情况', [leaf('实际完成率', 3, '职责履行')]),
      {
        name: '履职效益',
        weight: 17,
        open: true,
        standard: `由部门按年度重点工作分解为三级指标，分值合计 17 分；各项${QUALITATIVE_BANDS}`,
        basis: '财预〔2020〕10号 定性指标三档',
      },
    ]),
  ],
});

export const BUILT_IN_TEMPLATES: Template[] = [MOF_2013, CQ_WANZHOU_2019];
export const DEFAULT_TEMPLATE = MOF_2013.id;

export function getTemplate(id: string): Template | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id);
}
