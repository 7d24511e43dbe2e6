import { createFakeLark } from '../../fake-lark';
import { listenFakeLark } from '../../fake-lark/listen';
import { createNodeCrypto } from '../../node/crypto-node';

const USAGE = `用法 / usage:
  jixiao fake-lark [--port N] [--app URL]   启动模拟飞书开放平台 / serve a fake Lark Open Platform on 127.0.0.1
  jixiao fake-lark --app URL --challenge    向应用发送一次签名的 url_verification / send one signed challenge and exit
  jixiao fake-lark --ws [--port N]          长连接模式：机器人以 LARK_EVENT_MODE=ws 连接 / long-connection mode (the bot's WSClient connects to it)
Keys: --verification-token T --encrypt-key K (defaults: fake-verification-token / fake-encrypt-key)`;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** A fake Lark for trying the bot by hand: point LARK_BASE_URL at it, and it sends signed events to --app. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const app = option(argv, '--app');
  const ws = argv.includes('--ws');
  const fake = createFakeLark({
    crypto: createNodeCrypto(),
    // The SDK's WSClient only starts for app ids shaped cli_ + 16 hex digits.
    ...(ws ? { appId: 'cli_fa4e0000000000a1', eventMode: 'ws' as const } : {}),
    verificationToken: option(argv, '--verification-token'),
    encryptKey: option(argv, '--encrypt-key'),
  });
  if (app) fake.connect({ url: app });

  if (argv.includes('--challenge')) {
    if (!app) {
      console.error('--challenge needs --app URL (the bot, e.g. http://127.0.0.1:8787)');
      return 2;
    }
    const d = await fake.challenge();
    const ok = d.status === 200 && (d.response as { challenge?: string } | null)?.challenge === d.eventId;
    console.log(ok ? `✓ challenge answered (HTTP ${d.status}): ${JSON.stringify(d.response)}` : `✗ challenge not answered correctly: HTTP ${d.status} ${JSON.stringify(d.response)}`);
    return ok ? 0 : 1;
  }

  const port = Number(option(argv, '--port') ?? 0);
  const server = await listenFakeLark(fake, port);
  console.log(`fake Lark listening on ${server.baseUrl}. Start the bot with:`);
  for (const [k, v] of Object.entries(fake.env(server.baseUrl))) console.log(`  export ${k}=${v}`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.close();
  return 0;
}
