import { describe, expect, it } from 'vitest';
import { newId } from '../../../../src/features/collection/service/ids';

describe('newId', () => {
  it('sorts in creation order, even many within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => newId('ev'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
    expect(ids[0]).toMatch(/^ev_[0-9a-hjkmnp-tv-z]{15}$/);
  });
});
