// DOM helpers. Text only ever goes in through textContent or attribute setters, never as markup, so whatever a
// server or a file name says is shown, not run.
export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  setAll(e, attrs, children);
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  setAll(e, attrs, children);
  return e;
}

function setAll(e, attrs, children) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.setAttribute('class', v);
    else if (k === 'text') e.textContent = String(v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function show(e, visible) {
  e.hidden = !visible;
}

export function fmt(x, digits = 3) {
  return typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

/** A data URL of a PNG, or null: heatmaps are used only when they are exactly that. */
export function pngDataUrl(value) {
  return typeof value === 'string' && value.startsWith('data:image/png;base64,') ? value : null;
}
