import { describe, expect, it } from 'vitest';
import type { FeatureDeps } from '../../../../../src/features/shared/feature';
import { refreshProgressCard } from '../../../../../src/features/collection/handlers/notify/progress';
import { createTestDb } from '../../../../helpers/db';
import { createEvaluation, setDeadline, startCollection } from '../../../../../src/features/collection/service';
import type { CardJson, LarkClient } from '../../../../../src/transport/contract';
import { silentLogger } from '../../../../../src/platform/log';

/** A burst of answers posts the progress card once and patches it at most once more, not once per answer. */
describe('refreshProgressCard', () => {
  it('coalesces a burst of refreshes while the first is still sending', async () => {
    const { db, close } = await createTestDb();
    const clock = { now: () => new Date('2026-11-23T02:00:00Z') };
    const created = await createEvaluation(
      { db, clock },
      {
        tenantKey: 't',
        chatId: 'oc_g',
        importerOpenId: 'ou_a',
        input: { project: { name: '项目' }, budget: { fullYear: 100 }, indicators: [{ level1: '产出指标', level2: '数量指标', name: '培训', target: '≥10次', weight: 90, owner: 'ou_a' }] },
        owners: new Map([['ou_a', { status: 'resolved', raw: 'ou_a', openId: 'ou_a', name: '甲', via: 'open_id' }]]),
      },
    );
    await setDeadline({ db, clock }, { evaluationId: created.evaluation.id, actor: 'ou_a', deadline: '2026-12-01' });
    await startCollection({ db, clock }, { evaluationId: created.evaluation.id, actor: 'ou_a' });

    const patches: CardJson[] = [];
    const sends: CardJson[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const lark = {
      async sendMessage(_t: string, _id: string, m: { content: unknown }) {
        sends.push(m.content as CardJson);
        await gate; // the first send is slow, as under Lark's per-chat rate limit
        return { messageId: 'om_progress' };
      },
      async patchCard(_id: string, card: CardJson) {
        patches.push(card);
      },
    } as unknown as LarkClient;
    const deps: FeatureDeps = { db, clock, lark, log: silentLogger, later: (work) => void work() };

    const burst = Array.from({ length: 20 }, () => refreshProgressCard(deps, created.evaluation.id));
    release();
    await Promise.all(burst);
    expect(sends).toHaveLength(1);
    expect(patches.length).toBeLessThanOrEqual(1);
    await close();
  });
});
