// Building the page: every piece of data goes in as text (textContent, attribute values), never
// as HTML, so a campaign named <img src=x onerror=alert(1)> shows exactly those characters.

/** Creates an element: h('td', {class: 'n', dataset: {id}}, 'text', childNode, ...). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the main area's content and moves keyboard focus there. */
export function show(...children) {
  const main = document.getElementById('main');
  main.replaceChildren(...children.flat());
  main.focus({preventScroll: true});
  return main;
}

export function fmtTime(value) {
  if (!value) return '—';
  const d = new Date(value);
  return isNaN(d) ? String(value) : d.toLocaleString();
}

export function fmtNumber(n) {
  return n === undefined || n === null ? '—' : Number(n).toLocaleString();
}

export function fmtDuration(ms) {
  if (ms === null || ms === undefined || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 120) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return m < 120 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** The time encoded in a stream entry id (milliseconds before the dash). */
export function idTime(id) {
  if (!id) return '—';
  const ms = Number(String(id).split('-')[0]);
  return Number.isFinite(ms) ? new Date(ms).toLocaleString() : '—';
}

/** A status badge. */
export function badge(status) {
  return h('span', {class: `badge s-${String(status).toLowerCase()}`, dataset: {status}}, status);
}

/** A message line (error or info) that screen readers announce. */
export function note(text, kind = 'error') {
  return h('p', {class: `note ${kind}`, role: kind === 'error' ? 'alert' : 'status'}, text);
}

/** Asks for confirmation in a modal dialog (keyboard: Enter confirms, Escape cancels). */
export function confirmAction(text) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), {once: true});
    dialog.returnValue = 'no';
    dialog.showModal();
    document.getElementById('confirm-yes').focus();
  });
}

/** Pretty JSON of a string that may hold JSON; the string itself otherwise. */
export function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return String(text);
  }
}
