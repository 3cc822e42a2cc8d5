// Detect: an image or a video goes to POST /v1/detect; the answer is drawn over it (boxes, fakeness, heatmaps) or,
// for a video, as a per-frame timeline with the video-level verdict. Model and version come from the server.
import { $, el, fmt, pngDataUrl, show } from './dom.js';
import { call } from './api.js';
import { drawTimeline, videoFrames } from './timeline.js';

let onError = () => false;
let objectUrl = null;
let wired = false;

export async function enter(errors) {
  onError = errors;
  wire();
  await loadModels();
}

export function leave() {
  clear();
  $('detect-model').replaceChildren();
  $('detect-version').replaceChildren();
}

function wire() {
  if (wired) return;
  wired = true;
  $('detect-file').addEventListener('change', (e) => {
    if (e.target.files.length) detectFile(e.target.files[0]);
    e.target.value = '';
  });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files.length) detectFile(e.dataTransfer.files[0]);
  });
  $('detect-model').addEventListener('change', () => loadVersions().catch(report));
}

async function loadModels() {
  await call('/v2'); // needs the token where one is set (the health probes do not): asks for it first
  const ready = await readiness();
  const select = $('detect-model');
  select.replaceChildren();
  for (const name of ready.models || []) select.append(el('option', { value: name, text: name }));
  if (!select.options.length) {
    $('detect-message').textContent = 'No model is serving yet' + (ready.error ? ': ' + ready.error : '.');
  } else {
    $('detect-message').textContent = '';
  }
  await loadVersions();
}

/** /v2/health/ready lists the models even while it answers 503 (not every model ready). */
async function readiness() {
  try {
    return await call('/v2/health/ready');
  } catch (e) {
    if (e.body && Array.isArray(e.body.models)) return e.body;
    throw e;
  }
}

async function loadVersions() {
  const select = $('detect-version');
  select.replaceChildren(el('option', { value: '', text: 'newest' }));
  const model = $('detect-model').value;
  if (!model) return;
  const md = await call('/v2/models/' + encodeURIComponent(model));
  for (const v of md.versions || []) select.append(el('option', { value: v, text: v }));
}

function clear() {
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = null;
  show($('detect-result'), false);
  $('detect-overlay').replaceChildren();
  $('detect-image').removeAttribute('src');
  $('detect-player').removeAttribute('src');
  $('detect-timeline').replaceChildren();
  $('detect-faces').tBodies[0].replaceChildren();
  $('detect-verdict').textContent = '';
  $('detect-video-summary').textContent = '';
}

async function detectFile(file) {
  clear();
  const video = file.type.startsWith('video/');
  const params = new URLSearchParams();
  if ($('detect-model').value) params.set('model', $('detect-model').value);
  if ($('detect-version').value) params.set('version', $('detect-version').value);
  if ($('detect-heatmap').checked && !video) params.set('heatmap', 'true');
  $('detect-message').textContent = 'Scoring ' + file.name + ' …';
  try {
    const result = await call('/v1/detect?' + params, {
      method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      body: file,
    });
    objectUrl = URL.createObjectURL(file);
    $('detect-message').textContent = file.name;
    verdict(result, video);
    if (video) showVideo(result);
    else await showImage(result);
    show($('detect-result'), true);
  } catch (e) {
    report(e);
  }
}

function report(e) {
  if (!onError(e)) $('detect-message').textContent = e.message;
}

function verdict(r, video) {
  const v = $('detect-verdict');
  const label = String(r.label || '');
  v.className = 'verdict ' + (label === 'fake' ? 'fake' : label === 'real' ? 'real' : '');
  v.textContent = (video ? 'Video: ' : '') + label.toUpperCase() + ' — fakeness ' + fmt(r.fakeness) + ' (threshold '
    + fmt(r.threshold, 2) + ') · model ' + r.model + ' version ' + r.version;
}

function header(...names) {
  $('detect-faces').tHead.replaceChildren(el('tr', {}, ...names.map((n) => el('th', { text: n }))));
}

async function showImage(r) {
  header('#', 'where (x, y, w, h)', 'face score', 'fakeness');
  show($('detect-stage'), true);
  show($('detect-video'), false);
  const img = $('detect-image');
  img.src = objectUrl;
  await img.decode();
  const overlay = $('detect-overlay');
  const rows = $('detect-faces').tBodies[0];
  (r.faces || []).forEach((f, i) => {
    const [x, y, w, h] = f.box;
    const fake = f.fakeness >= r.threshold;
    const box = el('div', { class: 'face-box' + (fake ? ' fake' : '') });
    box.style.left = (100 * x) / img.naturalWidth + '%';
    box.style.top = (100 * y) / img.naturalHeight + '%';
    box.style.width = (100 * w) / img.naturalWidth + '%';
    box.style.height = (100 * h) / img.naturalHeight + '%';
    const heat = pngDataUrl(f.heatmap);
    if (heat) box.append(heatmapCanvas(heat));
    box.append(el('span', { class: 'tag', text: (i + 1) + ': ' + (fake ? 'fake ' : 'real ') + fmt(f.fakeness) }));
    overlay.append(box);
    rows.append(el('tr', {},
      el('td', { text: i + 1 }),
      el('td', { text: [x, y, w, h].map((n) => Math.round(n)).join(', ') }),
      el('td', { text: fmt(f.score) }),
      el('td', { text: fmt(f.fakeness) })));
  });
  if (!(r.faces || []).length) $('detect-message').textContent = 'No face was found in this image.';
}

/** The grey attention map, coloured (transparent where the network did not look, red where it did). */
function heatmapCanvas(dataUrl) {
  const canvas = el('canvas', { class: 'heatmap' });
  const src = new Image();
  src.onload = () => {
    canvas.width = src.naturalWidth;
    canvas.height = src.naturalHeight;
    const g = canvas.getContext('2d');
    g.drawImage(src, 0, 0);
    const px = g.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < px.data.length; i += 4) {
      const v = px.data[i] / 255;
      px.data[i] = 255;
      px.data[i + 1] = Math.round(220 * (1 - v));
      px.data[i + 2] = 0;
      px.data[i + 3] = Math.round(230 * v);
    }
    g.putImageData(px, 0, 0);
    canvas.dataset.ready = 'true';
  };
  src.src = dataUrl;
  return canvas;
}

function showVideo(r) {
  header('#', 'time', 'faces', 'fakeness');
  show($('detect-stage'), false);
  show($('detect-video'), true);
  const player = $('detect-player');
  player.src = objectUrl;
  const frames = videoFrames(r);
  drawTimeline($('detect-timeline'), frames, r.threshold, (f) => {
    if (f.seconds !== null) player.currentTime = f.seconds;
  });
  const withFace = frames.filter((f) => f.fakeness !== null).length;
  $('detect-video-summary').textContent = frames.length + ' frames sampled, ' + withFace
    + ' with a face; the video-level fakeness is ' + fmt(r.fakeness) + '.';
  const rows = $('detect-faces').tBodies[0];
  frames.forEach((f, i) => rows.append(el('tr', {},
    el('td', { text: i + 1 }),
    el('td', { text: f.seconds === null ? 'frame ' + f.frame : fmt(f.seconds, 2) + ' s' }),
    el('td', { text: f.faces }),
    el('td', { text: f.fakeness === null ? 'no face' : fmt(f.fakeness) }))));
}
