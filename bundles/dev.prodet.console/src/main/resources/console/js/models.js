// Models: what the edge runtime serves (from /v2/health/ready and /v2/models/NAME), and with the model-repository
// extension on (management), every version the repository knows with its state, and load/unload buttons.
import { $, el, fmt } from './dom.js';
import { call, post } from './api.js';

let onError = () => false;
let generation = 0;

export async function enter(errors) {
  onError = errors;
  await refresh();
}

export function leave() {
  generation++;
  $('models-table').tBodies[0].replaceChildren();
  $('models-message').textContent = '';
  $('models-management').textContent = '';
}

async function refresh() {
  const mine = ++generation;
  const server = await call('/v2');
  const management = Array.isArray(server.extensions) && server.extensions.includes('model_repository');
  let ready;
  try {
    ready = await call('/v2/health/ready');
  } catch (e) {
    if (!(e.body && Array.isArray(e.body.models))) throw e;
    ready = e.body;
  }
  const rows = [];
  if (management) {
    for (const entry of await post('/v2/repository/index')) {
      rows.push({ name: entry.name, version: entry.version, state: entry.state, reason: entry.reason });
    }
  }
  for (const name of ready.models || []) {
    const path = '/v2/models/' + encodeURIComponent(name);
    try {
      const md = await call(path);
      for (const v of md.versions || []) {
        const one = await call(path + '/versions/' + encodeURIComponent(v));
        const known = rows.find((r) => r.name === name && String(r.version) === String(v));
        if (known) known.md = one;
        else rows.push({ name, version: v, state: 'SERVING', md: one });
      }
    } catch (e) {
      if (onError(e)) return;
      if (!rows.some((r) => r.name === name)) rows.push({ name, version: '', state: 'unavailable: ' + e.message });
    }
  }
  if (mine !== generation) return;
  $('models-management').textContent = management
    ? 'Management is on: models can be loaded and unloaded here.'
    : 'Management is off (prodet.serve.management=false): this page only shows what is served.';
  render(rows, management);
}

function render(rows, management) {
  const body = $('models-table').tBodies[0];
  body.replaceChildren();
  const names = [];
  for (const r of rows) {
    const p = (r.md && r.md.parameters) || {};
    const first = !names.includes(r.name);
    names.push(r.name);
    const actions = el('td');
    if (management && first) {
      actions.append(
        el('button', { type: 'button', text: 'Load', onclick: () => act(r.name, 'load') }),
        ' ',
        el('button', { type: 'button', text: 'Unload', onclick: () => act(r.name, 'unload') }));
    }
    body.append(el('tr', { 'data-model': r.name, 'data-version': r.version },
      el('td', { text: r.name }),
      el('td', { text: r.version }),
      el('td', { text: r.state + (r.reason ? ' (' + r.reason + ')' : '') }),
      el('td', { text: p.execution_provider ?? '' }),
      el('td', { text: p.threshold === undefined ? '' : fmt(p.threshold, 2) }),
      el('td', { class: 'digest', text: p.sha256 ?? '' }),
      actions));
  }
  $('models-message').textContent = rows.length ? '' : 'No model found in the repository.';
}

async function act(name, what) {
  $('models-message').textContent = (what === 'load' ? 'Loading ' : 'Unloading ') + name + ' …';
  try {
    await post('/v2/repository/models/' + encodeURIComponent(name) + '/' + what);
    await refresh();
    $('models-message').textContent = name + ': ' + what + ' done.';
  } catch (e) {
    if (!onError(e)) $('models-message').textContent = name + ': ' + e.message;
  }
}
