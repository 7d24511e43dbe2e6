import { describe, expect, it } from 'vitest';
import { createFakeLark, validateCard, type CardRule } from '../../src/fake-lark';
import { manualClock } from '../../src/platform/clock';
import { createLarkClient, LarkApiError } from '../../src/transport/client';
import { testCrypto } from '../helpers/signing';

type El = Record<string, unknown>;
const card = (elements: El[], extra: El = {}) => ({ schema: '2.0' as const, config: { update_multi: true }, body: { elements }, ...extra });
const text = (content: string) => ({ tag: 'plain_text', content });
const submit = (name = 'go') => ({ tag: 'button', name, form_action_type: 'submit', text: text('提交'), behaviors: [{ type: 'callback', value: { action: 'x' } }] });
const form = (elements: El[]) => ({ tag: 'form', name: 'f', elements: [...elements, submit()] });
const table = (columns: El[], rows: El[]) => ({ tag: 'table', page_size: 10, columns, rows });
/** The rules a card breaks, with Lark's codes. */
const broken = (c: unknown, opts: Parameters<typeof validateCard>[1] = {}) => validateCard(c, opts).map((v) => `${v.rule}:${v.code}`);

describe('the strict fake holds cards to the card JSON 2.0 component pages', () => {
  it('accepts what the pages allow', () => {
    const ok = card([
      { tag: 'markdown', content: '**hi**', text_align: 'left', text_size: 'notation', margin: '0px 0px 8px 0px' },
      { tag: 'column_set', flex_mode: 'none', horizontal_spacing: '8px', columns: [{ tag: 'column', width: 'weighted', weight: 5, vertical_align: 'center', elements: [{ tag: 'hr' }] }] },
      table([{ name: 'a', display_name: '分值', data_type: 'number', width: '80px' }, { name: 'b', data_type: 'text', width: '30%' }, { name: 'c', data_type: 'lark_md', width: 'auto' }], [{ a: 1.5, b: 'x' }, { b: '' }]),
      form([{ tag: 'input', name: 'i', required: true, max_length: 1000, input_type: 'multiline_text', placeholder: text('例如 98%') }, { tag: 'multi_select_person', name: 'm' }, { tag: 'date_picker', name: 'd', initial_date: '2026-10-09' }]),
      { tag: 'chart', aspect_ratio: '16:9', chart_spec: { type: 'bar' } },
      { tag: 'collapsible_panel', expanded: true, header: { title: { tag: 'markdown', content: '**更多**' } }, elements: [{ tag: 'markdown', content: 'x' }] },
    ]);
    expect(validateCard(ok)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['an unknown property (text_color on markdown)', card([{ tag: 'markdown', content: 'x', text_color: 'red' }]), 'unknown-property:200621'],
    ['label on select_static', card([form([{ tag: 'select_static', name: 's', label: text('x'), options: [] }])]), 'unknown-property:200621'],
    ['horizontal_align on a button', card([{ tag: 'button', text: text('x'), horizontal_align: 'left' }]), 'unknown-property:200621'],
    ['corner_radius on a column', card([{ tag: 'column_set', columns: [{ tag: 'column', corner_radius: '8px', elements: [] }] }]), 'unknown-property:200621'],
    ['a header template outside the enum', card([], { header: { title: text('t'), template: 'pink' } }), 'property-value:200621'],
    ['a column weight of 6', card([{ tag: 'column_set', columns: [{ tag: 'column', width: 'weighted', weight: 6, elements: [] }] }]), 'property-value:200621'],
    ['page_size 11', card([{ ...table([{ name: 'a', data_type: 'text' }], []), page_size: 11 }]), 'property-value:200621'],
    ['a numeric input_type', card([form([{ tag: 'input', name: 'i', input_type: 'number' }])]), 'property-value:200621'],
    ['a 60px table column', card([table([{ name: 'a', data_type: 'number', width: '60px' }], [])]), 'table-column-width:200621'],
    ['a 601px table column', card([table([{ name: 'a', data_type: 'number', width: '601px' }], [])]), 'table-column-width:200621'],
    ['an empty string in a number cell', card([table([{ name: 'a', data_type: 'number' }], [{ a: '' }])]), 'number-cell:200914'],
    ['a row key no column declares', card([table([{ name: 'a', data_type: 'text' }], [{ a: 'x', b: 'y' }])]), 'undeclared-row-key:200915'],
    ['a removed component (note)', card([{ tag: 'note', elements: [] }]), 'removed-component:200861'],
    ['i18n_elements at the top level', { ...card([]), i18n_elements: {} }, 'removed-component:200621'],
    ['a multi-select outside a form', card([{ tag: 'multi_select_static', name: 'm', options: [] }]), 'form-only:200621'],
    ['required outside a form', card([{ tag: 'input', name: 'i', required: true }]), 'form-only:200621'],
    ['a form without a submit button', card([{ tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'i' }] }]), 'form-submit:300123'],
    ['a form inside a column', card([{ tag: 'column_set', columns: [{ tag: 'column', elements: [form([])] }] }]), 'nesting:200621'],
    ['a button over 100 characters', card([{ tag: 'button', text: text('按'.repeat(101)) }]), 'text-length:200621'],
    ['a placeholder over 100 characters', card([form([{ tag: 'input', name: 'i', placeholder: text('例'.repeat(101)) }])]), 'text-length:200621'],
    ['option values that repeat', card([form([{ tag: 'select_static', name: 's', options: [{ text: text('a'), value: 'v' }, { text: text('b'), value: 'v' }] }])]), 'property-value:200621'],
    ['a confirm without a title', card([{ tag: 'button', text: text('x'), confirm: { text: text('y') } }]), 'property-value:200621'],
  ])('refuses %s', (_name, c, rule) => {
    expect(broken(c)).toContain(rule);
  });

  it('counts 200 elements as Lark counts them: text elements and select options included', () => {
    // 1 select + placeholder + 99 × (option + its text) = 200; the form and its button make it 203
    const options = Array.from({ length: 99 }, (_, i) => ({ text: text(`群 ${i}`), value: `oc_${i}` }));
    expect(broken(card([form([{ tag: 'select_static', name: 's', placeholder: text('选'), options }])]))).toContain('element-count:11310');
    expect(broken(card([form([{ tag: 'select_static', name: 's', placeholder: text('选'), options: options.slice(0, 97) }])]))).not.toContain('element-count:11310');
  });

  it('refuses more than 5 nested levels of containers', () => {
    let inner: El = { tag: 'markdown', content: 'deep' };
    for (let i = 0; i < 3; i++) inner = { tag: 'column_set', columns: [{ tag: 'column', elements: [inner] }] };
    expect(broken(card([inner]))).toContain('nesting:200621');
  });

  it('refuses an <at> of someone Lark does not know, and a person option of someone unknown', () => {
    const known = (id: string) => id === 'ou_known';
    expect(broken(card([{ tag: 'markdown', content: '<at id=ou_known></at> <at id=all></at>' }]), { knowsUser: known })).toEqual([]);
    expect(broken(card([{ tag: 'markdown', content: '<at id=ou_gone></at>' }]), { knowsUser: known })).toEqual(['at-unknown-user:100290']);
    expect(broken(card([{ tag: 'markdown', content: '<at ids=ou_known,ou_gone></at>' }]), { knowsUser: known })).toEqual(['at-unknown-user:100290']);
    expect(broken(card([form([{ tag: 'select_person', name: 'p', options: [{ value: 'ou_gone' }] }])]), { knowsUser: known })).toEqual(['at-unknown-user:100290']);
  });

  it('measures 30 KB on the request body as sent', () => {
    expect(broken(card([]), { bodyBytes: 30_001 })).toEqual(['body-size:230025']);
    expect(broken(card([]), { bodyBytes: 30_000 })).toEqual([]);
  });

  it('flags markdown escapes in plain_text (shown literally) without refusing the card', () => {
    const v = validateCard(card([], { header: { title: text('R&amp;D\\_专项') } }));
    expect(v.map((x) => [x.rule, x.rejects])).toEqual([['plain-text-escape', false]]);
  });
});

