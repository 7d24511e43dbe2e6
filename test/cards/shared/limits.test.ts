import { describe, expect, it } from 'vitest';
import { button, card, form, input, markdown, table } from '#cards/shared/elements';
import { checkCardLimits, countComponents } from '#cards/shared/limits';
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

  it('counts nested components and refuses more than 200', () => {
    const many = card({ title: 't', elements: Array.from({ length: 201 }, () => markdown('x')) });
    expect(countComponents(many)).toBe(201);
    expect(checkCardLimits(many).join()).toMatch(/201 components/);
  });

  it('refuses a card over 30 KB', () => {
    const big = card({ title: 't', elements: [markdown('字'.repeat(11_000))] });
    expect(checkCardLimits(big).join()).toMatch(/over the 30720-byte limit/);
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
