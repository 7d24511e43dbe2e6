import { describe, expect, it } from 'vitest';
import { checkCardLimits } from '#cards/shared/limits';
import { KNOWN_CARD_DEBT, validateCard } from '../../src/fake-lark';
import { CARD_CATALOGUE } from '../../src/workspace/gallery/catalogue';
import { interactiveNodes, renderCard, renderMarkdown } from '../../src/workspace/render-card';

const ctx = { lang: 'zh_cn' as const, members: [{ openId: 'ou_zhangwei', name: '张伟' }, { openId: 'ou_lina', name: '李娜' }] };
const card = (elements: unknown[], header: Record<string, unknown> = { title: { tag: 'plain_text', content: 'T' }, template: 'blue' }) => ({ schema: '2.0', header, body: { elements } });

describe('the gallery catalogue', () => {
  it('holds every card the bot sends, including the 导入预览', () => {
    expect(CARD_CATALOGUE.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CARD_CATALOGUE.map((e) => e.id)).size).toBe(CARD_CATALOGUE.length);
    expect(CARD_CATALOGUE.map((e) => e.title)).toContain('导入预览');
  });

  it.each(CARD_CATALOGUE.map((e) => [e.id, e] as const))('%s is a valid card and renders with no unknown component', (_id, entry) => {
    const built = entry.build();
    expect(checkCardLimits(built)).toEqual([]);
    // Rules in KNOWN_CARD_DEBT are the card-fidelity fixes still owed (test/cards/catalogue.test.ts lists them).
    expect(validateCard(built).filter((v) => v.rejects && !KNOWN_CARD_DEBT.includes(v.rule))).toEqual([]);
    for (const lang of ['zh_cn', 'en_us'] as const) {
      const r = renderCard(built, { ...ctx, lang });
      expect(r.unknown).toEqual([]);
      expect(r.html).not.toContain('lk-unknown');
    }
  });
});

