import type { FormulaId } from './formulas';
import type { Rule } from './rule';

/**
 * 部门整体支出绩效评价共性指标体系框架 — 财政部《关于印发〈预算绩效评价共性指标体系框架〉的通知》(财预〔2013〕53号)
 * 附件2, listed by 财政部预算司 at http://yss.mof.gov.cn/zhuantilanmu/zyysgl/201609/t20160927_2427777.htm.
 *
 * The tree (一级 投入/过程/产出/效果 → 二级 → 三级), the 指标解释 and 评价要点 below follow the framework as it is
 * reprinted in local 指标体系表; the wording of 绩效目标合理性, 绩效指标明确性, 在职人员控制率, “三公经费”变动率 and
 * 重点支出安排率 and their 评价要点 was checked against the published copy at https://m.taodocs.com/p-534480183.html,
 * the rest is the framework's text as widely quoted (the mof.gov.cn original could not be retrieved here).
 *
 * The framework gives no 分值 and no 评分标准: each region sets them. `rule` is the standard of a published
 * 部门整体支出绩效评价指标评分表 where one was found (`basis` names it); `basis: JIXIAO_DEFAULT` marks jixiao's own
 * choice where none was found, so a unit's variant can replace it.
 */
export interface FrameworkIndicator {
  level1: string;
  level2: string;
  name: string;
  definition: string;
  /** 评价要点 of a judged indicator. */
  points?: string[];
  formula?: FormulaId;
  rule?: Rule;
  /** Where `rule` comes from. */
  basis?: string;
}

/** 岳阳市 2019 部门整体支出绩效评价 评分表 (在职人员控制率, “三公经费”变动率/控制率, 重点支出安排率). */
const YUEYANG = 'https://glj.yueyang.gov.cn/6173/6181/content_1705915.html';
/** 部门整体支出绩效评价指标表 (预算完成率, 预算控制率): https://www.wenku365.com/p-50355167.html, same text at https://m.jinchutou.com/shtml/view-560805309.html. */
const INDICATOR_TABLE = 'https://www.wenku365.com/p-50355167.html';
/** 财预〔2020〕10号: "未完成指标值的，按照完成值与指标值的比例记分" (shared/reference/scoring-rules.md §4). */
const PROPORTIONAL = '财预〔2020〕10号 定量指标按完成比例记分';
export const JIXIAO_DEFAULT = 'jixiao 默认（未找到公开的评分标准，可在本单位指标体系中修改）';

const proportional: Rule = { kind: 'proportional', target: 100 };
/** "以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。" */
const ceiling100Half: Rule = { kind: 'ceiling', limit: 100, step: 1, deduct: 0.5, per: 5 };
/** "“三公经费”变动率≦0，计5分；“三公经费”>0，每超过一个百分点扣0.5分，扣完为止。" */
const ceiling0Half: Rule = { kind: 'ceiling', limit: 0, step: 1, deduct: 0.5, per: 5 };
/** "以100%为标准。三公经费控制率≦100%，计6分；每超过一个百分点扣1分，扣完为止。" */
const ceiling100One6: Rule = { kind: 'ceiling', limit: 100, step: 1, deduct: 1, per: 6 };

