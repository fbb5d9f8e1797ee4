// Talking to Herald: the API key lives in sessionStorage (gone when the tab closes), travels only
// in the X-API-Key header, and never goes into a URL, the history or a log line.

const KEY = 'herald.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: key => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** An answer other than 2xx, with the problem+json body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** Field errors of a validation problem: [{field, message}]. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** Sends a request with the key; resolves to the JSON answer (or null), rejects with ApiError. */
export async function api(method, path, {body, headers} = {}) {
  const init = {method, headers: {'X-API-Key': session.key() || '', Accept: 'application/json', ...headers}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, {title: 'Unreachable', detail: 'Herald does not answer: is campaign-service running?'});
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent('herald:unauthorized'));
    throw new ApiError(response.status, json);
  }
  return json;
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The console's live stream (/api/v1/console/live, text/event-stream) read with fetch() so that
 * the key goes in a header: an EventSource cannot send one. One connection per tab; listeners get
 * every campaign view sent. Reconnects after a drop, with a growing pause.
 */
export class Live {
  constructor(onState) {
    this.listeners = new Set();
    this.onState = onState;
    this.controller = null;
    this.retry = 1000;
  }

  listen(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  start() {
    this.stop();
    this.controller = new AbortController();
    this.run(this.controller.signal);
  }

  stop() {
    if (this.controller) this.controller.abort();
    this.controller = null;
  }

  async run(signal) {
    try {
      const response = await fetch('/api/v1/console/live', {
        headers: {'X-API-Key': session.key() || '', Accept: 'text/event-stream'}, signal});
      if (response.status === 401) {
        window.dispatchEvent(new CustomEvent('herald:unauthorized'));
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      this.onState('live');
      this.retry = 1000;
      await this.read(response.body.getReader(), signal);
    } catch (e) {
      if (signal.aborted) return;
    }
    if (signal.aborted) return;
    this.onState('reconnecting');
    setTimeout(() => { if (!signal.aborted) this.run(signal); }, this.retry);
    this.retry = Math.min(this.retry * 2, 15000);
  }

  async read(reader, signal) {
    const decoder = new TextDecoder();
    let buffer = '';
    while (!signal.aborted) {
      const {value, done} = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, {stream: true}).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  dispatch(block) {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (event !== 'progress' || data.length === 0) return;
    let view;
    try {
      view = JSON.parse(data.join('\n'));
    } catch {
      return;
    }
    for (const fn of this.listeners) fn(view);
  }
}
