import { D, fixed2, plain, type Dec } from '../scoring/decimal';
import { readNumber } from '../scoring/numbers-in';
import type { RuleProfile } from '../scoring/profiles';
import type { DepartmentEvaluation } from './evaluation';
import { accountLabel, figure, isAccountKey } from './figures';
import { goalShortfalls } from './goals';
import { nodePath, scoredLeaves, type DepartmentResult, type DepartmentWarning, type ScoredCriterion } from './result';
import { admittedShortfall, quotedAmounts } from './shortfall';

/**
 * Checks a 部门整体 report the way the 财政局 reviewer reads it: 分值 that do not add up, 小计 and 总分 that differ from
 * their items, figures that break their sums or are printed twice with two values, judged scores whose 说明 says
 * otherwise, formula scores and quoted amounts that differ from the accounts, and 定量目标 reached below target.
 * Every warning names the node and, where two numbers disagree, both of them.
 */
const n = (v: number) => plain(new D(v));

function itemsText(node: ScoredCriterion, pick: (c: ScoredCriterion) => number | null): string {
  return node.children.map((c) => `${c.name} ${pick(c) == null ? '—' : n(pick(c)!)}`).join(' + ');
}

function treeWarnings(node: ScoredCriterion, out: DepartmentWarning[]): void {
  const where = nodePath(node);
  if (node.kind === 'group') {
    if (node.statedWeight != null && !new D(node.statedWeight).eq(node.weight)) {
      const over = node.score != null && new D(node.score).gt(node.statedWeight);
      out.push({
        code: 'weight-sum-mismatch',
        severity: 'red',
        node: where,
        stated: node.statedWeight,
        computed: node.weight,
        message: `“${node.name}”标明 ${n(node.statedWeight)} 分，其下各项分值合计 ${n(node.weight)} 分（${itemsText(node, (c) => c.weight)}）${over ? `，得分 ${n(node.score!)} 超过标明的 ${n(node.statedWeight)} 分` : ''}`,
      });
    }
    if (node.statedScore != null && node.score != null && !new D(node.statedScore).eq(node.score)) {
      const lost = scoredLeaves(node.children).filter((l) => l.score != null && l.score < l.weight);
      const lostSum = lost.reduce((s: Dec, l) => s.plus(l.weight).minus(l.score!), new D(0));
      const hint = lost.length
        ? `；其中扣分的有 ${lost.map((l) => `${l.name}（${n(l.weight)} 分得 ${n(l.score!)} 分）`).join('、')}${new D(node.statedScore).minus(node.score).eq(lostSum) ? '，表上得分未扣除这些扣分' : ''}`
        : '';
      out.push({
        code: 'stated-subtotal-mismatch',
        severity: 'red',
        node: where,
        stated: node.statedScore,
        computed: node.score,
        message: `“${node.name}”表上得分 ${n(node.statedScore)}，其下各项得分合计 ${n(node.score)}（${itemsText(node, (c) => c.score)}）${hint}`,
      });
    }
    for (const c of node.children) treeWarnings(c, out);
    return;
  }

  const stated = node.statedScore;
  if (stated != null && new D(stated).gt(node.weight)) {
    out.push({ code: 'score-above-weight', severity: 'red', node: where, stated, computed: node.score, message: `“${node.name}”表上得分 ${n(stated)} 超过分值 ${n(node.weight)}` });
  } else if (stated != null && stated < 0) {
    out.push({ code: 'score-negative', severity: 'red', node: where, stated, computed: node.score, message: `“${node.name}”表上得分 ${n(stated)} 为负数，按 0 分计` });
  }

  if (node.kind === 'formula') {
    const f = node.formula!;
    if (f.rate == null) {
      out.push({
        code: 'formula-inputs-missing',
        severity: node.score == null ? 'yellow' : 'info',
        node: where,
        stated,
        computed: null,
        message: `“${node.name}”${f.missing}${node.score == null ? '，请补充后计分' : `，暂按表上得分 ${n(node.score)} 分计`}`,
      });
    } else if (stated != null && node.score != null && stated <= node.weight && !new D(stated).eq(node.score)) {
      out.push({
        code: 'formula-score-mismatch',
        severity: 'red',
        node: where,
        stated,
        computed: node.score,
        message: `“${node.name}”表上得分 ${n(stated)}，按公式计算为 ${fixed2(new D(node.score))}：${node.explanation}`,
      });
    }
    // Amounts the 说明 quotes that are none of the figures the formula used (seed 004: 21.97 against 38.27).
    if (f.rate != null) {
      const seen = new Set<string>();
      for (const q of quotedAmounts(node.note)) {
        if (seen.has(`${q.value.toFixed()}${q.unit}`)) continue;
        seen.add(`${q.value.toFixed()}${q.unit}`);
        const same = f.inputs.filter((i) => (q.unit === '人') === i.account.startsWith('staff.'));
        if (!same.length || same.some((i) => q.value.eq(i.value))) continue;
        const nearest = same.reduce((a, b) => (q.value.minus(a.value).abs().lte(q.value.minus(b.value).abs()) ? a : b));
        out.push({
          code: 'note-figure-mismatch',
          severity: 'red',
          node: where,
          stated: q.value.toNumber(),
          computed: nearest.value,
          message: `“${node.name}”的评分说明写 ${plain(q.value)} ${q.unit}，而计算所用${same.map((i) => `${i.label} ${n(i.value)} ${q.unit}`).join('、')}`,
        });
      }
    }
    // Scored from the report's own number, it is judged like any judged indicator.
    if (f.rate != null || node.score == null) return;
  }

  if (node.score == null) {
    out.push({ code: 'score-missing', severity: 'yellow', node: where, stated: null, computed: null, message: `“${node.name}”尚未评分：请对照评分标准给出得分和评分说明` });
    return;
  }
  const shortfall = admittedShortfall(node.note);
  if (node.score >= node.weight) {
    if (shortfall) {
      out.push({
        code: 'full-score-shortfall',
        severity: 'red',
        node: where,
        stated: node.score,
        computed: null,
        message: `“${node.name}”得满分 ${n(node.weight)} 分，但评分说明写有“${shortfall}”：请按评分标准扣分，或改写说明`,
      });
    }
  } else if (!node.note) {
    out.push({ code: 'note-required', severity: 'red', node: where, stated: node.score, computed: null, message: `“${node.name}”得 ${n(node.score)} 分（分值 ${n(node.weight)}），未达满分须填写评分说明：写明哪一项未达到评分标准` });
  } else if (!shortfall) {
    out.push({
      code: 'deduction-unexplained',
      severity: 'yellow',
      node: where,
      stated: node.score,
      computed: null,
      message: `“${node.name}”得 ${n(node.score)} 分（分值 ${n(node.weight)}），但评分说明未写扣分原因：请写明哪一项未达到评分标准`,
    });
  }
}

