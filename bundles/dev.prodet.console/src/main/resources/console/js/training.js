// Training: the runs of this runtime (and of the workspace's runs/ folder), one run's live curves read on from
// scalars.jsonl, its strategy and step, a regularizer swap for that run, its checkpoints and an export button.
import { $, el, show } from './dom.js';
import { call, post } from './api.js';
import { drawCurves } from './chart.js';

const BASE = '/console/api/training/runs';
let onError = () => false;
let timers = [];
let runs = [];
let regularizers = [];
let selected = null; // { id, offset, steps, events }
let wired = false;

export async function enter(errors) {
  onError = errors;
  wire();
  await refreshRuns();
  timers.push(setInterval(() => refreshRuns().catch(failed), 2000));
  timers.push(setInterval(() => pollScalars().catch(failed), 1000));
}

export function leave() {
  timers.forEach(clearInterval);
  timers = [];
  runs = [];
  selected = null;
  $('runs-list').replaceChildren();
  $('loss-chart').replaceChildren();
  $('chart-legend').replaceChildren();
  $('run-facts').replaceChildren();
  $('checkpoints').replaceChildren();
  for (const id of ['swap-message', 'export-message', 'run-title']) $(id).textContent = '';
  show($('run-view'), false);
}

function failed(e) {
  if (!onError(e)) $('status').textContent = e.message;
}

function wire() {
  if (wired) return;
  wired = true;
  $('swap-button').addEventListener('click', () => swap().catch(failed));
  $('export-button').addEventListener('click', () => exportRun().catch(failed));
}

async function refreshRuns() {
  const answer = await call(BASE);
  runs = answer.runs || [];
  regularizers = answer.regularizers || [];
  if (!selected && runs.length) {
    const live = runs.find((r) => r.live && r.state === 'RUNNING');
    select((live || runs[0]).id);
  }
  renderList();
  renderFacts();
  if (selected) await loadCheckpoints();
}

function renderList() {
  const list = $('runs-list');
  list.replaceChildren();
  if (!runs.length) list.append(el('li', { text: 'No run yet: start one with ./prodet train CONFIG' }));
  for (const r of runs) {
    const li = el('li', { 'data-run': r.id, onclick: () => select(r.id) },
      r.id,
      el('small', { text: r.live ? r.state.toLowerCase() + ' · step ' + r.step + ' · ' + r.strategy : 'earlier run' }));
    li.classList.toggle('selected', !!selected && selected.id === r.id);
    list.append(li);
  }
}

function select(id) {
  if (selected && selected.id === id) return;
  selected = { id, offset: 0, steps: [], events: [] };
  $('swap-message').textContent = '';
  $('export-message').textContent = '';
  renderList();
  renderFacts();
  drawCurves($('loss-chart'), $('chart-legend'), [], []);
  show($('run-view'), true);
  pollScalars().catch(failed);
  loadCheckpoints().catch(failed);
}

function current() {
  return selected ? runs.find((r) => r.id === selected.id) : null;
}

function renderFacts() {
  const r = current();
  if (!r) return;
  $('run-title').textContent = 'Run ' + r.id;
  const facts = $('run-facts');
  facts.replaceChildren();
  const add = (k, v) => facts.append(el('dt', { text: k }), el('dd', { text: v, 'data-fact': k }));
  if (r.live) {
    add('state', r.state.toLowerCase());
    add('step', r.step);
    add('regularizer', r.strategy);
    if (r.waitingFor) add('waiting', r.waitingFor);
    if (r.failure) add('failure', r.failure);
    add('config', r.config);
    add('folder', r.folder);
  } else {
    add('state', 'earlier run (not in this runtime): curves and checkpoints only');
  }
  const choice = $('swap-select');
  const keep = choice.value;
  choice.replaceChildren(...regularizers.map((n) => el('option', { value: n, text: n })));
  choice.value = regularizers.includes(keep) ? keep : r.strategy || regularizers[0] || '';
  const steerable = r.live && r.state === 'RUNNING';
  choice.disabled = !steerable;
  $('swap-button').disabled = !steerable;
}

async function pollScalars() {
  const run = selected;
  if (!run || run.busy) return;
  run.busy = true;
  try {
    await readOn(run);
  } finally {
    run.busy = false;
  }
}

async function readOn(run) {
  for (let more = true; more && run === selected; ) {
    const chunk = await call(BASE + '/' + encodeURIComponent(run.id) + '/scalars?from=' + run.offset);
    if (run !== selected) return;
    for (const rec of chunk.records) (rec.event ? run.events : run.steps).push(rec);
    const grew = chunk.next !== run.offset;
    run.offset = chunk.next;
    more = grew && chunk.next < chunk.size;
    if (grew || !$('loss-chart').childNodes.length) drawCurves($('loss-chart'), $('chart-legend'), run.steps, run.events);
  }
}

async function loadCheckpoints() {
  const run = selected;
  const list = await call(BASE + '/' + encodeURIComponent(run.id) + '/checkpoints');
  if (run !== selected) return;
  const ul = $('checkpoints');
  ul.replaceChildren();
  if (!list.length) ul.append(el('li', { text: 'none yet' }));
  for (const c of list) {
    ul.append(el('li', { text: c.name + (c.complete ? '' : ' (incomplete)') + ' · ' + new Date(c.time).toLocaleString() }));
  }
  $('export-button').disabled = !list.some((c) => c.complete);
}

async function swap() {
  const run = selected;
  const name = $('swap-select').value;
  $('swap-message').textContent = 'asking run ' + run.id + ' to use ' + name + ' …';
  try {
    const r = await post(BASE + '/' + encodeURIComponent(run.id) + '/swap', { regularizer: name });
    $('swap-message').textContent = r.message;
    if (r.step !== null && r.step !== undefined) $('swap-message').dataset.step = String(r.step);
  } catch (e) {
    if (!onError(e)) $('swap-message').textContent = 'not swapped: ' + e.message;
  }
}

async function exportRun() {
  const run = selected;
  $('export-message').textContent = 'exporting the latest checkpoint of ' + run.id + ' …';
  try {
    const r = await post(BASE + '/' + encodeURIComponent(run.id) + '/export');
    $('export-message').textContent = r.message;
  } catch (e) {
    if (!onError(e)) $('export-message').textContent = 'not exported: ' + e.message;
  }
}
