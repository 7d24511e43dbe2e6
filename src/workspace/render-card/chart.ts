import { esc } from './html';
import { colorValue } from './markdown';

/**
 * A card `chart` as inline SVG, from its VChart spec: bar (grouped when `xField` is a pair, stacked when a
 * `seriesField` splits a single x), line and pie — the fields the Lark client's VChart reads
 * (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/data-visualization-components/chart,
 * https://www.visactor.io/vchart/option/barChart). Returns null for a chart type it cannot draw, so the caller
 * shows it as unknown instead of drawing something wrong. Every label is user data and is escaped.
 */
type Node = Record<string, unknown>;
type Datum = Record<string, unknown>;

const PALETTE = ['#1664FF', '#1AC6FF', '#FF8A00', '#3CC780', '#7442D4', '#FFC400', '#304D77', '#B48DEB', '#009488', '#FF7DDA'];
const RATIOS: Record<string, number> = { '1:1': 1, '2:1': 0.5, '4:3': 0.75, '16:9': 0.5625 };
const W = 640;

export function renderChart(element: Node, id: string): string | null {
  const spec = (element.chart_spec ?? {}) as Node;
  const type = String(spec.type ?? '');
  const height = Math.round(W * (RATIOS[String(element.aspect_ratio ?? '16:9')] ?? 0.5625));
  const values = dataValues(spec);
  const title = spec.title && (spec.title as Node).visible !== false ? String((spec.title as Node).text ?? '') : '';
  let body: string | null = null;
  if (type === 'bar') body = bars(spec, values, height, Boolean(title));
  else if (type === 'line') body = lines(spec, values, height, Boolean(title));
  else if (type === 'pie') body = pie(spec, values, height, Boolean(title));
  if (body === null) return null;
  const label = title || '图表';
  return (
    `<figure class="lk-chart"><svg viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="${id}-t" preserveAspectRatio="xMidYMid meet">` +
    `<title id="${id}-t">${esc(label)}</title>` +
    (title ? `<text class="ch-title" x="${W / 2}" y="18" text-anchor="middle">${esc(clip(title, 40))}</text>` : '') +
    body +
    '</svg></figure>'
  );
}

function dataValues(spec: Node): Datum[] {
  const data = spec.data;
  const sets = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [];
  return sets.flatMap((d) => (Array.isArray((d as Node).values) ? ((d as Node).values as Datum[]) : []));
}

function colors(spec: Node): string[] {
  const c = spec.color;
  const list = Array.isArray(c) ? c : c && typeof c === 'object' && Array.isArray((c as Node).range) ? ((c as Node).range as unknown[]) : [];
  const valid = list.map((x) => (typeof x === 'string' ? colorValue(x) ?? (/^rgba?\([\d\s.,%]+\)$/.test(x) ? x : null) : null)).filter((x): x is string => x !== null);
  return valid.length > 0 ? valid : PALETTE;
}

function uniq(items: string[]): string[] {
  return [...new Set(items)];
}

function num(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : 0;
}

function clip(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A round axis maximum and its step, so ticks read 0, 5, 10 … */
function niceScale(max: number): { max: number; step: number } {
  if (max <= 0) return { max: 1, step: 0.25 };
  const rough = max / 5;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= rough) ?? 10 * mag;
  return { max: Math.ceil(max / step) * step, step };
}

function legend(series: string[], palette: string[], y: number, visible: boolean): string {
  if (!visible || series.length === 0 || (series.length === 1 && series[0] === '')) return '';
  const widths = series.map((s) => 22 + [...s].length * 12);
  let x = (W - widths.reduce((a, b) => a + b, 0)) / 2;
  return series
    .map((s, i) => {
      const item = `<rect x="${x}" y="${y - 9}" width="10" height="10" rx="2" fill="${palette[i % palette.length]}"/><text class="ch-legend" x="${x + 14}" y="${y}">${esc(s)}</text>`;
      x += widths[i]!;
      return item;
    })
    .join('');
}

interface Frame {
  top: number;
  left: number;
  right: number;
  bottom: number;
  rotate: boolean;
}

function frame(categories: string[], height: number, hasTitle: boolean, hasLegend: boolean): Frame {
  const rotate = categories.length > 6 || categories.some((c) => [...c].length > 6);
  return { top: (hasTitle ? 26 : 8) + (hasLegend ? 22 : 0) + 8, left: 44, right: 12, bottom: height - (rotate ? 86 : 28), rotate };
}

function axes(f: Frame, scale: { max: number; step: number }, categories: string[], bandWidth: number): string {
  let out = '';
  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
    const y = f.bottom - (v / scale.max) * (f.bottom - f.top);
    out += `<line class="ch-grid" x1="${f.left}" x2="${W - f.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}"/><text class="ch-tick" x="${f.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${fmt(v)}</text>`;
  }
  categories.forEach((c, i) => {
    const x = (f.left + bandWidth * (i + 0.5)).toFixed(1);
    const label = esc(clip(c, f.rotate ? 12 : 8));
    out += f.rotate
      ? `<text class="ch-tick" transform="translate(${x},${(f.bottom + 10).toFixed(1)}) rotate(-40)" text-anchor="end">${label}</text>`
      : `<text class="ch-tick" x="${x}" y="${(f.bottom + 16).toFixed(1)}" text-anchor="middle">${label}</text>`;
  });
  return out;
}