export const FRAMEWORK_2013: FrameworkIndicator[] = [
  {
    level1: '投入',
    level2: '目标设定',
    name: '绩效目标合理性',
    definition: '部门（单位）所设立的整体绩效目标依据是否充分，是否符合客观实际，用以反映和考核部门（单位）整体绩效目标与部门履职、年度工作任务的相符性情况。',
    points: ['是否符合国家法律法规、国民经济和社会发展总体规划', '是否符合部门“三定”方案确定的职责', '是否符合部门制定的中长期实施规划'],
  },
  {
    level1: '投入',
    level2: '目标设定',
    name: '绩效指标明确性',
    definition: '部门（单位）依据整体绩效目标所设定的绩效指标是否清晰、细化、可衡量，用以反映和考核部门（单位）整体绩效目标的明细化情况。',
    points: ['是否将部门整体的绩效目标细化分解为具体的工作任务', '是否通过清晰、可衡量的指标值予以体现', '是否与部门年度的任务数或计划数相对应', '是否与本年度部门预算资金相匹配'],
  },
  {
    level1: '投入',
    level2: '预算配置',
    name: '在职人员控制率',
    definition: '部门（单位）本年度实际在职人员数与编制数的比率，用以反映和考核部门（单位）对人员成本的控制程度。在职人员数以部门决算编制口径为准；编制数为机构编制部门核定批复的人员编制数。',
    formula: 'staffControl',
    rule: ceiling100Half,
    basis: YUEYANG,
  },
  {
    level1: '投入',
    level2: '预算配置',
    name: '“三公经费”变动率',
    definition: '部门（单位）本年度“三公经费”预算数与上年度“三公经费”预算数的变动比率，用以反映和考核部门（单位）对控制重点行政成本的努力程度。',
    formula: 'threePublicChange',
    rule: ceiling0Half,
    basis: YUEYANG,
  },
  {
    level1: '投入',
    level2: '预算配置',
    name: '重点支出安排率',
    definition: '部门（单位）本年度预算安排的重点项目支出与部门项目总支出的比率，用以反映和考核部门（单位）对履行主要职责或完成重点任务的保障程度。',
    formula: 'keySpending',
    // "重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。"
    rule: {
      kind: 'bands',
      per: 5,
      bands: [
        { gte: 90, points: 5 },
        { gte: 80, lt: 90, points: 4 },
        { gte: 70, lt: 80, points: 3 },
        { gte: 60, lt: 70, points: 2 },
        { lt: 60, points: 0 },
      ],
    },
    basis: YUEYANG,
  },
  {
    level1: '过程',
    level2: '预算执行',
    name: '预算完成率',
    definition: '部门（单位）本年度预算完成数与预算数的比率，用以反映和考核部门（单位）预算完成程度。',
    formula: 'budgetCompletion',
    // "100%计满分，每低于5%扣2分，扣完为止。"
    rule: { kind: 'floor', target: 100, step: 5, deduct: 2, per: 5 },
    basis: INDICATOR_TABLE,
  },
  {
    level1: '过程',
    level2: '预算执行',
    name: '预算调整率',
    definition: '部门（单位）本年度预算调整数与预算数的比率，用以反映和考核部门（单位）预算的调整程度。预算调整数为本年度内预算的追加、追减或结构调整的资金总和。',
    formula: 'budgetAdjustment',
    // "预算控制率=0，计5分；0-10%（含），计4分；10-20%（含），计3分；20-30%（含），计2分；大于30%不得分。"
    rule: {
      kind: 'bands',
      per: 5,
      bands: [
        { gte: 0, lte: 0, points: 5 },
        { gt: 0, lte: 10, points: 4 },
        { gt: 10, lte: 20, points: 3 },
        { gt: 20, lte: 30, points: 2 },
        { gt: 30, points: 0 },
      ],
    },
    basis: INDICATOR_TABLE,
  },
  {
    level1: '过程',
    level2: '预算执行',
    name: '支付进度率',
    definition: '部门（单位）实际支付进度与既定支付进度的比率，用以反映和考核部门（单位）预算执行的及时性和均衡性程度。',
    formula: 'paymentProgress',
    rule: proportional,
    basis: PROPORTIONAL,
  },
  {
    level1: '过程',
    level2: '预算执行',
    name: '结转结余率',
    definition: '部门（单位）本年度结转结余总额与支出预算数的比率，用以反映和考核部门（单位）对本年度结转结余资金的实际控制程度。',
    formula: 'carryForward',
    rule: ceiling0Half,
    basis: JIXIAO_DEFAULT,
  },
  {
    level1: '过程',
    level2: '预算执行',
    name: '结转结余变动率',
    definition: '部门（单位）本年度累计结转结余资金总额与上年度累计结转结余资金总额的变动比率，用以反映和考核部门（单位）对控制结转结余资金的努力程度。',
    formula: 'carryForwardChange',
    rule: ceiling0Half,
    basis: JIXIAO_DEFAULT,
  },
  {
    level1: '过程',
    level2: '预算执行',
    name: '公用经费控制率',
    definition: '部门（单位）本年度实际支出的公用经费总额与预算安排的公用经费总额的比率，用以反映和考核部门（单位）对机构运转成本的实际控制程度。',
    formula: 'publicOperatingControl',
    rule: ceiling100One6,
    basis: JIXIAO_DEFAULT,
  },
  {
    level1: '过程',
    level2: '预算执行',
    name: '“三公经费”控制率',
    definition: '部门（单位）本年度“三公经费”实际支出数与预算安排数的比率，用以反映和考核部门（单位）对“三公经费”的实际控制程度。',
    formula: 'threePublicControl',
    rule: ceiling100One6,
    basis: YUEYANG,
  },
  {
    level1: '过程',
    level2: '预算执行',
    name: '政府采购执行率',
    definition: '部门（单位）本年度实际政府采购金额与年初政府采购预算的比率，用以反映和考核部门（单位）政府采购预算执行情况。',
    formula: 'procurementExecution',
    rule: proportional,
    basis: PROPORTIONAL,
  },
  {
    level1: '过程',
    level2: '预算管理',
    name: '管理制度健全性',
    definition: '部门（单位）为加强预算管理、规范财务行为而制定的管理制度是否健全完整，用以反映和考核部门（单位）预算管理制度对完成主要职责或促进事业发展的保障情况。',
    points: ['是否已制定或具有预算资金管理办法、内部财务管理制度、会计核算制度等管理制度', '相关管理制度是否合法、合规、完整', '相关管理制度是否得到有效执行'],
  },
  {
    level1: '过程',
    level2: '预算管理',
    name: '资金使用合规性',
    definition: '部门（单位）使用预算资金是否符合相关的财务管理制度的规定，用以反映和考核部门（单位）预算资金的规范运行情况。',
    points: [
      '是否符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定',
      '资金的拨付是否有完整的审批程序和手续',
      '项目的重大开支是否经过评估论证',
      '是否符合部门预算批复的用途',
      '是否存在截留、挤占、挪用、虚列支出等情况',
    ],
  },
  {
    level1: '过程',
    level2: '预算管理',
    name: '预决算信息公开性',
    definition: '部门（单位）是否按照政府信息公开有关规定公开相关预决算信息，用以反映和考核部门（单位）预决算管理的公开透明情况。',
    points: ['是否按规定内容公开预决算信息', '是否按规定时限公开预决算信息'],
  },
  {
    level1: '过程',
    level2: '预算管理',
    name: '基础信息完善性',
    definition: '部门（单位）基础信息是否完善，用以反映和考核基础信息对预算管理工作的支撑情况。',
    points: ['基础数据信息和会计信息资料是否真实', '基础数据信息和会计信息资料是否完整', '基础数据信息和会计信息资料是否准确'],
  },
  {
    level1: '过程',
    level2: '资产管理',
    name: '管理制度健全性',
    definition: '部门（单位）为加强资产管理、规范资产管理行为而制定的管理制度是否健全完整，用以反映和考核部门（单位）资产管理制度对完成主要职责或促进社会发展的保障情况。',
    points: ['是否已制定或具有资产管理制度', '相关资产管理制度是否合法、合规、完整', '相关资产管理制度是否得到有效执行'],
  },
  {
    level1: '过程',
    level2: '资产管理',
    name: '资产管理安全性',
    definition: '部门（单位）的资产是否保存完整、使用合规、配置合理、处置规范、收入及时足额上缴，用以反映和考核部门（单位）资产安全运行情况。',
    points: ['资产保存是否完整', '资产配置是否合理', '资产处置是否规范', '资产账务管理是否合规，是否账实相符', '资产是否有偿使用及处置收入是否及时足额上缴'],
  },
  {
    level1: '过程',
    level2: '资产管理',
    name: '固定资产利用率',
    definition: '部门（单位）实际在用固定资产总额与所有固定资产总额的比率，用以反映和考核部门（单位）固定资产使用效率程度。',
    formula: 'fixedAssetUse',
    rule: proportional,
    basis: PROPORTIONAL,
  },
  {
    level1: '产出',
    level2: '职责履行',
    name: '实际完成率',
    definition: '部门（单位）履行职责而实际完成工作数与计划工作数的比率，用以反映和考核部门（单位）履职工作任务目标的实现程度。',
    formula: 'workCompletion',
    rule: proportional,
    basis: PROPORTIONAL,
  },
  {
    level1: '产出',
    level2: '职责履行',
    name: '完成及时率',
    definition: '部门（单位）在规定时限内及时完成的实际工作数与计划工作数的比率，用以反映和考核部门履职时效目标的实现程度。',
    formula: 'workTimeliness',
    rule: proportional,
    basis: PROPORTIONAL,
  },
  {
    level1: '产出',
    level2: '职责履行',
    name: '质量达标率',
    definition: '达到质量标准（绩效标准值）的实际工作数与计划工作数的比率，用以反映和考核部门（单位）履职质量目标的实现程度。',
    formula: 'workQuality',
    rule: proportional,
    basis: PROPORTIONAL,
  },
  {
    level1: '产出',
    level2: '职责履行',
    name: '重点工作办结率',
    definition: '部门（单位）年度重点工作实际完成数与交办或下达数的比率，用以反映部门（单位）对重点工作的办理落实程度。',
    formula: 'keyWorkCompletion',
    rule: proportional,
    basis: PROPORTIONAL,
  },
  { level1: '效果', level2: '履职效益', name: '经济效益', definition: '部门（单位）履行职责对经济发展所带来的直接或间接影响情况。' },
  { level1: '效果', level2: '履职效益', name: '社会效益', definition: '部门（单位）履行职责对社会发展所带来的直接或间接影响情况。' },
  { level1: '效果', level2: '履职效益', name: '生态效益', definition: '部门（单位）履行职责对生态环境所带来的直接或间接影响情况。' },
  {
    level1: '效果',
    level2: '履职效益',
    name: '社会公众或服务对象满意度',
    definition: '社会公众或部门（单位）的服务对象对部门履职效果的满意程度。社会公众或服务对象是指部门（单位）履行职责而影响到的部门、群体或个人，一般采取社会调查的方式。',
  },
];
