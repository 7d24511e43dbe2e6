/**
 * The collection flow as a person feels it: a signed, encrypted card callback through the real app
 * (verify, dedupe, handler, scoring, versioned write, answer card) against the embedded fake Lark,
 * and the time to draw the biggest cards with 60 rows. Printed beside Lark's 3 s callback window
 * (2 s handler budget) and the 30 KB / 200-component card limits.
 */
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { cardBytes, countComponents } from '#cards/shared/limits';
import { findEvaluationsInChat } from '../src/features/collection';
import { recapCard } from '../src/features/collection/handlers/views/entry';
import { previewCardFor } from '../src/features/collection/handlers/views/preview';
import { reviewCardFor } from '../src/features/collection/handlers/views/review';
import { createLocalBot } from '../src/node/local-mode';
import { openSqlite } from '../src/node/sqlite';
import { silentLogger } from '../src/platform/log';

const OWNER = { openId: 'ou_bench_owner', name: '张伟' };
const CLERK = { openId: 'ou_bench_clerk', name: '赵敏' };
const GROUP = 'oc_bench';
const ROWS = 60;
const PASTED = [
  '项目名称\t基准测试项目',
  '全年预算数\t600',
  '一级指标\t二级指标\t三级指标\t年度指标值\t分值\t责任人',
  ...Array.from({ length: ROWS }, (_, i) => `产出指标\t数量指标\t对小额贷款公司、融资担保公司进行现场督导检查（第${i + 1}批）\t≥25家\t1.5\t张伟`),
].join('\n');

function quantiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1]! };
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function run(): Promise<void> {
  const { db, close } = await openSqlite(':memory:');
  try {
    const bot = await createLocalBot({ db, log: silentLogger });
    const { fake } = bot;
    fake.addUser(OWNER);
    fake.addUser(CLERK);
    fake.addChat({ chatId: GROUP, name: '基准群', members: [OWNER.openId, CLERK.openId] });
    await fake.sendMessageEvent({ sender: CLERK.openId, chatId: GROUP, mentionBot: true, text: PASTED });
    await bot.settle();
    await fake.pressButton(fake.lastCard(GROUP)!, { operator: CLERK.openId, action: A.previewStart, formValue: { deadline: '2099-12-31 +0800' } });
    await bot.settle();

    // 60 first answers, then 3 rounds of revisions from the recap: 240 callbacks through the app.
    const press: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (let i = 0; i < ROWS; i += 1) {
        // revisions start from the recap's 修改 on row i (not timed), then the timed submit
        if (round > 0) await fake.pressButton(fake.lastCard(OWNER.openId)!, { operator: OWNER.openId, action: A.recapEdit, index: i % 25 });
        const t = performance.now();
        const r = await fake.pressButton(fake.lastCard(OWNER.openId)!, { operator: OWNER.openId, action: A.entrySubmit, formValue: { actual: String(25 + round) } });
        press.push(performance.now() - t);
        if (r.toast?.type !== 'success') throw new Error(`submit refused: ${r.toast?.content}`);
      }
      await bot.settle();
    }

    const [evaluation] = await findEvaluationsInChat(db, { tenantKey: 'tenant_local', chatId: GROUP });
    const draw = (build: () => unknown, n = 200) => {
      const times: number[] = [];
      for (let i = 0; i < n; i += 1) {
        const t = performance.now();
        build();
        times.push(performance.now() - t);
      }
      return quantiles(times);
    };
    const cards = [
      ['import preview (60 rows)', () => previewCardFor(evaluation!, [CLERK, OWNER])],
      ['entry recap (60 rows, page 1)', () => recapCard(evaluation!, OWNER.openId)],
      ['review batch (60 rows, page 1)', () => reviewCardFor(evaluation!, OWNER.openId)],
    ] as const;

    const p = quantiles(press);
    console.log('\ncollection flow through the app (signed card callback → handler → commit → answer card)');
    console.log('  operation                          n      p50        p99        max        budget');
    console.log(`  owner submit, end to end        ${String(p.n).padStart(5)}  ${ms(p.p50).padEnd(10)} ${ms(p.p99).padEnd(10)} ${ms(p.max).padEnd(10)} 2000 ms handler / 3000 ms Lark`);
    console.log('  card                             bytes   components  draw p50   draw p99   limits');
    for (const [name, build] of cards) {
      const card = build() as Parameters<typeof cardBytes>[0];
      const q = draw(build);
      console.log(`  ${name.padEnd(32)} ${String(cardBytes(card)).padStart(6)}  ${String(countComponents(card)).padStart(10)}  ${ms(q.p50).padEnd(10)} ${ms(q.p99).padEnd(10)} 30720 B / 200`);
    }
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
