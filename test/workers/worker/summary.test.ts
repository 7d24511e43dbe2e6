import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { getEvaluation, submitValue } from '../../../src/features/collection/service';
import { manualClock } from '../../../src/platform/clock';
import { memoryLogger } from '../../../src/platform/log';
import { createWorker } from '../../../src/worker/create-worker';
import { openD1 } from '../../../src/worker/d1-database';
import type { WorkerEnv } from '../../../src/worker/env';
import { docxParagraphs, readZipEntry } from '../../helpers/zip';
import { fakeLarkForWorker, IMPORTER, seedT1, sh, startT1 } from '../../helpers/worker';

// After the deadline: the cron's daily admin card, the admin's 按现有数据汇总 press, and the summary
// with both documents (.xlsx built by exceljs, .docx by docx) generated and uploaded by the Worker.
describe('Worker entry: summary with reports', () => {
  it('posts the summary card, the 自评表 .xlsx and the 自评报告 .docx to the group', async () => {
    const clock = manualClock(sh('2026-09-24', '10:00'));
    const db = openD1(env.DB);
    const chatId = `oc_wd_${crypto.randomUUID().slice(0, 8)}`;
    const evaluation = await startT1({ db, clock }, chatId);
    const workerEnv = env as unknown as WorkerEnv;
    const fake = fakeLarkForWorker(clock, chatId);
    const log = memoryLogger();
    const worker = createWorker({ clock, larkFetch: fake.fetch, log });
    fake.connect({
      fetch: async (request) => {
        const ctx = createExecutionContext();
        const response = await worker.fetch!(request as never, workerEnv, ctx);
        await waitOnExecutionContext(ctx);
        return response as unknown as Response;
      },
    });

    // Everyone but the importer (who owns the budget line) answered before the deadline.
    clock.set(sh('2026-09-28', '11:00'));
    for (const item of evaluation.items.filter((i) => i.kind !== 'budget')) {
      const seed = seedT1.indicators[item.position - 1]!;
      const result = await submitValue({ db, clock }, {
        itemId: item.id,
        actor: item.owner.openId!,
        expectedVersion: item.value.version,
        actual: String(seed.actual),
        band: seed.band ?? null,
        deviationReason: '部分工作受客观因素影响，已制定改进措施',
      });
      if (!result.ok) throw new Error(`${item.name}: ${result.message}`);
    }

    // Saturday 10 Oct (a 调休 working day) 09:30: the admin's daily card about the open budget line.
    clock.set(sh('2026-10-10', '09:30'));
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: clock.now().getTime(), cron: '* * * * *' }), workerEnv, ctx);
    await waitOnExecutionContext(ctx);
    const adminCard = fake.lastCard(IMPORTER);
    expect(JSON.stringify(adminCard?.card)).toContain('reminder.summarize');

    const pressed = await fake.pressButton(adminCard!, { operator: IMPORTER, action: 'reminder.summarize' });
    expect(pressed.status).toBe(200);
    expect(pressed.clientError).toBeUndefined();

    const files = await vi.waitFor(
      () => {
        const sent = fake.messagesTo(chatId).filter((m) => m.msgType === 'file');
        if (sent.length < 2) throw new Error(`${sent.length} files in the group so far`);
        return sent.map((m) => fake.file((JSON.parse(m.content) as { file_key: string }).file_key)!);
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(fake.messagesTo(chatId).some((m) => m.msgType === 'interactive' && m.content.includes('金融监管专项经费'))).toBe(true);

    const xlsx = files.find((f) => f.fileName.endsWith('.xlsx'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes.slice().buffer as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('C3').value).toBe('金融监管专项经费');

    const docx = files.find((f) => f.fileName.endsWith('.docx'))!;
    const text = docxParagraphs(readZipEntry(docx.bytes, 'word/document.xml')).join('\n');
    expect(text).toContain('金融监管专项经费');
    expect(text).toContain('绩效自评报告');

    const stored = await getEvaluation(db, evaluation.id);
    expect(stored?.summaryPostedAt ?? null).not.toBeNull();
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
