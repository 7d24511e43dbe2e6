import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../../src/domain/evaluation';
import { readZipEntry } from '../helpers/zip';

/**
 * The local workspace in a real browser: `npm start` with no Lark app, as a person starts it, driven in
 * Debian's chromium through playwright-core. The clerk uploads seed 003 T1, starts collecting, each owner
 * answers on their cards (李娜 is refused once for a missing 偏差原因), the admin approves, the summary
 * arrives with its chart, and both files download and open. Screenshots for the README go to docs/.
 * Needs `apt-get install chromium fonts-wqy-zenhei` (.ci/run installs them); skipped only without chromium.
 */
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = join(import.meta.dirname, '..', '..');
const SEED_XLSX = join(ROOT, 'test', 'fixtures', 'seeds', '003-t1.xlsx');
const SEED = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '003-t1.json'), 'utf8')) as EvaluationInput;
const DOCS = join(ROOT, 'docs');
const OWNERS = ['张伟', '李娜', '王芳'];
const CLERK = '赵敏';

if (!HAVE_CHROMIUM) console.warn(`workspace browser test skipped: ${CHROMIUM} is absent (apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei)`);

describe.skipIf(!HAVE_CHROMIUM)(`the local workspace in chromium (skipped when ${CHROMIUM} is absent)`, () => {
  let dir: string;
  let server: ChildProcess;
  let output = '';
  let base: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-workspace-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), JIXIAO_DB: join(dir, 'jixiao.sqlite') };
    for (const k of Object.keys(env)) if (k.startsWith('LARK_') || k === 'JIXIAO_INSECURE_LOCAL_DEV') delete env[k];
    server = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    // the banner names the page to open
    await waitFor(() => output.includes(`${base}/`), 150_000, () => output);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: ['--lang=zh-CN', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.setDefaultTimeout(30_000);
    mkdirSync(DOCS, { recursive: true });
  }, 200_000);

  afterAll(async () => {
    await context?.close();
    if (server?.pid && server.exitCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('opens within 3 s with everything a person looks for, in under 200 KB', async () => {
    const transferred = new Map<string, number>();
    const onFinished = async (request: import('playwright-core').Request) => {
      const sizes = await request.sizes();
      transferred.set(request.url(), sizes.responseBodySize + sizes.responseHeadersSize);
    };
    page.on('requestfinished', onFinished);
    const started = Date.now();
    await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { name: '项目绩效自评群' }).waitFor({ timeout: 3000 });
    console.log(`page shown after ${Date.now() - started} ms`);
    await expect.poll(() => page.locator('body').getAttribute('data-live'), { timeout: 10_000 }).toBe('on');
    page.off('requestfinished', onFinished);
    const total = [...transferred.values()].reduce((a, b) => a + b, 0);
    console.log(`first load: ${(total / 1024).toFixed(1)} KB over ${transferred.size} requests (${[...transferred.keys()].map((u) => new URL(u).pathname).join(', ')})`);
    expect(transferred.size).toBeGreaterThanOrEqual(3);
    expect(total).toBeLessThan(200 * 1024);

    await expect.poll(() => page.getByText('绩效自评助手').count()).toBeGreaterThan(0);
    const actAs = page.getByLabel('切换身份');
    for (const name of [CLERK, ...OWNERS, '陈强']) {
      expect(await actAs.locator('option', { hasText: name }).count()).toBe(1);
      await expect.poll(() => page.getByRole('link', { name: new RegExp(`${name}\\s*私聊`) }).count()).toBe(1);
    }
    await page.getByRole('textbox', { name: /输入|消息/ }).waitFor();
    await page.getByRole('button', { name: '发送' }).waitFor();
    // the bot greeted the group when it was added
    await page.locator('.lk-title', { hasText: '帮助' }).first().waitFor();

    // keyboard: from the top of the page, Tab reaches the chats, the act-as control, the message box and 发送
    await page.locator('body').focus();
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return `${el?.tagName ?? ''}#${el?.id ?? ''}:${(el?.textContent ?? '').trim().slice(0, 12)}`;
      }));
    }
    const list = [...reached].join(' | ');
    expect(list).toContain('SELECT#as');
    expect(list).toContain('TEXTAREA#msg');
    expect(list).toMatch(/BUTTON#:发送/);
    expect(list).toMatch(/A#:.?项目绩效自评群/);
  });

  it('runs the whole seed 003 T1 evaluation by clicking, from upload to the summary and its two files', async () => {
    await open(page, `${base}/`);

    // 1. the clerk sends the unit's own .xlsx as a file message, then replies to it 「@绩效自评助手 导入」
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /上传|附件/ }).click();
    await (await chooser).setFiles(SEED_XLSX);
    const fileMessage = page.locator('li.msg', { hasText: '003-t1.xlsx' });
    await fileMessage.waitFor();
    await fileMessage.getByRole('button', { name: /^回复/ }).click();
    const box = page.getByRole('textbox', { name: /输入|消息/ });
    await box.fill('@绩效自评助手 导入');
    await box.press('Enter');

    // 2. the preview: a deadline typed into the 截止 field, then 开始收集
    const preview = cardTitled(page, '导入预览');
    await preview.waitFor({ timeout: 60_000 });
    const deadline = chinaDate(Date.now(), 10);
    const due = preview.getByLabel(/截止/);
    await due.fill(deadline);
    expect(await due.inputValue()).toBe(deadline);
    await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: join(DOCS, 'workspace-group.png') });
    await pressAndWait(page, preview, preview.getByRole('button', { name: '开始收集' }));
    await page.getByText(/已开始收集/).first().waitFor();

    // 3. time travel: the owners' DM reminder arrives without waiting days
    await page.getByRole('button', { name: '快进到下一次提醒' }).click();
    await page.getByText(/私聊提醒未填完的责任人/).first().waitFor();

    // 4. every owner answers on their cards; 李娜 first forgets the 偏差原因 on a row below target
    let refused = false;
    let entryShot = false;
    for (const name of [...OWNERS, CLERK]) {
      await page.getByRole('link', { name: new RegExp(`${name}\\s*私聊`) }).click();
      await page.locator('#chat-title', { hasText: name }).waitFor();
      await expect.poll(() => page.getByLabel('切换身份').inputValue()).not.toBe('');
      await page.locator('.lk-title', { hasText: '绩效自评填报提醒' }).first().waitFor();
      for (let guard = 0; guard < 10; guard++) {
        const open = page.locator('li.msg', { has: page.locator('[data-field=actual]') }).last();
        if ((await open.count()) === 0) break;
        // the card's message, by id: its content changes with every answer
        const card = page.locator(`[id="${await open.getAttribute('id')}"]`);
        const title = (await card.locator('.lk-title').textContent())!.replace(/^填报：/, '');
        const row = answerFor(title);
        if (!entryShot) {
          await card.scrollIntoViewIfNeeded();
          await card.locator('.card-wrap').screenshot({ path: join(DOCS, 'workspace-entry.png') });
          entryShot = true;
        }
        if (row.band) await card.locator('[data-field=band]').selectOption(row.band);
        await card.locator('[data-field=actual]').fill(row.actual);
        const deliberate = name === '李娜' && !refused && row.belowTarget;
        if (deliberate) await card.locator('[data-field=reason]').fill('');
        await pressAndWait(page, card, card.getByRole('button', { name: /^提交/ }));
        if (deliberate) {
          await card.getByText(/请填写.*偏差原因/).first().waitFor();
          refused = true;
        }
        if ((await card.locator('.lk-title').textContent()) === `填报：${title}`) {
          // refused: the rules ask for a reason here (below target, or far above it); the card kept what was typed
          expect(await card.locator('[data-field=actual]').inputValue()).toBe(row.actual);
          await card.locator('[data-field=reason]').fill(row.reason);
          await pressAndWait(page, card, card.getByRole('button', { name: /^提交/ }));
        }
        expect(await card.locator('.lk-title').textContent()).not.toBe(`填报：${title}`);
      }
    }
    expect(refused).toBe(true);

    // 5. the admin approves every owner's rows on the review cards in her DM
    await page.getByRole('link', { name: new RegExp(`${CLERK}\\s*私聊`) }).click();
    await page.locator('#chat-title', { hasText: CLERK }).waitFor();
    // one review card per owner, sent as each finishes their last row
    const reviewCards = page.locator('li.msg', { has: page.locator('.lk-title', { hasText: /^审核：/ }) });
    await expect.poll(() => reviewCards.count(), { timeout: 60_000 }).toBe(OWNERS.length + 1);
    const decidable = /^(本页全部通过|通过$)/;
    for (const id of await reviewCards.evaluateAll((els) => els.map((e) => e.id))) {
      const card = page.locator(`[id="${id}"]`);
      for (let guard = 0; guard < 6; guard++) {
        const all = card.locator('button:not([disabled])', { hasText: /^本页全部通过/ });
        const one = card.locator('button:not([disabled])', { hasText: /^通过$/ });
        if ((await all.count()) > 0) await pressAndWait(page, card, all.first());
        else if ((await one.count()) > 0) await pressAndWait(page, card, one.first());
        else break;
      }
      expect(await card.locator('button:not([disabled])', { hasText: decidable }).count()).toBe(0);
    }
    const reviewed = await reviewCards.allTextContents();

    // 6. the summary with its chart, then the 自评表 and 自评报告, in the group
    await page.getByRole('link', { name: /项目绩效自评群/ }).click();
    const summary = cardTitled(page, '绩效自评汇总');
    await summary.waitFor({ timeout: 90_000 }).catch(async (error: unknown) => {
      const titles = await page.locator('.lk-title, .bubble.text').allTextContents();
      throw new Error(`no summary in the group; it shows: ${titles.join(' | ')}\nreviews:\n${reviewed.join('\n')}\nserver:\n${output.slice(-3000)}`, { cause: error });
    });
    expect(await summary.locator('svg rect').count()).toBeGreaterThan(10);
    expect(await summary.locator('.lk-unknown').count()).toBe(0);
    const xlsxLink = page.locator('li.msg', { hasText: '.xlsx' }).filter({ has: page.locator('a.file-dl') }).last();
    const docxLink = page.locator('li.msg', { hasText: '.docx' }).filter({ has: page.locator('a.file-dl') }).last();
    await docxLink.waitFor({ timeout: 60_000 });
    // the card is taller than the window: a tall window shows all of it
    await page.setViewportSize({ width: 1280, height: 2000 });
    await summary.scrollIntoViewIfNeeded();
    await summary.locator('.card-wrap').screenshot({ path: join(DOCS, 'workspace-summary.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    const xlsx = await download(page, xlsxLink.locator('a.file-dl'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    expect(JSON.stringify(workbook.worksheets[0]!.getSheetValues())).toContain(SEED.project.name);
    const docx = await download(page, docxLink.locator('a.file-dl'));
    expect(readZipEntry(docx, 'word/document.xml')).toContain(SEED.project.name);

    // 7. the admin locks it from the 总览 card; 锁定 asks first, in a dialog the keyboard can answer
    await box.fill('@绩效自评助手 总览');
    await box.press('Enter');
    const overview = cardTitled(page, '总览');
    await overview.waitFor();
    await overview.getByRole('button', { name: /^锁定/ }).click();
    const dialog = page.getByRole('dialog', { name: '锁定本次自评？' });
    await dialog.waitFor();
    const [locked] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/press'), page.keyboard.press('Enter')]);
    expect(locked.ok()).toBe(true);
    await overview.getByText(/已由 赵敏 于 .* 锁定/).waitFor();
  }, 600_000);

  // Needs the collection handlers to keep the imported 实际完成值 and offer it as the input's default
  // (see the report of issue 17); the table's values are typed in above until then.
  it.todo('prefills each owner’s 实际完成值 from a table that already holds actuals (seed 003 T1)');

  it('reads in English, fits a phone, shows every gallery card without a red box, and resets', async () => {
    await open(page, `${base}/?lang=en_us`);
    await page.getByLabel('Act as').waitFor();
    await page.locator('.lk-title', { hasText: 'Performance self-evaluation · Help' }).first().waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `${base}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.getByRole('textbox', { name: /输入|消息/ }).scrollIntoViewIfNeeded();
    expect(await page.getByRole('button', { name: '发送' }).isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, `${base}/cards`);
    await page.locator('h2', { hasText: /^导入预览$/ }).waitFor();
    expect(await page.locator('section .lk-card').count()).toBeGreaterThanOrEqual(25);
    expect(await page.locator('.lk-unknown').count()).toBe(0);

    // 重置工作区: after a confirmation, a fresh workspace with only the bot's welcome in the group
    await open(page, `${base}/`);
    await page.getByRole('button', { name: '重置工作区' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.waitForURL(`${base}/`);
    await expect.poll(() => page.locator('li.msg').count(), { timeout: 30_000 }).toBe(1);
    await page.locator('.lk-title', { hasText: '帮助' }).waitFor();
  }, 120_000);
});

/** Opens a workspace page and waits until its live updates are connected. */
async function open(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (new URL(url).pathname === '/') await expect.poll(() => page.locator('body').getAttribute('data-live'), { timeout: 15_000 }).toBe('on');
}

function cardTitled(page: Page, title: string): Locator {
  return page.locator('li.msg', { has: page.locator('.lk-title', { hasText: title }) }).last();
}

/**
 * Presses a card button and waits until the page shows the card the bot answered with: the press's
 * response names the card's version after the answer, which arrives over the live events.
 */
async function pressAndWait(page: Page, message: Locator, button: Locator) {
  const id = (await message.getAttribute('id'))!;
  const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/press'), button.click()]);
  const answer = (await response.json()) as { version?: number; error?: string };
  if (answer.version === undefined) return answer;
  await page.waitForFunction(([id, version]) => Number(document.querySelector(`#${CSS.escape(id)} .card-wrap`)?.getAttribute('data-v')) >= version, [id, answer.version] as const, { timeout: 30_000 });
  return answer;
}

async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  const bytes = readFileSync(path!);
  expect(bytes.subarray(0, 4).toString('binary')).toBe('PK\x03\x04');
  return bytes;
}

/** What the owner types for a row of seed 003 T1, found by the name the card asks about. */
function answerFor(title: string): { actual: string; band?: string; reason: string; belowTarget: boolean } {
  const reason = '按台账核对：部分培训因外地举办费用无法报销未开展，下一年度提前报批培训计划。';
  if (title.startsWith('预算执行率')) return { actual: String(SEED.budget.executed), reason, belowTarget: true };
  const row = SEED.indicators.find((i) => i.name === title || title.startsWith(i.name.slice(0, 20)));
  if (!row) throw new Error(`no seed row for the card 「${title}」`);
  const qualitative = !/\d/.test(row.target);
  const target = Number(/\d+(\.\d+)?/.exec(row.target)?.[0] ?? NaN);
  const actual = Number(/\d+(\.\d+)?/.exec(String(row.actual))?.[0] ?? NaN);
  return qualitative
    ? { actual: `全年完成情况良好（完成程度 ${String(row.actual)}）`, band: '达成', reason, belowTarget: false }
    : { actual: String(row.actual), reason: row.deviationReason ?? reason, belowTarget: actual < target };
}

function chinaDate(ms: number, plusDays: number): string {
  return new Date(ms + 8 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

async function waitFor(check: () => boolean, ms: number, detail: () => string) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out; output so far:\n${detail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
