// Loss curves of a run: total loss and each named loss term per step, with swap (and waiting) markers at the steps
// where they happened. Plain SVG; long runs are thinned to at most MAX points per curve.
import { el, fmt, svg } from './dom.js';

const W = 720;
const H = 300;
const PAD = { l: 52, r: 14, t: 14, b: 28 };
const MAX = 1200;
const COLORS = ['#1d2330', '#2f5fd0', '#2e7d32', '#ef6c00', '#8e24aa', '#00838f', '#c62828', '#6d4c41'];
const NOT_TERMS = new Set(['step', 'loss', 'strategy', 'imagesPerSecond', 'time', 'event']);

/** Names of the loss terms of a step record: every numeric field but the bookkeeping ones. */
export function terms(record) {
  return Object.keys(record).filter((k) => !NOT_TERMS.has(k) && typeof record[k] === 'number');
}

export function drawCurves(root, legend, steps, events) {
  root.replaceChildren();
  legend.replaceChildren();
  root.dataset.steps = String(steps.length);
  if (!steps.length) {
    root.append(svg('text', { x: PAD.l, y: H / 2, text: 'no step logged yet' }));
    return;
  }
  const keys = ['loss'];
  for (const s of steps) for (const k of terms(s)) if (!keys.includes(k)) keys.push(k);
  const stride = Math.max(1, Math.ceil(steps.length / MAX));
  const shown = steps.filter((s, i) => i % stride === 0 || i === steps.length - 1);
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of shown) {
    for (const k of keys) {
      const v = s[k];
      if (typeof v === 'number' && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (hi - lo < 1e-9) hi = lo + 1;
  const first = steps[0].step;
  const last = Math.max(steps[steps.length - 1].step, first + 1);
  const px = (x) => PAD.l + ((x - first) / (last - first)) * (W - PAD.l - PAD.r);
  const py = (y) => H - PAD.b - ((y - lo) / (hi - lo)) * (H - PAD.t - PAD.b);
  for (let i = 0; i <= 4; i++) {
    const y = lo + ((hi - lo) * i) / 4;
    root.append(svg('line', { class: 'grid', x1: PAD.l, x2: W - PAD.r, y1: py(y), y2: py(y) }));
    root.append(svg('text', { x: 4, y: py(y) + 4, text: fmt(y, 3) }));
  }
  root.append(svg('line', { class: 'axis', x1: PAD.l, x2: W - PAD.r, y1: H - PAD.b, y2: H - PAD.b }));
  root.append(svg('text', { x: PAD.l, y: H - 8, text: 'step ' + first }));
  root.append(svg('text', { x: W - PAD.r - 70, y: H - 8, text: 'step ' + last }));
  keys.forEach((k, i) => {
    const color = COLORS[i % COLORS.length];
    const points = shown
      .filter((s) => typeof s[k] === 'number' && Number.isFinite(s[k]))
      .map((s) => px(s.step).toFixed(1) + ',' + py(s[k]).toFixed(1))
      .join(' ');
    root.append(svg('polyline', { class: 'series', 'data-term': k, stroke: color, points }));
    const swatch = el('i');
    swatch.style.background = color;
    legend.append(el('span', {}, swatch, k));
  });
  for (const e of events) {
    if (e.event !== 'swap' && e.event !== 'waiting') continue;
    if (typeof e.step !== 'number' || e.step < first || e.step > last) continue;
    const x = px(e.step);
    const label = e.event === 'swap' ? e.from + ' → ' + e.to : 'waiting for ' + e.strategy;
    const g = svg('g', { class: e.event + '-marker', 'data-step': e.step });
    g.append(svg('line', { x1: x, x2: x, y1: PAD.t, y2: H - PAD.b }));
    g.append(svg('text', { x: x + 4, y: PAD.t + 10, text: label + ' @' + e.step }));
    g.append(svg('title', { text: label + ' at step ' + e.step }));
    root.append(g);
  }
}
