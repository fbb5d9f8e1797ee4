// One campaign: status timeline from its events, counters per channel, live throughput, latency
// so far, and its notifications that were not delivered, with their last error.
import {api} from './api.js';
import {badge, fmtDuration, fmtNumber, fmtTime, h, note, show} from './dom.js';
import {ENDED, LABELS, OUTCOMES, channelsOf, progressBars, settled, sizeBars} from './progress.js';
import {ThroughputChart} from './chart.js';
import {cancelCampaign} from './campaigns.js';

const EVENT_LABELS = {
  campaign_campaign_created: 'created', campaign_campaign_scheduled: 'scheduled',
  campaign_campaign_released: 'released', campaign_campaign_cancelled: 'cancelled',
  campaign_campaign_dispatching: 'dispatching', campaign_campaign_completed: 'completed',
  user_audience_resolved: 'audience resolved',
};

function counters(view) {
  const shown = ['targeted', ...OUTCOMES.filter(o => o !== 'skipped'
    || Object.values(view.progress || {}).some(p => p.skipped !== undefined))];
  return h('table', {class: 'list counters', id: 'counters'},
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Channel'), shown.map(c => h('th', {scope: 'col', class: 'n'}, LABELS[c])))),
    h('tbody', {}, Object.entries(view.progress || {}).map(([channel, p]) => h('tr', {},
      h('th', {scope: 'row'}, channel),
      shown.map(c => h('td', {class: 'n', dataset: {channel, counter: c}}, fmtNumber(p[c] ?? 0)))))));
}

function latency(view, now) {
  const start = Date.parse(view.createdAt);
  const end = view.completedAt ? Date.parse(view.completedAt) : view.cancelledAt ? Date.parse(view.cancelledAt) : now;
  const total = Object.values(view.progress || {}).reduce((s, p) => s + settled(p), 0);
  const elapsed = end - start;
  return h('dl', {class: 'facts', id: 'latency'},
    h('dt', {}, view.completedAt ? 'Time to complete' : 'Running for'), h('dd', {}, fmtDuration(elapsed)),
    h('dt', {}, 'Settled'), h('dd', {}, fmtNumber(total)),
    h('dt', {}, 'Average rate'), h('dd', {}, elapsed > 0 ? `${Math.round(total * 1000 / elapsed).toLocaleString()}/s` : '—'));
}

/** Events in order; the audience batches of one resolution, often dozens, are one line. */
function timelineItems(events) {
  const items = [];
  for (const e of events) {
    const last = items.at(-1);
    if (e.event === 'user_audience_resolved' && last?.event === e.event) {
      last.batches += 1;
      last.until = e.occurredAt;
    } else {
      items.push({event: e.event, at: e.occurredAt, until: null, batches: 1});
    }
  }
  return items.map(i => h('li', {dataset: {event: i.event}},
    h('time', {datetime: i.at}, fmtTime(i.at)), ' ', h('strong', {}, EVENT_LABELS[i.event] || i.event),
    i.event === 'user_audience_resolved' ? ` (${i.batches} batch${i.batches === 1 ? '' : 'es'}${
      i.until ? `, last at ${fmtTime(i.until)}` : ''})` : ''));
}

async function timeline(id, list) {
  try {
    list.replaceChildren(...timelineItems(await api('GET', `/api/v1/campaigns/${encodeURIComponent(id)}/events`)));
  } catch (e) {
    list.replaceChildren(h('li', {}, `Could not read the events: ${e.message}`));
  }
}

