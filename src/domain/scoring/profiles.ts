/**
 * A rule profile holds every threshold a province may set differently. `mof-2020` follows 财预〔2020〕10号 and
 * the 中央 自评表 footnotes (财预〔2020〕10号《项目支出绩效评价管理办法》); the variants change only what their source changes.
 */
export interface GradeCut {
  min: number;
  label: string;
}

export interface RuleProfile {
  name: string;
  /** One line for `--profile` help and the report. */
  description: string;
  totalPoints: number;
  /** Weight of the 预算执行率 line when the table does not give one. */
  budgetWeight: number;
  /** Expected weight of each 一级指标; null when the region leaves the split to the unit. */
  level1Weights: Record<string, number> | null;
  /** `ratio`: w·A/B (中央 template); `linear`: w·(1−(B−A)/A), 0 from 2A on (pmkpi `selfreverseindex`). */
  negativeFormula: 'ratio' | 'linear';
  /** Lower edges of the 达成 and 部分达成 bands as fractions of the weight. */
  bands: { achieved: number; partial: number };
  /** Highest first. */
  grades: GradeCut[];
  /** A positive actual at or above this multiple of the target needs an explanation (Guangxi 130 % rule). */
  overshootRatio: number;
  /** Execution below this rate asks for a deviation reason… */
  executionExplainBelow: number;
  /** …and below this one the reason is mandatory (Sichuan: 90 %). */
  executionMandatoryBelow: number;
  /** Indicator completion may run ahead of execution by at most this much before it is flagged red. */
  completionAheadTolerance: number;
  /** Execution below this rate is flagged yellow. */
  executionLowBelow: number;
  /** The rule's name as a report states it (“按……评分”); defaults to `description`. */
  title?: string;
  /**
   * 预算管理一体化 practice: the total may not exceed `max` while the execution rate is below `below`.
   * Listed lowest `below` first; the first that applies wins.
   */
  executionCaps?: ReadonlyArray<{ below: number; max: number }>;
  /** 预算管理一体化 practice: an indicator completed at or above `ratio` × its target loses `points`. */
  overshootDeduction?: { ratio: number; points: number };
}

export const DEFAULT_PROFILE = 'mof-2020';

const MOF_2020: RuleProfile = {
  name: 'mof-2020',
  description: '财预〔2020〕10号：预算执行率10、产出50、效益30、满意度10；反向指标 A/B；优≥90 良≥80 中≥60',
  totalPoints: 100,
  budgetWeight: 10,
  level1Weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
  negativeFormula: 'ratio',
  bands: { achieved: 0.8, partial: 0.6 },
  grades: [
    { min: 90, label: '优' },
    { min: 80, label: '良' },
    { min: 60, label: '中' },
    { min: 0, label: '差' },
  ],
  overshootRatio: 1.3,
  executionExplainBelow: 1,
  executionMandatoryBelow: 0.9,
  completionAheadTolerance: 0.05,
  executionLowBelow: 0.8,
};

const PROFILES: Record<string, RuleProfile> = {
  [MOF_2020.name]: MOF_2020,
  'pmkpi-linear': {
    ...MOF_2020,
    name: 'pmkpi-linear',
    description: '同 mof-2020，但反向指标按 pmkpi 线性扣分：w·(1−(B−A)/A)，B≥2A 得 0',
    negativeFormula: 'linear',
  },
  'hubei-2020': {
    ...MOF_2020,
    name: 'hubei-2020',
    description: '湖北市级自评表：预算执行 20 分（20×执行率），定性档 100–80%/80–50%/50–0%，一级指标分值由单位确定',
    budgetWeight: 20,
    level1Weights: null,
    bands: { achieved: 0.8, partial: 0.5 },
  },
  // The 预算管理一体化 platform manual several provinces hand to units (《预算管理一体化平台绩效自评操作手册（单位、
  // 部门、财政）》 §1.3 指标偏离规则 and §1.4 项目自评减分规则; the published copy does not name its province):
  // https://desk33.com/d-565511.html — “完成值超过年初设置指标值30%及以上的指标，定义为指标偏离并减2分计算其得分”;
  // “执行率为70%至80%的，绩效自评不超过89分；60%至70%的，不超过79分；低于60%的，不超过69分；低于50%的，不超过59分”.
  // 80 % itself is outside the 70–80 % band (no cap); 70 % is inside it.
  yitihua: {
    ...MOF_2020,
    name: 'yitihua',
    title: '预算管理一体化平台绩效自评规则',
    description:
      '预算管理一体化：同 mof-2020，另按预算执行率限定总分（70%–80% 不超过89分，60%–70% 不超过79分，低于60% 不超过69分，低于50% 不超过59分），完成值超过指标值30%及以上的指标减2分',
    executionCaps: [
      { below: 0.5, max: 59 },
      { below: 0.6, max: 69 },
      { below: 0.7, max: 79 },
      { below: 0.8, max: 89 },
    ],
    overshootDeduction: { ratio: 1.3, points: 2 },
  },
};

export function getProfile(name: string): RuleProfile | undefined {
  return PROFILES[name];
}

export function profileNames(): string[] {
  return Object.keys(PROFILES);
}

/** A profile by name or as given; an unknown name is a programming or CLI error the caller reports. */
export function resolveProfile(profile?: string | RuleProfile): RuleProfile {
  if (profile && typeof profile === 'object') return profile;
  const found = getProfile(profile ?? DEFAULT_PROFILE);
  if (!found) throw new RangeError(`未知的评分规则“${profile}”。可用：${profileNames().join('、')}`);
  return found;
}

export function gradeFor(total: number, profile: RuleProfile): string {
  return profile.grades.find((g) => total >= g.min)?.label ?? profile.grades[profile.grades.length - 1]!.label;
}
