import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { getEvaluation } from '../../features/collection';
import type { EvaluationInput } from '../../domain/evaluation';
import { DEFAULT_PROFILE, getProfile, profileNames } from '../../domain/scoring/profiles';
import { scoreEvaluation } from '../../domain/scoring/score-evaluation';
import { readTable } from '../../import/tables/read-table';
import { convertToPdf, pdfName, PdfUnavailableError } from '../../node/pdf';
import { buildReports, draftReasons, formatScore, type ReportData } from '../../features/reports';
import { allReviewed, completedAt, respondents } from '../../features/summary';
import { toEvaluationInput } from '../../features/collection';
import { fail, openCliDatabase, parseCommandArgs } from './cli-db';

const USAGE = `用法：jixiao report 评价ID --out 目录 [--db 路径] [--pdf]
      jixiao report 文件 --out 目录 [--profile 规则] [--pdf]
  生成项目支出绩效自评表（.xlsx，只含正式表格）、自评报告（.docx）和供经办人核对的评分说明与核查（.xlsx）。
  评价ID（ev_…）取数据库中已收集的数据；文件（.xlsx/.csv/.json）按表中的实际完成值评分。
  数据未填齐或未审核完的评价照样生成，文件名和表内标明“草稿”。
  --pdf   另用 LibreOffice 把自评表和自评报告转为 PDF（预算管理一体化系统上传用）。`;

export type PdfConverter = (name: string, bytes: Uint8Array) => Promise<Uint8Array>;

/** `jixiao report`: the documents of an evaluation (stored or a table file), written to a folder. */
export async function run(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  pdf: PdfConverter = convertToPdf,
): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    { out: { type: 'string' }, db: { type: 'string' }, profile: { type: 'string' }, pdf: { type: 'boolean' } },
    USAGE,
    out,
  );
  if ('exit' in parsed) return parsed.exit;
  const target = parsed.positionals[0];
  if (!target || parsed.positionals.length > 1) return fail('请给出一个评价ID（ev_…）或一个自评表文件。', USAGE);
  if (!parsed.values.out) return fail('请用 --out 指定输出目录，例如 --out ./报告。', USAGE);
  const profile = parsed.values.profile ?? DEFAULT_PROFILE;
  if (!getProfile(profile)) return fail(`未知的评分规则“${profile}”。可用：${profileNames().join('、')}`);

  const data = existsSync(target) ? await fromFile(target, profile, err) : await fromDatabase(target, parsed.values.db, err);
  if (typeof data === 'number') return data;

  const dir = resolve(parsed.values.out);
  mkdirSync(dir, { recursive: true });
  const files = await buildReports(data);
  for (const file of [files.xlsx, files.docx, files.explanations]) {
    const path = join(dir, file.name);
    writeFileSync(path, file.data);
    out.write(`已写入 ${path}\n`);
  }
  const draft = draftReasons(data);
  const total = `${formatScore(data.result.total)} 分`;
  out.write(`${data.input.project.name}：${draft.length > 0 ? `${total}（未完成，草稿：${draft.join('，')}）` : `${total} · ${data.result.grade}`}\n`);
  if (!parsed.values.pdf) return 0;
  for (const file of [files.xlsx, files.docx]) {
    try {
      const path = join(dir, pdfName(file.name));
      writeFileSync(path, await pdf(file.name, file.data));
      out.write(`已写入 ${path}\n`);
    } catch (error) {
      err.write(`${error instanceof PdfUnavailableError ? error.message : `${file.name} 转为 PDF 失败：${(error as Error).message}`}\n`);
      return 1;
    }
  }
  return 0;
}

async function fromFile(path: string, profile: string, err: NodeJS.WritableStream): Promise<ReportData | number> {
  const read = await readTable(new Uint8Array(await readFile(path)), basename(path));
  if (!read.ok) {
    err.write(`${basename(path)} 有 ${read.errors.length} 处需要修改：\n${read.errors.map((e) => `  ${e.message}`).join('\n')}\n`);
    return 2;
  }
  return scored(read.evaluation, profile, err, new Date());
}

async function fromDatabase(id: string, dbFlag: string | undefined, err: NodeJS.WritableStream): Promise<ReportData | number> {
  const { db, close } = await openCliDatabase(dbFlag);
  try {
    const view = await getEvaluation(db, id);
    if (!view) {
      err.write(`找不到评价 ${id}，也没有名为 ${id} 的文件。请用 jixiao status 查看评价ID。\n`);
      return 1;
    }
    const data = scored(toEvaluationInput(view), view.ruleProfile, err, new Date());
    if (typeof data === 'number') return data;
    const done = completedAt(view);
    return { ...data, collection: { respondents: respondents(view), reviewed: allReviewed(view), ...(done ? { completedAt: done } : {}) } };
  } finally {
    await close();
  }
}

function scored(input: EvaluationInput, profile: string, err: NodeJS.WritableStream, now: Date): ReportData | number {
  const result = scoreEvaluation(input, { profile });
  if (result.inputErrors?.length) {
    err.write(`有 ${result.inputErrors.length} 处无法评分，请先修改：\n${result.inputErrors.map((e) => `  ${e.message}`).join('\n')}\n`);
    return 2;
  }
  return { input, result, generatedAt: now };
}
