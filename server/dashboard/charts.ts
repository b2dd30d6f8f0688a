/** Plain SVG charts (no chart library): stacked bars over time and horizontal bars. Data only as text nodes. */
const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function clear(svg: SVGSVGElement, width: number, height: number): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
}

function empty(svg: SVGSVGElement): void {
  clear(svg, 400, 40);
  svg.append(el('text', { x: 8, y: 24 }, 'No events in this view'));
}

export interface Stack {
  bucket: string;
  parts: { key: string; value: number }[];
}

/** One bar per time bucket, stacked by series (class `a-<series>` gives the colour). */
export function stackedBars(svg: SVGSVGElement, stacks: Stack[], label: (bucket: string) => string): void {
  if (!stacks.length) {
    empty(svg);
    return;
  }
  const W = 900;
  const H = 240;
  const pad = { l: 44, r: 8, t: 8, b: 28 };
  clear(svg, W, H);
  const max = Math.max(1, ...stacks.map((s) => s.parts.reduce((a, p) => a + p.value, 0)));
  const bw = (W - pad.l - pad.r) / stacks.length;
  const y = (v: number) => ((H - pad.t - pad.b) * v) / max;
  for (const t of [0, 0.5, 1]) {
    const v = Math.round(max * t);
    const yy = H - pad.b - y(v);
    svg.append(el('line', { x1: pad.l, x2: W - pad.r, y1: yy, y2: yy, stroke: '#dde2ea' }));
    svg.append(el('text', { x: pad.l - 6, y: yy + 4, 'text-anchor': 'end' }, String(v)));
  }
  const every = Math.ceil(stacks.length / 12);
  stacks.forEach((s, i) => {
    let base = H - pad.b;
    const x = pad.l + i * bw + bw * 0.1;
    for (const p of s.parts) {
      if (!p.value) continue;
      const h = y(p.value);
      base -= h;
      const r = el('rect', {
        x,
        y: base,
        width: Math.max(1, bw * 0.8),
        height: h,
        class: `a-${p.key}`,
        'data-series': p.key,
      });
      r.append(el('title', {}, `${label(s.bucket)} · ${p.key}: ${p.value}`));
      svg.append(r);
    }
    if (i % every === 0)
      svg.append(el('text', { x: x + bw * 0.4, y: H - 10, 'text-anchor': 'middle' }, label(s.bucket)));
  });
}

/** Horizontal bars, largest first. */
export function hbars(svg: SVGSVGElement, rows: { label: string; value: number; cls?: string }[], max = 10): void {
  const data = rows.slice(0, max);
  if (!data.length) {
    empty(svg);
    return;
  }
  const W = 440;
  const row = 24;
  const labelW = 150;
  clear(svg, W, data.length * row + 4);
  const top = Math.max(1, ...data.map((d) => d.value));
  data.forEach((d, i) => {
    const w = ((W - labelW - 50) * d.value) / top;
    svg.append(el('text', { x: labelW - 6, y: i * row + 16, 'text-anchor': 'end', class: 'bar-label' }, d.label));
    const r = el('rect', { x: labelW, y: i * row + 4, width: Math.max(1, w), height: row - 8, class: d.cls ?? 'bar' });
    r.append(el('title', {}, `${d.label}: ${d.value}`));
    svg.append(r);
    svg.append(el('text', { x: labelW + w + 6, y: i * row + 16 }, String(d.value)));
  });
}
