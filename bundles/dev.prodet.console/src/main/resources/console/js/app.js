// The console's shell: finds which parts this runtime has (serving: Detect and Models; a trainer: Training), shows
// their tabs, routes by the URL hash, and shows the token prompt (and no data) when the server asks for a token.
import { $, show } from './dom.js';
import { NeedToken, present, setToken, token } from './api.js';
import * as detect from './detect.js';
import * as models from './models.js';
import * as training from './training.js';

const pages = { detect, models, training };
const available = [];
let current = null;

async function start() {
  const [serving, trainer] = await Promise.all([
    present('/v2/health/live'),
    present('/console/api/training/runs'),
  ]);
  if (serving) available.push('detect', 'models');
  if (trainer) available.push('training');
  for (const a of document.querySelectorAll('#tabs a')) show(a, available.includes(a.dataset.page));
  show($('nothing'), available.length === 0);
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setToken($('token-input').value.trim());
    $('token-input').value = '';
    route();
  });
  window.addEventListener('hashchange', route);
  await route();
}

async function route() {
  const wanted = location.hash.slice(1);
  const name = available.includes(wanted) ? wanted : available[0];
  if (!name) return;
  for (const p of Object.values(pages)) p.leave();
  for (const a of document.querySelectorAll('#tabs a')) a.classList.toggle('active', a.dataset.page === name);
  for (const p of Object.keys(pages)) show($('page-' + p), false);
  show($('token-prompt'), false);
  current = name;
  try {
    await pages[name].enter(failed);
    if (current === name && $('token-prompt').hidden) show($('page-' + name), true);
  } catch (e) {
    if (!failed(e)) {
      $('status').textContent = e.message;
    }
  }
}

/** Handles an error of any page: a missing or wrong token shows the prompt and hides every page's data. */
function failed(e) {
  if (!(e instanceof NeedToken)) return false;
  for (const [n, p] of Object.entries(pages)) {
    p.leave();
    show($('page-' + n), false);
  }
  $('token-error').textContent = token() ? 'The token was not accepted: ' + e.message : '';
  show($('token-prompt'), true);
  $('token-input').focus();
  return true;
}

start();
