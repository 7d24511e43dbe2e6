import { describe, expect, it } from 'vitest';
import { button, card, form, input, markdown, selectStatic, table } from '#cards/shared/elements';
import { cardBytes, checkCardLimits, countElements, requestBytes } from '#cards/shared/limits';
import type { CardJson } from '../../../src/transport/contract';

const ok = () => card({ title: 't', elements: [markdown('hello')] });

describe('checkCardLimits', () => {
  it('accepts a small valid card', () => {
    expect(checkCardLimits(ok())).toEqual([]);
  });

  it('requires update_multi and schema 2.0', () => {
    const c = ok() as CardJson & { config: Record<string, unknown> };
    c.config.update_multi = false;
    expect(checkCardLimits(c)).toContain('config.update_multi must be true (2.0 cards are shared cards)');
    expect(checkCardLimits({ ...ok(), schema: '1.0' } as unknown as CardJson)).toContain('schema must be "2.0"');
  });

  it('counts as Lark counts: every tagged object, text elements and select options included', () => {
    // header title (1) + 199 markdown = 200: at the limit; one more is over
    const at = card({ title: 't', elements: Array.from({ length: 199 }, () => markdown('x')) });
    expect(countElements(at)).toBe(200);
    expect(checkCardLimits(at)).toEqual([]);
    const over = card({ title: 't', elements: Array.from({ length: 200 }, () => markdown('x')) });
    expect(checkCardLimits(over).join()).toMatch(/201 elements/);
    // a button is 2 (button + its text), a confirm adds 2, a select with 3 options is 1 + placeholder + 3 × (option + text)
    const b = card({ title: 't', elements: [button({ text: 'ok', value: { action: 'x', rev: 1 }, confirm: { title: '确定？', text: '不可撤销' } })] });
    expect(countElements(b)).toBe(1 + 4);
    const sel = card({
      title: 't',
      elements: [form('f', [selectStatic({ name: 's', placeholder: '选', options: ['a', 'b', 'c'].map((v) => ({ text: v, value: v })) }), button({ text: 'ok', name: 'b', formAction: 'submit', value: { action: 'x', rev: 1 } })])],
    });
    expect(countElements(sel)).toBe(1 + 1 + (1 + 1 + 3 * 2) + 2);
  });

  it('measures 30 KB on the request body, where the card is an escaped string: a card under 30 KB can be refused', () => {
    // quotes double in the body: ~28 KB of card JSON is well over 30,000 bytes once escaped
    const quoted = card({ title: 't', elements: Array.from({ length: 90 }, () => markdown('"'.repeat(120))) });
    expect(cardBytes(quoted)).toBeLessThan(30_000);
    expect(requestBytes(quoted)).toBeGreaterThan(30_000);
    expect(checkCardLimits(quoted).join()).toMatch(/request body carrying the card is \d+ bytes, over the 30000-byte limit/);
    const big = card({ title: 't', elements: [markdown('字'.repeat(11_000))] });
    expect(checkCardLimits(big).join()).toMatch(/over the 30000-byte limit/);
  });

  it('refuses duplicate names, unnamed form inputs, tables in forms and callbacks without action/rev', () => {
    const bad = card({
      title: 't',
      elements: [
        form('f', [
          input({ name: 'a' }),
          input({ name: 'a' }),
          { tag: 'input', input_type: 'text' },
          table([{ name: 'c', displayName: 'c' }], []),
          { tag: 'button', name: 'b', behaviors: [{ type: 'callback', value: { foo: 1 } }] },
        ]),
      ],
    });
    const problems = checkCardLimits(bad).join('\n');
    expect(problems).toMatch(/name "a" is used 2 times/);
    expect(problems).toMatch(/input inside a form needs a name/);
    expect(problems).toMatch(/table cannot sit inside a form/);
    expect(problems).toMatch(/table must sit at the card root/);
    expect(problems).toMatch(/no value.action/);
    expect(problems).toMatch(/no numeric value.rev/);
  });

  it('refuses two tables that reuse a column name', () => {
    const c = card({ title: 't', elements: [table([{ name: 'x', displayName: 'x' }], []), table([{ name: 'x', displayName: 'x' }], [])] });
    expect(checkCardLimits(c).join()).toMatch(/name "x" is used 2 times/);
  });

  it('refuses a form without a submit button (Lark rejects the whole card)', () => {
    const noSubmit = card({ title: 't', elements: [form('f', [markdown('decided'), input({ name: 'a' })])] });
    expect(checkCardLimits(noSubmit).join()).toMatch(/form "f" has no button with form_action_type "submit"/);
    const withSubmit = card({ title: 't', elements: [form('f', [input({ name: 'a' }), button({ text: 'ok', name: 'b', formAction: 'submit', value: { action: 'x', rev: 1 } })])] });
    expect(checkCardLimits(withSubmit)).toEqual([]);
  });

  it('accepts a named button with action and rev', () => {
    const c = card({ title: 't', elements: [button({ text: 'ok', value: { action: 'x', rev: 1 } })] });
    expect(checkCardLimits(c)).toEqual([]);
  });
});