export function auditDepartment(input: DepartmentEvaluation, result: DepartmentResult, profile: RuleProfile): DepartmentWarning[] {
  const out: DepartmentWarning[] = [];
  for (const level of result.levels) treeWarnings(level, out);

  const weight = result.levels.reduce((s: Dec, l) => s.plus(l.weight), new D(0));
  if (result.levels.length && !weight.eq(profile.totalPoints)) {
    out.push({
      code: 'weights-total',
      severity: 'red',
      node: '总分',
      stated: profile.totalPoints,
      computed: weight.toNumber(),
      message: `各一级指标分值合计 ${plain(weight)}（${result.levels.map((l) => `${l.name} ${n(l.weight)}`).join(' + ')}），应为 ${profile.totalPoints}`,
    });
  }

  const statedTotal = readNumber(input.stated?.total ?? null);
  if (statedTotal && !statedTotal.eq(result.total)) {
    const levelStated = result.levels.map((l) => l.statedScore);
    const sumStated = levelStated.every((v) => v != null) ? levelStated.reduce((s: Dec, v) => s.plus(v!), new D(0)) : null;
    out.push({
      code: 'stated-total-mismatch',
      severity: 'red',
      node: '总分',
      stated: statedTotal.toNumber(),
      computed: result.total,
      message: `表上总分 ${plain(statedTotal)}，按各项得分计算为 ${fixed2(new D(result.total))}（${result.levels.map((l) => `${l.name} ${n(l.score ?? 0)}`).join(' + ')}）${
        sumStated?.eq(statedTotal) ? `；表上总分是表上各一级指标得分 ${levelStated.map((v) => n(v!)).join(' + ')} 之和` : ''
      }`,
    });
  }
  const statedGrade = input.stated?.grade?.trim();
  if (statedGrade && statedGrade !== result.grade) {
    out.push({ code: 'stated-grade-mismatch', severity: 'red', node: '评价等次', stated: null, computed: null, message: `表上评价等次“${statedGrade}”，按总分 ${fixed2(new D(result.total))} 应为“${result.grade}”` });
  }

  for (const c of result.checks) {
    if (c.ok) continue;
    out.push({ code: 'figure-sum-mismatch', severity: c.rounding ? 'yellow' : 'red', node: accountLabel(c.account), stated: c.stated, computed: c.computed, message: c.message });
  }

  for (const s of input.statements ?? []) {
    if (!isAccountKey(s.account)) continue;
    const used = figure(input.figures, s.account);
    const other = readNumber(s.value);
    if (!used || !other || used.eq(other)) continue;
    const label = accountLabel(s.account);
    out.push({
      code: 'figure-conflict',
      severity: 'red',
      node: label,
      stated: other.toNumber(),
      computed: used.toNumber(),
      message: `${label}有两个不同的数：计分采用 ${plain(used)} 万元，而“${s.where}”为 ${plain(other)} 万元`,
    });
  }

  const notes = scoredLeaves(result.levels).map((l) => l.note ?? '').join('\n');
  for (const g of goalShortfalls(input.goals?.quantitative)) {
    const mentioned = notes.includes(g.rate);
    out.push({
      code: 'goal-shortfall',
      severity: 'yellow',
      node: g.goal,
      stated: g.actual.toNumber(),
      computed: g.target.toNumber(),
      message: `${g.message}${mentioned ? '' : '，评分说明中未说明原因'}`,
    });
  }
  return out;
}
