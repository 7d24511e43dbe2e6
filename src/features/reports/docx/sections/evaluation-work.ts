import { resolveProfile } from '../../../../domain/scoring/profiles';
import type { ReportData } from '../../model';
import { profileTitle, projectYear, reportingUnit, reportSubject } from '../../model';
import { heading, para, type ReportBlock } from '../blocks';
import { chineseDate, subHeading, wan } from '../phrases';

/**
 * 二、绩效评价工作开展情况: the object and scope, the rules the scores follow (the profile is named when it is a
 * regional one), and how this self-evaluation was carried out — from what the bot knows of the collection.
 */
export function evaluationWork(data: ReportData): ReportBlock[] {
  const { input, result } = data;
  const year = projectYear(input);
  const subject = reportSubject(input);
  const unit = reportingUnit(input);
  return [
    heading(1, '二、绩效评价工作开展情况'),
    heading(2, subHeading(1, '绩效评价目的、对象和范围')),
    para(
      `本次评价对象为${subject}，评价范围为该项目${year ? `${year}年度` : '本年度'}全年预算资金${wan(result.budget.fullYear)}的使用情况及绩效目标完成情况。` +
        '评价目的是对照年初设定的绩效目标，检查预算执行和目标完成情况，总结经验、查找问题，为改进项目管理和以后年度预算安排提供参考。',
    ),
    heading(2, subHeading(2, '绩效评价原则、评价指标体系和评价方法')),
    para(method(data)),
    heading(2, subHeading(3, '绩效评价工作过程')),
    para(process(data, unit)),
  ];
}

function method({ result }: ReportData): string {
  const profile = resolveProfile(result.profile);
  const negative = profile.negativeFormula === 'ratio' ? '反向指标按年度指标值与实际完成值之比计分' : '反向指标按超出年度指标值的比例线性扣减';
  let text =
    '依据《项目支出绩效评价管理办法》（财预〔2020〕10号），采用定量与定性相结合的方法评分：' +
    `预算执行率按分值乘以执行率计分，最高为满分；正向定量指标按实际完成值与年度指标值之比计分，完成的得满分；${negative}；` +
    '定性指标按达成、部分达成、未达成三档计分。';
  const cuts = profile.grades.filter((g) => g.min > 0);
  text += `总分${cuts.map((g, i) => (i === 0 ? `${g.min}分（含）以上为${g.label}` : `${g.min}分（含）至${cuts[i - 1]!.min}分为${g.label}`)).join('，')}，${cuts.at(-1)!.min}分以下为${profile.grades.at(-1)!.label}。`;
  const title = profileTitle(result);
  if (title && (profile.executionCaps || profile.overshootDeduction)) {
    const rules: string[] = [];
    if (profile.executionCaps) {
      // highest band first: 执行率70%至80%的不超过89分 … 低于50%的不超过59分
      const caps = [...profile.executionCaps].reverse();
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      const bands = caps.map((c, i) =>
        i < caps.length - 1 ? `执行率${pct(caps[i + 1]!.below)}至${pct(c.below)}的不超过${c.max}分` : `低于${pct(c.below)}的不超过${c.max}分`,
      );
      rules.push(`总分按预算执行率设定上限，${bands.join('，')}`);
    }
    if (profile.overshootDeduction) {
      const d = profile.overshootDeduction;
      rules.push(`完成值超过年度指标值${Math.round((d.ratio - 1) * 100)}%及以上的指标，每项减${d.points}分`);
    }
    text += `同时执行${title}：${rules.join('；')}。`;
  }
  return text;
}

function process(data: ReportData, unit: string | null): string {
  const c = data.collection;
  const rows = data.result.indicators.length;
  if (!c || c.respondents === 0) {
    return `本次自评依据${unit ?? '项目单位'}填报的项目支出绩效自评表，对照${rows}项绩效指标的年度指标值和实际完成值逐项评分，并对表中数据进行一致性核查。`;
  }
  let text = `本次自评由${unit ?? '项目单位'}组织开展，${rows}项绩效指标的实际完成值由${c.respondents}位责任人填报${c.reviewed ? '并经审核确认' : ''}`;
  if (c.completedAt) text += `，于${chineseDate(c.completedAt)}完成填报`;
  return `${text}。评分后对表中数据进行了一致性核查。`;
}
