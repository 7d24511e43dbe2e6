import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeLark } from '../../src/fake-lark';
import { listenFakeLark } from '../../src/fake-lark/listen';
import { tempDbPath } from '../helpers/db';
import { testCrypto } from '../helpers/signing';

const ROOT = join(import.meta.dirname, '..', '..');

/** `npm start` as a newcomer runs it: a real process, configured only through environment variables. */
function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function waitFor(check: () => boolean, ms = 20_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('stops with one line naming a bad variable', async () => {
    const { child, output } = start({ PORT: 'eighty', LARK_APP_ID: '', LARK_APP_SECRET: '' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output().trim().split('\n').filter((l) => !l.startsWith('npm warn'))).toEqual([
      '配置错误 / configuration error — PORT: must be a whole number from 1 to 65535 (got "eighty")',
    ]);
  });

  it('without a Lark app, starts in local mode, says so in one plain line and how to connect a real app', async () => {
    const db = tempDbPath();
    cleanups.push(db.cleanup);
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const { child, output } = start({ PORT: String(port), JIXIAO_DB: db.path, LARK_APP_ID: '', LARK_APP_SECRET: '', LARK_VERIFICATION_TOKEN: '', LARK_ENCRYPT_KEY: '' });
    cleanups.push(async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    });
    await waitFor(() => output().includes('本地模式'));
    const banner = output().split('\n').filter((l) => l.startsWith('本地模式'));
    expect(banner).toHaveLength(1);
    expect(banner[0]).toContain('LARK_APP_ID');
    expect(banner[0]).toContain(`http://127.0.0.1:${port}/`);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', mode: 'local' });
    // the local workspace (src/workspace) is served in local mode
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('绩效自评助手');
  });

  it('pointed at the fake Lark, answers its signed challenge and acknowledges signed events', async () => {
    const fake = createFakeLark({ crypto: testCrypto });
    const server = await listenFakeLark(fake);
    cleanups.push(server.close);
    const db = tempDbPath();
    cleanups.push(db.cleanup);
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const { child, output } = start({ ...fake.env(server.baseUrl), PORT: String(port), JIXIAO_DB: db.path, LARK_EVENT_MODE: 'webhook' });
    cleanups.push(async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    });
    await waitFor(() => output().includes('jixiao listening'));

    fake.connect({ url: `http://127.0.0.1:${port}` });
    const challenge = await fake.challenge();
    expect(challenge.status).toBe(200);
    expect(challenge.response).toEqual({ challenge: challenge.eventId });

    const u = fake.addUser({ name: '张伟' });
    const sent = await fake.sendMessageEvent({ sender: u.openId, text: '帮助' });
    expect(sent.delivery!.status).toBe(200);
    const forged = await fake.challenge({ token: 'not-the-token' });
    expect(forged.status).toBe(401);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', mode: 'lark', eventMode: 'webhook' });
    // never the local workspace when a Lark app is configured
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/cards`)).status).toBe(404);
  });
});
