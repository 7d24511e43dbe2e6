import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEvaluation, type CollectionDeps, type EvaluationView } from '../../../src/features/collection/service';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { listHistory } from '../../../src/storage/repositories/collection/history';
import { postSummary } from '../../../src/features/summary/post-summary';
import type { LarkClient } from '../../../src/transport/contract';
import { CHAT, IMPORTER, MEMBERS, openTestDeps, startedT1 } from '../../helpers/collection';
import { docxParagraphs, readZipEntry } from '../../helpers/zip';
import { fakeLarkFor } from '../../helpers/summary-lark';
import { answerAndApprove } from '../../helpers/summary';

let deps: CollectionDeps;
let close: () => Promise<void>;
let evaluation: EvaluationView;
let answers: Awaited<ReturnType<typeof startedT1>>['answers'];

async function answerAll() {
  evaluation = await answerAndApprove(deps, evaluation, answers);
}

beforeEach(async () => {
  ({ deps, close } = await openTestDeps());
  ({ evaluation, answers } = await startedT1(deps));
});
afterEach(() => close());

describe('postSummary', () => {
  it('sends the card and right after it the .xlsx and .docx, then records the post', async () => {
    await answerAll();
    const fake = fakeLarkFor(deps.clock, { chatId: CHAT, members: MEMBERS.map((m) => m.openId) });
    const before = fake.messagesIn(CHAT).length;
    const posted = await postSummary({ ...deps, lark: fake.lark }, { evaluationId: evaluation.id, actor: IMPORTER, trigger: 'command' });
    if (!posted.ok) throw new Error(posted.message);

    const expected = scoreEvaluation(answers).total;
    expect(posted.total).toBe(expected);
    expect(posted.grade).toBe('优');

    const sent = fake.messagesIn(CHAT).slice(before);
    expect(sent.map((m) => m.msgType)).toEqual(['interactive', 'file', 'file']);
    expect(sent[0]!.messageId).toBe(posted.cardMessageId);
    const header = sent[0]!.card!.header as { subtitle: { content: string } };
    expect(header.subtitle.content).toContain(`${expected} 分 · 优`);

    const files = sent.slice(1).map((m) => fake.state.files.get((JSON.parse(m.content) as { file_key: string }).file_key)!);
    expect(files.map((f) => f.fileName)).toEqual(['2019年度金融监管专项经费-绩效自评表.xlsx', '2019年度金融监管专项经费-绩效自评报告.docx']);
    expect(files.map((f) => f.fileType)).toEqual(['xls', 'doc']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files[0]!.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const totals: unknown[] = [];
    ws.eachRow((row) => row.getCell(1).value === '总分' && totals.push(row.getCell(8).value));
    expect(totals).toEqual([expected]);
    const text = docxParagraphs(readZipEntry(files[1]!.bytes, 'word/document.xml')).join('\n');
    expect(text).toContain(`评分结果为${expected}分，绩效评级为“优”`);
    expect(text).toContain('由4位责任人填报并经审核确认');

    const after = (await getEvaluation(deps.db, evaluation.id))!;
    expect(after.summaryPostedAt).toBe(deps.clock.now().toISOString());
    const history = (await listHistory(deps.db, evaluation.id)).filter((h) => h.action === 'summary_posted');
    expect(history).toHaveLength(1);
    expect(JSON.parse(history[0]!.after_json!)).toMatchObject({ messageId: posted.cardMessageId });
  });

  it('refuses a member who is not an admin, in Chinese, and sends nothing', async () => {
    const fake = fakeLarkFor(deps.clock, { chatId: CHAT, members: MEMBERS.map((m) => m.openId) });
    const r = await postSummary({ ...deps, lark: fake.lark }, { evaluationId: evaluation.id, actor: MEMBERS[1]!.openId, trigger: 'command' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/管理员/);
    expect(fake.messagesIn(CHAT)).toHaveLength(0);
  });

  it('an admin may summarise before everyone answered: the card says how many rows are missing', async () => {
    const fake = fakeLarkFor(deps.clock, { chatId: CHAT, members: MEMBERS.map((m) => m.openId) });
    const r = await postSummary({ ...deps, lark: fake.lark }, { evaluationId: evaluation.id, actor: IMPORTER, trigger: 'deadline' });
    if (!r.ok) throw new Error(r.message);
    expect(r.open).toBe(evaluation.items.length);
    expect(JSON.stringify(fake.messagesIn(CHAT)[0]!.card)).toContain(`尚有 ${evaluation.items.length} 项未填报`);
    // nothing was reviewed, so the report does not claim it was
    const docx = fake.state.files.get((JSON.parse(fake.messagesIn(CHAT)[2]!.content) as { file_key: string }).file_key)!;
    const text = docxParagraphs(readZipEntry(docx.bytes, 'word/document.xml')).join('\n');
    expect(text).toContain(`另有${evaluation.items.length - 1}项指标尚未填报实际完成值，未计入得分`);
    expect(text).not.toContain('经审核确认');
  });

  it('posting again sends a new summary with its own card and files', async () => {
    await answerAll();
    const fake = fakeLarkFor(deps.clock, { chatId: CHAT, members: MEMBERS.map((m) => m.openId) });
    const first = await postSummary({ ...deps, lark: fake.lark }, { evaluationId: evaluation.id, actor: IMPORTER, trigger: 'command' });
    const second = await postSummary({ ...deps, lark: fake.lark }, { evaluationId: evaluation.id, actor: IMPORTER, trigger: 'command' });
    if (!first.ok || !second.ok) throw new Error('summary refused');
    expect(second.cardMessageId).not.toBe(first.cardMessageId);
    expect(fake.messagesIn(CHAT).map((m) => m.msgType)).toEqual(['interactive', 'file', 'file', 'interactive', 'file', 'file']);
  });

  it('a retry after a failure half-way does not post the card or a file twice', async () => {
    await answerAll();
    const fake = fakeLarkFor(deps.clock, { chatId: CHAT, members: MEMBERS.map((m) => m.openId) });
    let fileSends = 0;
    const flaky: LarkClient = {
      ...fake.lark,
      sendMessage: (type, id, message, opts) => {
        if (message.msgType === 'file' && ++fileSends === 2) return Promise.reject(new Error('connection reset'));
        return fake.lark.sendMessage(type, id, message, opts);
      },
    };
    await expect(postSummary({ ...deps, lark: flaky }, { evaluationId: evaluation.id, actor: IMPORTER, trigger: 'command' })).rejects.toThrow('connection reset');
    expect((await getEvaluation(deps.db, evaluation.id))!.summaryPostedAt).toBeNull();
    const retry = await postSummary({ ...deps, lark: flaky }, { evaluationId: evaluation.id, actor: IMPORTER, trigger: 'command' });
    if (!retry.ok) throw new Error(retry.message);
    expect(fake.messagesIn(CHAT).map((m) => m.msgType)).toEqual(['interactive', 'file', 'file']);
  });
});
