// The per-frame timeline of a video answer: one point per sampled frame (fakeness over time), the threshold, and
// frames without a face marked on the axis.
import { fmt, svg } from './dom.js';

/**
 * The sampled frames of a /v1/detect video answer (`frames: [{index, seconds, fakeness, faces}]`, fakeness
 * null for a frame without a face) as {frame, seconds, fakeness, faces}, faces being their number.
 */
export function videoFrames(r) {
  const list = Array.isArray(r.frames) ? r.frames : [];
  return list.map((f, i) => ({
    frame: num(f.index) ?? i,
    seconds: num(f.seconds),
    fakeness: num(f.fakeness),
    faces: Array.isArray(f.faces) ? f.faces.length : 0,
  }));
}

function num(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

const W = 720;
const H = 200;
const PAD = { l: 44, r: 12, t: 12, b: 28 };

export function drawTimeline(root, frames, threshold, onPick) {
  root.replaceChildren();
  root.dataset.points = String(frames.length);
  const xs = frames.map((f, i) => (f.seconds !== null ? f.seconds : i));
  const x0 = Math.min(...xs, 0);
  const x1 = Math.max(...xs, x0 + 1e-9);
  const px = (x) => PAD.l + ((x - x0) / (x1 - x0 || 1)) * (W - PAD.l - PAD.r);
  const py = (y) => H - PAD.b - y * (H - PAD.t - PAD.b);
  for (const y of [0, 0.5, 1]) {
    root.append(svg('line', { class: 'grid', x1: PAD.l, x2: W - PAD.r, y1: py(y), y2: py(y) }));
    root.append(svg('text', { x: 6, y: py(y) + 4, text: y.toFixed(1) }));
  }
  if (typeof threshold === 'number') {
    root.append(svg('line', { class: 'threshold', x1: PAD.l, x2: W - PAD.r, y1: py(threshold), y2: py(threshold) }));
  }
  root.append(svg('line', { class: 'axis', x1: PAD.l, x2: W - PAD.r, y1: H - PAD.b, y2: H - PAD.b }));
  const unit = frames.some((f) => f.seconds !== null) ? ' s' : '';
  root.append(svg('text', { x: PAD.l, y: H - 8, text: fmt(x0, unit ? 1 : 0) + unit }));
  root.append(svg('text', { x: W - PAD.r - 40, y: H - 8, text: fmt(x1, unit ? 1 : 0) + unit }));
  const scored = frames.map((f, i) => [px(xs[i]), f.fakeness === null ? null : py(f.fakeness)]);
  const path = scored.filter((p) => p[1] !== null).map((p) => p.join(',')).join(' ');
  if (path) root.append(svg('polyline', { class: 'series', stroke: '#2f5fd0', points: path }));
  frames.forEach((f, i) => {
    const [cx, cy] = scored[i];
    const fake = f.fakeness !== null && typeof threshold === 'number' && f.fakeness >= threshold;
    const point = svg('circle', {
      class: 'timeline-point' + (fake ? ' fake' : '') + (f.fakeness === null ? ' no-face' : ''),
      cx,
      cy: cy === null ? H - PAD.b : cy,
      r: f.fakeness === null ? 3 : 4.5,
      onclick: () => onPick(f),
    });
    point.append(svg('title', {
      text: (f.seconds !== null ? fmt(f.seconds, 2) + ' s' : 'frame ' + f.frame) + ': '
        + (f.fakeness === null ? 'no face' : 'fakeness ' + fmt(f.fakeness)),
    }));
    root.append(point);
  });
}
