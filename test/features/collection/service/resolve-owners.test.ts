import { describe, expect, it } from 'vitest';
import { resolutionFor, resolveOwners } from '../../../../src/features/collection/service';

const members = [
  { openId: 'ou_a1', name: '张伟' },
  { openId: 'ou_a2', name: '张伟' },
  { openId: 'ou_b1', name: '李娜' },
  { openId: 'ou_c1', name: 'Wang Fang' },
];

describe('resolveOwners', () => {
  it('matches a unique name, tolerating the padding tables put inside names', async () => {
    const map = await resolveOwners(['李娜', ' 李 娜 ', 'wang  fang'], { members });
    expect(resolutionFor(map, '李娜')).toEqual({ status: 'resolved', raw: '李娜', openId: 'ou_b1', name: '李娜', via: 'name' });
    expect(resolutionFor(map, ' 李 娜 ')).toMatchObject({ status: 'resolved', openId: 'ou_b1' });
    expect(resolutionFor(map, 'wang  fang')).toMatchObject({ status: 'resolved', openId: 'ou_c1' });
  });

  it('lists a name shared by two members as ambiguous with both candidates, never picks one', async () => {
    const map = await resolveOwners(['张伟'], { members });
    expect(resolutionFor(map, '张伟')).toEqual({
      status: 'ambiguous',
      raw: '张伟',
      candidates: [
        { openId: 'ou_a1', name: '张伟' },
        { openId: 'ou_a2', name: '张伟' },
      ],
    });
  });

  it('reports names that match nobody, and does not match on a part of a name', async () => {
    const map = await resolveOwners(['王芳', '李'], { members });
    expect(resolutionFor(map, '王芳')).toEqual({ status: 'not_found', raw: '王芳' });
    expect(resolutionFor(map, '李')).toEqual({ status: 'not_found', raw: '李' });
  });

  it('takes an open_id as it is, with the member name when the person is in the group', async () => {
    const map = await resolveOwners(['ou_b1', 'ou_zz9'], { members });
    expect(resolutionFor(map, 'ou_b1')).toEqual({ status: 'resolved', raw: 'ou_b1', openId: 'ou_b1', name: '李娜', via: 'open_id' });
    expect(resolutionFor(map, 'ou_zz9')).toEqual({ status: 'resolved', raw: 'ou_zz9', openId: 'ou_zz9', name: null, via: 'open_id' });
  });

  it('looks emails and mobiles up in one batch, in the forms people write mobiles', async () => {
    const queries: Array<{ emails: string[]; mobiles: string[] }> = [];
    const map = await resolveOwners(['Li.Na@example.cn', '138 0013 8000', '+86-139-0000-0000', 'nobody@example.cn'], {
      members,
      lookupContacts: async (q) => {
        queries.push(q);
        return [
          { email: 'li.na@example.cn', openId: 'ou_b1' },
          { mobile: '+8613800138000', openId: 'ou_c1' },
          { mobile: '13900000000', openId: null },
          { email: 'nobody@example.cn', openId: null },
        ];
      },
    });
    expect(queries).toEqual([{ emails: ['li.na@example.cn', 'nobody@example.cn'], mobiles: ['13800138000', '13900000000'] }]);
    expect(resolutionFor(map, 'Li.Na@example.cn')).toMatchObject({ status: 'resolved', openId: 'ou_b1', name: '李娜', via: 'email' });
    expect(resolutionFor(map, '138 0013 8000')).toMatchObject({ status: 'resolved', openId: 'ou_c1', via: 'mobile' });
    expect(resolutionFor(map, '+86-139-0000-0000')).toEqual({ status: 'not_found', raw: '+86-139-0000-0000' });
    expect(resolutionFor(map, 'nobody@example.cn')).toEqual({ status: 'not_found', raw: 'nobody@example.cn' });
  });

  it('cannot resolve emails without a lookup (the CLI) and says so instead of guessing', async () => {
    const map = await resolveOwners(['li.na@example.cn'], { members });
    expect(resolutionFor(map, 'li.na@example.cn')).toEqual({ status: 'not_found', raw: 'li.na@example.cn' });
  });

  it('treats empty cells as missing owners', async () => {
    const map = await resolveOwners([null, '  '], { members });
    expect(map.size).toBe(0);
    expect(resolutionFor(map, '  ')).toEqual({ status: 'missing', raw: null });
    expect(resolutionFor(map, undefined)).toEqual({ status: 'missing', raw: null });
  });
});
