// Calls to the runtime's APIs with the bearer token of this tab (sessionStorage). A 401 raises NeedToken, upon which
// the app shows the token prompt and no data.
const KEY = 'prodet.token';

export class NeedToken extends Error {
  constructor(message) {
    super(message);
    this.name = 'NeedToken';
  }
}

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export function token() {
  return sessionStorage.getItem(KEY) || '';
}

export function setToken(value) {
  if (value) sessionStorage.setItem(KEY, value);
  else sessionStorage.removeItem(KEY);
}

/** fetch with the token; JSON answers parsed; errors (JSON {error, problem}) as ApiError. */
export async function call(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (token()) headers.set('Authorization', 'Bearer ' + token());
  const resp = await fetch(path, { ...options, headers, cache: 'no-store' });
  let body = null;
  const type = resp.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      body = await resp.json();
    } catch (e) {
      body = null;
    }
  }
  if (resp.status === 401) {
    throw new NeedToken(body && body.error ? body.error : 'a token is needed');
  }
  if (!resp.ok) {
    const message = body && body.error ? body.error : 'HTTP ' + resp.status + ' from ' + path;
    throw new ApiError(resp.status, message, body);
  }
  return body;
}

/** POST a JSON value. */
export function post(path, value = {}) {
  return call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
  });
}

/** Whether a path answers at all (any status but 404): which parts this runtime has. */
export async function present(path) {
  try {
    const resp = await fetch(path, { cache: 'no-store' });
    return resp.status !== 404;
  } catch (e) {
    return false;
  }
}
