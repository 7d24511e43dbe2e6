import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submitValue } from '../../src/features/collection/service';
import { evaluationInputSchema } from '../../src/domain/evaluation';
import { scoreEvaluation } from '../../src/domain/scoring/score-evaluation';
import { openSqlite } from '../../src/node/sqlite';
import { systemClock } from '../../src/platform/clock';
import { jixiao, tempDir, writeT1Csv } from '../helpers/cli';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe('jixiao export', { timeout: 120_000 }, () => {
  it('writes the collected evaluation as JSON that `jixiao score` accepts', async () => {
    const db = join(dir, 'db.sqlite');
    const imported = jixiao([
      'import', writeT1Csv(dir), '--chat', 'oc_group', '--admin', 'ou_admin',
      '--owner', '张伟=ou_zhangwei', '--owner', '李娜=ou_lina', '--owner', '王芳=ou_wangfang',
      '--deadline', '2099-10-09', '--start', '--json', '--db', db,
    ]);
    const { evaluationId } = JSON.parse(imported.stdout);

    // Every owner answers with the seed's figures, giving reasons where the rules ask for them.
    const seed = evaluationInputSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seeds', '003-t1.json'), 'utf8')));
    const opened = await openSqlite(db);
    const deps = { db: opened.db, clock: systemClock };
    const items = await opened.db
      .selectFrom('indicators')
      .select(['id', 'position', 'owner_open_id'])
      .where('evaluation_id', '=', evaluationId)
      .orderBy('position')
      .execute();
    for (const item of items) {
      const row = item.position === 0 ? null : seed.indicators[item.position - 1]!;
      const answer = row
        ? { actual: row.actual == null ? null : String(row.actual), band: row.band ?? null, score: row.score ?? null }
        : { actual: String(seed.budget.executed) };
      const r = await submitValue(deps, {
        itemId: item.id, actor: item.owner_open_id!, expectedVersion: 0, ...answer, deviationReason: row?.deviationReason ?? '已说明原因',
      });
      if (!r.ok) throw new Error(r.message);
    }
    await opened.close();

    const out = join(dir, 'export.json');
    const r = jixiao(['export', evaluationId, '--json', '--out', out, '--db', db]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const exported = evaluationInputSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(exported.indicators).toHaveLength(13);
    expect(scoreEvaluation(exported).total).toBe(94);
    const scored = jixiao(['score', out, '--json']);
    expect(scored).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(scored.stdout)).toMatchObject({ total: 94, grade: '优' });

    const printed = jixiao(['export', evaluationId, '--json', '--db', db]);
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(readFileSync(out, 'utf8')));
  });

  it('exits 1 for an unknown evaluation', () => {
    expect(jixiao(['export', 'ev_nothing', '--json', '--db', join(dir, 'db.sqlite')])).toMatchObject({ code: 1, stderr: expect.stringContaining('找不到评价') });
  });
});
