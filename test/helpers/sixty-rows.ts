import type { EntryRowView } from '#cards/collection/view';

/**
 * The largest realistic evaluation: 60 indicators whose names, targets and reasons come from the
 * 003 seed tables (the longest ones, repeated with a running number), with every optional field
 * filled so the cards are at their biggest.
 */
const NAMES = [
  '贯彻落实自治区服务实体经济、防控金融风险、深化金融改革实施意见情况调研次数',
  '对全区非法集资工作督导检查，互联网金融行业五大领域摸排检查、督导整改',
  '对小额贷款公司、融资担保公司进行现场督导检查、督导，降低经济损失',
  '召开小额贷款公司、融资担保公司、互联网金融行业监管等相关培训会议',
  '金融服务进园区银企对接调研及金融服务实体经济情况调研次数',
  '线上企业监测覆盖率',
];
const TARGETS = ['≥2次', '≥6次', '≥25家', '12次', '≥80%', '根据案件情况处理'];
const LEVELS: Array<[string, string]> = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['效益指标', '社会效益指标'],
  ['满意度指标', '服务对象满意度指标'],
];
export const OWNERS = ['张伟', '李娜', '王芳', '欧阳晓明', '司马相如'];
export const LONG_REASON = '在新疆外地计划举办的培训，因费用无法报销而未开展；下一年度将提前报批培训计划并与财务部门确认报销口径，确保按计划完成。';

export function sixtyRows(): EntryRowView[] {
  return Array.from({ length: 60 }, (_, i) => {
    const [level1, level2] = LEVELS[i % LEVELS.length]!;
    const target = TARGETS[i % TARGETS.length]!;
    const qualitative = target === '根据案件情况处理';
    return {
      indicatorId: `it_row${String(i).padStart(2, '0')}`,
      kind: qualitative ? 'qualitative' : 'quantitative',
      level1,
      level2,
      name: `${NAMES[i % NAMES.length]}（${i + 1}）`,
      target,
      weight: 1.5,
      status: (['pending', 'submitted', 'approved', 'returned'] as const)[i % 4]!,
      actual: qualitative ? '全年处置案件 12 起，追回群众损失约 80%，其余案件仍在司法程序中' : '5',
      band: qualitative ? '部分达成' : null,
      score: 1.07,
      explanation: '实际 5 次低于目标 7 次：得分 = 分值 1.5 × 5 ÷ 7 = 1.07',
      deviationReason: LONG_REASON,
      ownerName: OWNERS[i % OWNERS.length]!,
    };
  });
}