async function undelivered(view, box) {
  const channels = channelsOf(view).filter(([, p]) => (Number(p.failed) || 0) + (Number(p.deadLettered) || 0) > 0);
  if (!channels.length) {
    box.replaceChildren(h('p', {class: 'muted'}, 'No failed or dead-lettered notifications.'));
    return;
  }
  const rows = [];
  for (const [channel] of channels) {
    try {
      const items = await api('GET', `/api/v1/console/channels/${encodeURIComponent(channel)}/campaigns/${encodeURIComponent(view.id)}/undelivered?limit=100`);
      rows.push(...items.map(i => h('tr', {}, h('td', {}, channel), h('td', {class: 'mono'}, i.notificationId),
        h('td', {}, badge(i.status)), h('td', {class: 'n'}, i.attempts), h('td', {}, fmtTime(i.at)), h('td', {class: 'err'}, i.error || '—'))));
    } catch (e) {
      rows.push(h('tr', {}, h('td', {colspan: 6}, `${channel}: ${e.message}`)));
    }
  }
  box.replaceChildren(h('table', {class: 'list', id: 'undelivered'},
    h('thead', {}, h('tr', {}, ['Channel', 'Notification', 'Outcome', 'Attempts', 'At', 'Last error'].map(t => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, rows)),
    h('p', {}, h('a', {href: `#/dead-letters?campaign=${encodeURIComponent(view.id)}`}, 'Dead letters of this campaign, with replay →')));
}

export async function campaignPage(live, id) {
  let view;
  try {
    view = await api('GET', `/api/v1/campaigns/${encodeURIComponent(id)}`);
  } catch (e) {
    show(h('h1', {}, 'Campaign'), note(e.status === 404 ? `There is no campaign ${id}.` : e.message));
    return () => {};
  }
  const chart = new ThroughputChart();
  const chartNote = h('p', {class: 'muted small'});
  const head = h('div', {class: 'head'});
  const summary = h('div', {id: 'summary'});
  const events = h('ol', {class: 'timeline', id: 'timeline'});
  const problems = h('div', {id: 'problems'});
  const main = show(head, summary, h('div', {class: 'cols'},
      h('section', {}, h('h2', {}, 'Throughput'), chart.root, chartNote),
      h('section', {}, h('h2', {}, 'Timeline'), events)),
    h('section', {}, h('h2', {}, 'Failed and dead-lettered'), problems));
  const render = v => {
    view = v;
    head.replaceChildren(h('h1', {id: 'campaign-name'}, v.name || v.id), h('span', {id: 'campaign-status'}, badge(v.status)),
      !ENDED.includes(v.status) ? h('button', {type: 'button', id: 'cancel', class: 'danger',
        onclick: async () => { if (await cancelCampaign(v, main)) render(await api('GET', `/api/v1/campaigns/${encodeURIComponent(id)}`)); }}, 'Cancel campaign') : '');
    summary.replaceChildren(
      h('dl', {class: 'facts'}, h('dt', {}, 'Category'), h('dd', {}, v.category),
        h('dt', {}, 'Channels'), h('dd', {}, v.channels?.length ? v.channels.join(', ') : 'each subscriber’s own'),
        h('dt', {}, 'Subject'), h('dd', {}, v.subject), h('dt', {}, 'Created'), h('dd', {}, fmtTime(v.createdAt)),
        v.scheduledAt ? [h('dt', {}, 'Scheduled'), h('dd', {}, fmtTime(v.scheduledAt))] : null,
        h('dt', {}, 'Recipients'), h('dd', {}, fmtNumber(v.recipients))),
      latency(v, Date.now()), sizeBars(progressBars(v)), counters(v));
    chart.add(Date.now(), Object.fromEntries(Object.entries(v.progress || {}).map(([c, p]) => [c, settled(p)])));
    chartNote.textContent = ENDED.includes(v.status)
      ? 'The campaign has ended: the chart draws while a campaign runs and this page is open.'
      : 'Notifications settled per second, per channel, while this page is open.';
  };
  render(view);
  timeline(id, events);
  undelivered(view, problems);
  let lastStatus = view.status;
  return live.listen(v => {
    if (v.id !== id) return;
    render(v);
    if (v.status !== lastStatus || ENDED.includes(v.status)) {
      lastStatus = v.status;
      timeline(id, events);
      undelivered(v, problems);
    }
  });
}
