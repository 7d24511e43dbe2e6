import { getEvaluation, progressOf, STATUS_LABEL, type EvaluationView } from '../../features/collection';
import { fail, openCliDatabase, parseCommandArgs } from './cli-db';

const USAGE = `用法：jixiao status 评价ID [--json] [--db 路径]
  显示一项评价的状态、进度、待填写的人和每一项的填报情况。`;

const EVALUATION_STATUS: Record<EvaluationView['status'], string> = {
  draft: '草稿（未开始收集）',
  collecting: '收集中',
  reviewing: '审核中',
  final: '已锁定',
};

/** `jixiao status`: where an evaluation stands, for support. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(argv, { json: { type: 'boolean' }, db: { type: 'string' } }, USAGE);
  if ('exit' in parsed) return parsed.exit;
  const id = parsed.positionals[0];
  if (!id || parsed.positionals.length > 1) return fail('请给出一个评价ID（ev_…）。', USAGE);
  const { db, close } = await openCliDatabase(parsed.values.db);
  try {
    const evaluation = await getEvaluation(db, id);
    if (!evaluation) {
      process.stderr.write(`找不到评价 ${id}。\n`);
      return 1;
    }
    const progress = progressOf(evaluation);
    if (parsed.values.json) {
      process.stdout.write(`${JSON.stringify({ evaluation, progress }, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `${evaluation.project.name}（${evaluation.id}）`,
      `  状态：${EVALUATION_STATUS[evaluation.status]}${evaluation.deadline ? `　截止：${evaluation.deadline}` : ''}　群：${evaluation.chatId ?? '—'}`,
      `  进度：已填 ${progress.answered}/${progress.total}（已通过 ${progress.approved}，待审核 ${progress.submitted}，退回 ${progress.returned}，待填写 ${progress.pending}）`,
    ];
    if (progress.unassigned > 0) lines.push(`  未指定责任人：${progress.unassigned} 项`);
    if (progress.waitingOn.length > 0) {
      lines.push(`  等待：${progress.waitingOn.map((o) => `${o.name ?? o.openId} ${o.open} 项`).join('，')}`);
    }
    lines.push('');
    for (const item of evaluation.items) {
      const v = item.value;
      const answer = !v.applicable ? '不适用' : (v.actual ?? v.band ?? '—');
      const score = v.score === null ? '—' : String(v.score);
      lines.push(
        `  ${String(item.position).padStart(2)} ${STATUS_LABEL[v.status]}  ${item.name}｜目标 ${item.target}｜实际 ${answer}｜${score}/${item.weight}｜${item.owner.name ?? item.owner.openId ?? item.owner.raw ?? '未指定'}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await close();
  }
}
