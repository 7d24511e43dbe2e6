import { describe, expect, it } from 'vitest';
import { targetFromName } from '../../../src/import/tables/name-target';

describe('targets written into the indicator name', () => {
  it.each([
    ['资金拨付及时率100%', '资金拨付及时率', '100%'],
    ['补助发放户数≥350户', '补助发放户数', '≥350户'],
    ['项目验收合格率达到95%', '项目验收合格率', '达到95%'],
    ['新建公厕10座', '新建公厕', '10座'],
    ['验收合格', '验收合格', '验收合格'],
    ['资金及时到位', '资金及时到位', '资金及时到位'],
  ])('%s → %s / %s', (name, rest, target) => {
    expect(targetFromName(name)).toMatchObject({ name: rest, target });
  });

  it.each(['宣传品数量', '2019年选派干部人数', '国道318线养护', 'G318', '帮扶政策知晓率', '满意度'])('%s has no target in it', (name) => {
    expect(targetFromName(name)).toBeNull();
  });
});