describe('the strict fake on the wire', () => {
  function setup(opts: Parameters<typeof createFakeLark>[0] = {}) {
    const fake = createFakeLark({ crypto: testCrypto, ...opts });
    const lark = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch, clock: opts.clock, limits: { backoffBaseMs: 1 } });
    const u = fake.addUser({ name: '张伟' });
    return { fake, lark, u };
  }
  const narrow = card([table([{ name: 'a', data_type: 'number', width: '60px' }], [{ a: 1 }])]);

  it('known debt is recorded, not refused; with cardDebt [] the same card is refused with the documented code', async () => {
    const lenient = setup();
    await lenient.lark.sendMessage('open_id', lenient.u.openId, { msgType: 'interactive', content: narrow });
    expect(lenient.fake.cardDebt.map((d) => [d.rule, d.op])).toEqual([['table-column-width' as CardRule, 'im.message.create']]);
    const strict = setup({ cardDebt: [] });
    const err = (await strict.lark.sendMessage('open_id', strict.u.openId, { msgType: 'interactive', content: narrow }).catch((e: unknown) => e)) as LarkApiError;
    expect(err).toBeInstanceOf(LarkApiError);
    expect(err.code).toBe(230099);
    expect(err.larkMessage).toMatch(/ErrCode: 200621/);
  });

  it('a PATCH is held to the same rules, measured on its own body', async () => {
    const { fake, lark, u } = setup({ cardDebt: [] });
    const sent = await lark.sendMessage('open_id', u.openId, { msgType: 'interactive', content: card([{ tag: 'markdown', content: 'v1' }]) });
    await expect(lark.patchCard(sent.messageId, card([{ tag: 'markdown', content: '"'.repeat(12_000) }]))).rejects.toMatchObject({ code: 230025 });
    await expect(lark.patchCard(sent.messageId, narrow)).rejects.toMatchObject({ code: 230099 });
    expect(JSON.stringify(fake.message(sent.messageId)!.card)).toContain('v1');
  });

  it('14 days: a PATCH fails with 230031 and the client sends no callback for the card any more', async () => {
    const clock = manualClock('2026-09-01T01:00:00Z');
    const { fake, lark, u } = setup({ clock });
    const sent = await lark.sendMessage('open_id', u.openId, {
      msgType: 'interactive',
      content: card([{ tag: 'button', text: text('好'), behaviors: [{ type: 'callback', value: { action: 'ok' } }] }]),
    });
    clock.advance(14 * 24 * 3_600_000 + 1000);
    await expect(lark.patchCard(sent.messageId, card([{ tag: 'markdown', content: 'v2' }]))).rejects.toMatchObject({ code: 230031 });
    await expect(fake.pressButton(sent.messageId, { operator: u.openId, action: 'ok' })).rejects.toThrow(/more than 14 days/);
  });

  it('an upload over 30 MB is 234006, as the upload page says', async () => {
    const { lark } = setup();
    await expect(lark.uploadFile('big.xlsx', new Uint8Array(30 * 1024 * 1024 + 1), 'xls')).rejects.toMatchObject({ code: 234006 });
  });
});