function bars(spec: Node, values: Datum[], height: number, hasTitle: boolean): string | null {
  const xFields = Array.isArray(spec.xField) ? (spec.xField as string[]) : [String(spec.xField ?? '')];
  const yField = String(Array.isArray(spec.yField) ? (spec.yField as string[])[0] : (spec.yField ?? ''));
  if (String(spec.direction ?? 'vertical') === 'horizontal') return null;
  const seriesField = spec.seriesField ? String(spec.seriesField) : xFields.length > 1 ? xFields[1]! : '';
  const grouped = xFields.length > 1 || spec.stack === false;
  const categories = uniq(values.map((d) => String(d[xFields[0]!] ?? '')));
  const series = uniq(values.map((d) => (seriesField ? String(d[seriesField] ?? '') : '')));
  const palette = colors(spec);
  const showLegend = Boolean(seriesField) && (spec.legends as Node | undefined)?.visible !== false;
  const f = frame(categories, height, hasTitle, showLegend);
  const totals = categories.map((c) => values.filter((d) => String(d[xFields[0]!] ?? '') === c).map((d) => num(d[yField])));
  const max = Math.max(0, ...totals.map((t) => (grouped ? Math.max(0, ...t) : t.reduce((a, b) => a + Math.max(0, b), 0))));
  const scale = niceScale(max);
  const band = (W - f.left - f.right) / Math.max(1, categories.length);
  const plotH = f.bottom - f.top;
  let out = axes(f, scale, categories, band);
  categories.forEach((c, ci) => {
    let stackTop = 0;
    series.forEach((s, si) => {
      const d = values.find((v) => String(v[xFields[0]!] ?? '') === c && (seriesField ? String(v[seriesField] ?? '') : '') === s);
      if (!d) return;
      const v = Math.max(0, num(d[yField]));
      const h = (v / scale.max) * plotH;
      const barW = grouped ? (band * 0.72) / series.length : band * 0.6;
      const x = grouped ? f.left + band * ci + band * 0.14 + barW * si : f.left + band * ci + band * 0.2;
      const y = f.bottom - h - (grouped ? 0 : stackTop);
      if (!grouped) stackTop += h;
      out += `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${palette[si % palette.length]}"><title>${esc(`${c}${s ? ` · ${s}` : ''}：${fmt(v)}`)}</title></rect>`;
    });
  });
  out += `<line class="ch-axis" x1="${f.left}" x2="${W - f.right}" y1="${f.bottom}" y2="${f.bottom}"/>`;
  return out + legend(series, palette, (hasTitle ? 26 : 8) + 14, showLegend);
}

function lines(spec: Node, values: Datum[], height: number, hasTitle: boolean): string {
  const xField = String(Array.isArray(spec.xField) ? (spec.xField as string[])[0] : (spec.xField ?? ''));
  const yField = String(Array.isArray(spec.yField) ? (spec.yField as string[])[0] : (spec.yField ?? ''));
  const seriesField = spec.seriesField ? String(spec.seriesField) : '';
  const categories = uniq(values.map((d) => String(d[xField] ?? '')));
  const series = uniq(values.map((d) => (seriesField ? String(d[seriesField] ?? '') : '')));
  const palette = colors(spec);
  const showLegend = Boolean(seriesField) && (spec.legends as Node | undefined)?.visible !== false;
  const f = frame(categories, height, hasTitle, showLegend);
  const scale = niceScale(Math.max(0, ...values.map((d) => num(d[yField]))));
  const band = (W - f.left - f.right) / Math.max(1, categories.length);
  let out = axes(f, scale, categories, band);
  series.forEach((s, si) => {
    const points = categories
      .map((c, ci) => {
        const d = values.find((v) => String(v[xField] ?? '') === c && (seriesField ? String(v[seriesField] ?? '') : '') === s);
        return d ? { x: f.left + band * (ci + 0.5), y: f.bottom - (Math.max(0, num(d[yField])) / scale.max) * (f.bottom - f.top), label: `${c}${s ? ` · ${s}` : ''}：${fmt(num(d[yField]))}` } : null;
      })
      .filter((p): p is { x: number; y: number; label: string } => p !== null);
    const color = palette[si % palette.length];
    out += `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}"/>`;
    out += points.map((p) => `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="3" fill="${color}"><title>${esc(p.label)}</title></circle>`).join('');
  });
  return out + legend(series, palette, (hasTitle ? 26 : 8) + 14, showLegend);
}

function pie(spec: Node, values: Datum[], height: number, hasTitle: boolean): string {
  const categoryField = String(spec.categoryField ?? '');
  const valueField = String(spec.valueField ?? '');
  const palette = colors(spec);
  const items = values.map((d) => ({ label: String(d[categoryField] ?? ''), value: Math.max(0, num(d[valueField])) }));
  const total = items.reduce((a, b) => a + b.value, 0) || 1;
  const top = (hasTitle ? 26 : 8) + 24;
  const r = Math.max(20, (height - top - 10) / 2);
  const cx = W / 2;
  const cy = top + r;
  let angle = -Math.PI / 2;
  let out = '';
  items.forEach((it, i) => {
    const sweep = (it.value / total) * Math.PI * 2;
    const end = angle + sweep;
    const large = sweep > Math.PI ? 1 : 0;
    const [x1, y1, x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle), cx + r * Math.cos(end), cy + r * Math.sin(end)];
    const path = items.length === 1 ? `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0` : `M${cx},${cy}L${x1.toFixed(1)},${y1.toFixed(1)}A${r},${r} 0 ${large} 1 ${x2.toFixed(1)},${y2.toFixed(1)}Z`;
    out += `<path d="${path}" fill="${palette[i % palette.length]}"><title>${esc(`${it.label}：${fmt(it.value)}`)}</title></path>`;
    angle = end;
  });
  return out + legend(items.map((i) => i.label), palette, (hasTitle ? 26 : 8) + 14, (spec.legends as Node | undefined)?.visible !== false);
}
