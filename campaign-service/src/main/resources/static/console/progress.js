// Per-channel progress of a campaign: counters and bars, shared by the list and the campaign page.
import {h} from './dom.js';

/** Outcomes in the order they are drawn; `skipped` shows only when the services report it. */
export const OUTCOMES = ['delivered', 'failed', 'deadLettered', 'cancelled', 'skipped'];
export const LABELS = {targeted: 'targeted', delivered: 'delivered', failed: 'failed', deadLettered: 'dead-lettered',
  cancelled: 'cancelled', skipped: 'skipped'};
export const ENDED = ['COMPLETED', 'CANCELLED'];

export function settled(p) {
  return OUTCOMES.reduce((sum, o) => sum + (Number(p?.[o]) || 0), 0);
}

/** Channels worth drawing: those with anything targeted, or all while nothing is. */
export function channelsOf(view) {
  const entries = Object.entries(view.progress || {});
  const busy = entries.filter(([, p]) => Number(p.targeted) > 0 || settled(p) > 0);
  return busy.length ? busy : entries;
}

/** One bar per channel: coloured segments per outcome over `targeted`, and the numbers as text. */
export function progressBars(view) {
  return h('div', {class: 'bars', dataset: {campaign: view.id}},
    channelsOf(view).map(([channel, p]) => {
      const targeted = Number(p.targeted) || 0;
      const done = settled(p);
      const width = o => targeted ? `${Math.min(100, (Number(p[o]) || 0) * 100 / targeted)}%` : '0%';
      const title = [`${channel}: ${done} of ${targeted} settled`,
        ...OUTCOMES.filter(o => p[o] !== undefined && Number(p[o]) > 0).map(o => `${p[o]} ${LABELS[o]}`)].join(', ');
      return h('div', {class: 'bar-row', dataset: {channel}},
        h('span', {class: 'bar-label'}, channel),
        h('span', {class: 'bar', role: 'progressbar', 'aria-label': title, 'aria-valuemin': 0,
            'aria-valuemax': targeted, 'aria-valuenow': done, title},
          OUTCOMES.map(o => h('span', {class: `seg o-${o}`, dataset: {w: width(o)}}))),
        h('span', {class: 'bar-text'}, `${done.toLocaleString()}/${targeted.toLocaleString()}`));
    }));
}

/** Applies segment widths (CSP forbids inline style attributes, so they are set as properties). */
export function sizeBars(root) {
  for (const seg of root.querySelectorAll('.seg[data-w]')) seg.style.width = seg.dataset.w;
  return root;
}
