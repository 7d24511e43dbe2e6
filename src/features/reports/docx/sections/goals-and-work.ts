import type { ReportData } from '../../model';
import { nonEmpty, runs } from '../../model';
import type { ReportBlock } from '../blocks';
import { chineseDate, nameWithTarget, sentence, subHeading } from '../phrases';

/** 二、绩效目标和绩效评价工作开展情况: the goals as set, then how this self-evaluation was carried out. */
export function goalsAndWork(data: ReportData): ReportBlock[] {
  const { input, result } = data;
  const rows = result.indicators;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: '二、绩效目标和绩效评价工作开展情况' },
    { kind: 'heading', level: 2, text: subHeading(1, '绩效目标') },
  ];
  const expected = nonEmpty(input.goals?.expected);
  if (expected) blocks.push(para(sentence(`1.总体目标：${expected}`)));
  if (rows.length > 0) {
    const level2Count = runs(rows, (r) => `${r.level1}\u0000${r.level2}`).length;
    const level1Runs = runs(rows, (r) => r.level1);
    blocks.push(
      para(`${expected ? '2.' : ''}具体绩效指标：一级指标${level1Runs.length}个，二级指标${level2Count}个，三级指标${rows.length}项，分别为：`),
    );
    level1Runs.forEach((run, i) => {
      const inRun = rows.slice(run.start, run.end + 1);
      const parts = runs(inRun, (r) => r.level2).map((g) => {
        const targets = inRun.slice(g.start, g.end + 1).map((r) => nameWithTarget(r.name, r.target));
        return `${g.key}：${targets.join('；')}`;
      });
      blocks.push(para(`（${i + 1}）${run.key}。${parts.join('。')}。`));
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: subHeading(2, '绩效评价工作开展情况') });
  const quantitative = rows.filter((r) => r.kind !== 'qualitative').length;
  const qualitative = rows.length - quantitative;
  let work = `本次自评对照年初设定的绩效目标，逐项采集${rows.length}项三级指标的实际完成值（定量指标${quantitative}项、定性指标${qualitative}项）`;
  const c = data.collection;
  if (c && c.respondents > 0) work += `，由${c.respondents}位责任人填报${c.reviewed ? '并经审核确认' : ''}`;
  if (c?.completedAt) work += `，于${chineseDate(c.completedAt)}完成采集`;
  blocks.push(para(`${work}。`));
  blocks.push(
    para(
      '评分依据《项目支出绩效评价管理办法》（财预〔2020〕10号）：预算执行率按分值乘以执行率计分；定量指标完成指标值的记满分，未完成的按完成值与指标值的比例计分；定性指标按达成程度分档计分。每项得分的计算过程见自评表附表《评分说明》。',
    ),
  );
  return blocks;
}

function para(text: string): ReportBlock {
  return { kind: 'paragraph', text };
}