describe('renderCard', () => {
  it('draws the header with its template colour and subtitle, in the reader language', () => {
    const c = card([], {
      title: { tag: 'plain_text', content: '导入预览', i18n_content: { zh_cn: '导入预览', en_us: 'Import preview' } },
      subtitle: { tag: 'plain_text', content: '金融监管专项经费' },
      template: 'orange',
    });
    expect(renderCard(c, ctx).html).toContain('lk-t-orange');
    expect(renderCard(c, ctx).html).toContain('导入预览');
    expect(renderCard(c, { ...ctx, lang: 'en_us' }).html).toContain('Import preview');
    expect(renderCard(c, ctx).html).toContain('<div class="lk-sub">金融监管专项经费</div>');
  });

  it('draws an unknown component as a red box naming its tag in lowercase', () => {
    const r = renderCard(card([{ tag: 'IMG', img_key: 'x' }, { tag: 'markdown', content: 'ok' }]), ctx);
    expect(r.unknown).toEqual(['img']);
    expect(r.html).toMatch(/lk-unknown[^>]*>未知组件 <code>img<\/code>/);
  });

  it('escapes user text everywhere: markdown, plain text, attributes, table cells and chart labels', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const c = card(
      [
        { tag: 'markdown', content: `名字：${evil}` },
        { tag: 'button', text: { tag: 'plain_text', content: evil }, confirm: { title: { tag: 'plain_text', content: evil }, text: { tag: 'plain_text', content: evil } }, behaviors: [{ type: 'callback', value: { action: 'a' } }] },
        { tag: 'table', columns: [{ name: 'a', display_name: evil, data_type: 'text' }, { name: 'b', display_name: 'b', data_type: 'lark_md' }], rows: [{ a: evil, b: evil }] },
        { tag: 'chart', chart_spec: { type: 'bar', title: { text: evil }, data: [{ values: [{ x: evil, y: 1 }] }], xField: 'x', yField: 'y' } },
        { tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'n', default_value: evil, placeholder: { tag: 'plain_text', content: evil } }, { tag: 'button', name: 'b', form_action_type: 'submit', text: { tag: 'plain_text', content: 'ok' } }] },
      ],
      { title: { tag: 'plain_text', content: evil }, subtitle: { tag: 'plain_text', content: evil } },
    );
    const { html } = renderCard(c, ctx);
    expect(html).not.toMatch(/<img|onerror=alert\(1\)>|<script/i);
    expect(html).not.toContain(`"'&`);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders the lark_md subset: bold, font colours, mentions, lists and escapes', () => {
    const html = renderMarkdown("**总分** <font color='red'>3.57</font> <at id=ou_zhangwei></at> <at id=all></at>\n- 一\n- 二\n  续行\n1. 甲\n\\*不是粗体\\* &lt;b&gt;", ctx);
    expect(html).toContain('<strong>总分</strong>');
    expect(html).toContain('<span class="md-font" style="color:#d83931">3.57</span>');
    expect(html).toContain('@张伟');
    expect(html).toContain('@所有人');
    expect(html).toContain('<ul><li>一</li><li>二<br>续行</li></ul>');
    expect(html).toContain('<ol start="1"><li>');
    expect(html).toContain('*不是粗体* &lt;b&gt;');
  });

  it('lays out columns by weight and keeps unlisted colours out of the style', () => {
    const { html } = renderCard(
      card([
        { tag: 'column_set', flex_mode: 'none', horizontal_spacing: '8px', columns: [{ tag: 'column', width: 'weighted', weight: 5, elements: [] }, { tag: 'column', width: 'auto', elements: [] }] },
        { tag: 'markdown', content: "<font color='red;background:url(x)'>x</font>" },
      ]),
      ctx,
    );
    expect(html).toContain('flex:5 1 0');
    expect(html).toContain('flex:0 0 auto');
    expect(html).not.toMatch(/style="[^"]*url/);
  });

  it('renders form fields by type with their defaults, labels and person choices from the chat', () => {
    const c = card([
      {
        tag: 'form',
        name: 'preview_form',
        elements: [
          { tag: 'input', name: 'actual', label: { tag: 'plain_text', content: '实际完成值' }, default_value: '5', required: true, max_length: 100 },
          { tag: 'select_static', name: 'band', options: [{ text: { tag: 'plain_text', content: '达成' }, value: '达成' }], initial_option: '达成' },
          { tag: 'select_person', name: 'owner_1', placeholder: { tag: 'plain_text', content: '选择责任人' } },
          { tag: 'multi_select_person', name: 'admins' },
          { tag: 'date_picker', name: 'deadline', initial_date: '2026-12-15', placeholder: { tag: 'plain_text', content: '选择截止日期' } },
          { tag: 'button', name: 'start', form_action_type: 'submit', type: 'primary_filled', text: { tag: 'plain_text', content: '开始收集' }, confirm: { title: { tag: 'plain_text', content: '确定？' }, text: { tag: 'plain_text', content: '开始后会私聊' } } },
          { tag: 'button', name: 'prev', form_action_type: 'submit', disabled: true, text: { tag: 'plain_text', content: '上一项' } },
        ],
      },
    ]);
    const { html } = renderCard(c, ctx);
    expect(html).toMatch(/<label class="lk-label" for="[^"]+">实际完成值<span class="lk-req"/);
    expect(html).toMatch(/<input class="lk-input" id="[^"]+" data-el="0" data-field="actual" required aria-required="true" type="text" value="5" maxlength="100">/);
    expect(html).toContain('<option value="达成" selected>达成</option>');
    expect(html).toContain('<option value="ou_lina">李娜</option>');
    expect(html).toMatch(/<select class="lk-input lk-person"[^>]*multiple/);
    expect(html).toMatch(/type="date"[^>]*aria-label="选择截止日期" value="2026-12-15"/);
    expect(html).toMatch(/<button type="submit" class="lk-btn lk-b-primary_filled lk-s-medium" data-el="5" data-confirm-title="确定？" data-confirm-text="开始后会私聊">开始收集<\/button>/);
    expect(html).toMatch(/data-el="6"[^>]*disabled>上一项/);
    expect(interactiveNodes(c).map((n) => n.name)).toEqual(['actual', 'band', 'owner_1', 'admins', 'deadline', 'start', 'prev']);
  });

  it('pages a table as Lark does and sizes its columns', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ n: `行${i}`, w: i }));
    const { html } = renderCard(card([{ tag: 'table', page_size: 5, columns: [{ name: 'n', display_name: '指标', width: 'auto' }, { name: 'w', display_name: '分值', data_type: 'number', width: '80px' }], rows }]), ctx);
    expect(html).toContain('<col style="width:80px">');
    expect(html.match(/<tr data-page="0">/g)).toHaveLength(5);
    expect(html.match(/data-page="2" hidden/g)).toHaveLength(2);
    expect(html).toContain('1 / 3');
    expect(html).toContain('<td class="num">11</td>');
  });

  it('draws the summary bar chart as SVG: one bar per value, a legend per series', () => {
    const summary = CARD_CATALOGUE.find((e) => e.id === 'summary')!.build();
    const chart = JSON.stringify(summary).match(/"values":\[(.*?)\]/)![1]!;
    const values = chart.split('},{').length;
    const { html } = renderCard(summary, ctx);
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill=/g)).toHaveLength(values);
    expect(svg).toContain('>分值</text>');
    expect(svg).toContain('>得分</text>');
    expect(svg).toContain('得分 / 分值');
  });

  it('keeps a collapsible panel open or closed as the card says', () => {
    const { html } = renderCard(card([{ tag: 'collapsible_panel', expanded: false, header: { title: { tag: 'markdown', content: '**核查**' } }, elements: [{ tag: 'hr' }] }]), ctx);
    expect(html).toContain('<details class="lk-panel"><summary><strong>核查</strong></summary>');
    expect(html).toContain('<hr class="lk-hr">');
  });
});
