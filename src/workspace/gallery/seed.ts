import type { EvaluationInput } from '../../domain/evaluation';

/**
 * Seed 003, table T1 (test/fixtures/seeds/003-t1.json, transcribed from the unit's printed 自评表): the data
 * the gallery's view models are built from, with 责任人 rotating over three colleagues as in the fixture
 * workbook (test/fixtures/seeds/make-xlsx.ts). Real names, targets and values make real card sizes.
 */
export const SEED_003_T1: EvaluationInput = {
  "project": {
    "name": "金融监管专项经费",
    "department": "自治区地方金融监督管理局",
    "implementingUnit": "自治区地方金融监督管理局",
    "year": 2019
  },
  "budget": {
    "initial": 105,
    "fullYear": 105,
    "executed": 57,
    "weight": 10
  },
  "indicators": [
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "参加处非联办举行的业务培训交流会",
      "target": "≥2次",
      "weight": 5,
      "actual": "2",
      "owner": "张伟"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "对全区非法集资工作督导检查，互联网金融行业五大领域摸排检查、督导整改",
      "target": "≥6次",
      "weight": 5,
      "actual": "8",
      "owner": "李娜"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "对小额贷款公司、融资担保公司进行现场督导检查、督导，降低经济损失",
      "target": "≥25家",
      "weight": 5,
      "actual": "25",
      "owner": "王芳"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "非法集资风险情况报送频次",
      "target": "12次",
      "weight": 5,
      "actual": "12",
      "owner": "张伟"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "贯彻落实自治区服务实体经济、防控金融风险、深化金融改革实施意见情况调研次数",
      "target": "≥1次",
      "weight": 2,
      "actual": "2",
      "owner": "李娜"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "金融服务进园区银企对接调研及金融服务实体经济情况调研次数",
      "target": "≥4次",
      "weight": 5,
      "actual": "5",
      "owner": "王芳"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "线上企业监测覆盖率",
      "target": "≥80%",
      "weight": 5,
      "actual": "80%",
      "owner": "张伟"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "召开小额贷款公司、融资担保公司、互联网金融行业监管等相关培训会议",
      "target": "≥7次",
      "weight": 5,
      "actual": "5",
      "deviationReason": "在新疆外地计划举办的培训，因费用无法报销而未开展",
      "owner": "李娜"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "召开自治区处置非法集资座谈会暨业务培训交流会",
      "target": "≥2次",
      "weight": 3,
      "actual": "3",
      "owner": "王芳"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "重点企业监测数量",
      "target": "≥20家",
      "weight": 5,
      "actual": "21",
      "owner": "张伟"
    },
    {
      "level1": "产出指标",
      "level2": "数量指标",
      "name": "自治区扶贫小额信贷实施细则落实情况调研次数",
      "target": "≥2次",
      "weight": 5,
      "actual": "3",
      "owner": "李娜"
    },
    {
      "level1": "效益指标",
      "level2": "经济效益指标",
      "name": "协同相关省份及组织各地州处置非法集资案件，有效降低群众经济损失",
      "target": "根据案件情况处理",
      "weight": 30,
      "actual": "80%",
      "owner": "王芳"
    },
    {
      "level1": "满意度指标",
      "level2": "满意度指标",
      "name": "加强我区防范非法集资广告宣传，提高民众金融普法满意度",
      "target": "有效提高",
      "weight": 10,
      "actual": "90%",
      "owner": "张伟"
    }
  ]
};

export const SEED_PEOPLE = [
  { openId: 'ou_clerk', name: '赵敏' },
  { openId: 'ou_zhangwei', name: '张伟' },
  { openId: 'ou_lina', name: '李娜' },
  { openId: 'ou_wangfang', name: '王芳' },
  { openId: 'ou_chenqiang', name: '陈强' },
] as const;
