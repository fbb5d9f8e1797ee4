// Operations pages: streams (what RedisInsight shows, for Herald's streams), dead letters with
// replay, and user lookup.
import {api, query} from './api.js';
import {badge, confirmAction, fmtDuration, fmtNumber, fmtTime, h, idTime, note, pretty, show} from './dom.js';

function table(id, headers, rows) {
  return h('table', {class: 'list', id},
    h('thead', {}, h('tr', {}, headers.map(t => h('th', {scope: 'col'}, t)))), h('tbody', {}, rows));
}

export async function streamsPage() {
  const main = show(h('div', {class: 'head'}, h('h1', {}, 'Streams'),
    h('a', {class: 'button', href: '#/streams', onclick: () => streamsPage()}, 'Refresh')));
  let streams;
  try {
    streams = await api('GET', '/api/v1/console/streams');
  } catch (e) {
    main.append(note(`Could not read the streams: ${e.message}`));
    return;
  }
  main.append(table('streams', ['Stream', 'Length', 'First entry', 'Last entry', 'Groups (lag / pending / consumers)'],
    streams.map(s => h('tr', {dataset: {stream: s.stream}},
      h('td', {}, h('a', {href: `#/streams/${encodeURIComponent(s.stream)}`, class: 'mono'}, s.stream)),
      h('td', {class: 'n'}, fmtNumber(s.length)),
      h('td', {}, idTime(s.firstId)), h('td', {}, idTime(s.lastId)),
      h('td', {class: 'groups'}, s.groups.length ? s.groups.map(g => h('div', {class: 'group', dataset: {group: g.name}},
        h('strong', {}, g.name), ` lag ${g.lag === null ? '?' : fmtNumber(g.lag)} / pending ${fmtNumber(g.pending)} / ${g.consumers} consumer(s)`))
        : h('span', {class: 'muted'}, 'no group'))))));
}

export async function streamPage(stream) {
  const main = show(h('p', {}, h('a', {href: '#/streams'}, '← Streams')), h('h1', {class: 'mono'}, stream));
  let d;
  try {
    d = await api('GET', `/api/v1/console/streams/${encodeURIComponent(stream)}?count=20`);
  } catch (e) {
    main.append(note(e.message));
    return;
  }
  const s = d.summary;
  const pending = h('div', {id: 'pending'});
  main.append(h('dl', {class: 'facts'}, h('dt', {}, 'Length'), h('dd', {}, fmtNumber(s.length)),
      h('dt', {}, 'First entry'), h('dd', {class: 'mono'}, s.firstId || '—'),
      h('dt', {}, 'Last entry'), h('dd', {class: 'mono'}, s.lastId || '—')),
    h('h2', {}, 'Consumer groups'),
    h('div', {id: 'groups'}, s.groups.length ? s.groups.map(g => h('section', {class: 'group-box', dataset: {group: g.name}},
      h('h3', {}, g.name, ' ', h('span', {class: 'muted'}, `lag ${g.lag === null ? '?' : fmtNumber(g.lag)}, pending ${fmtNumber(g.pending)}, last delivered ${g.lastDeliveredId}`)),
      table(null, ['Consumer', 'Pending', 'Idle'], (d.consumers[g.name] || []).map(c =>
        h('tr', {}, h('td', {class: 'mono'}, c.name), h('td', {class: 'n'}, fmtNumber(c.pending)), h('td', {}, fmtDuration(c.idleMs))))),
      h('button', {type: 'button', class: 'small', onclick: () => showPending(stream, g.name, pending)}, `Pending entries of ${g.name}`)))
      : h('p', {class: 'muted'}, 'No consumer group reads this stream.')),
    pending,
    h('h2', {}, 'Newest entries'),
    table('entries', ['Id', 'Event', 'Data'], d.newest.map(e => h('tr', {},
      h('td', {class: 'mono'}, e.id, h('br'), h('small', {class: 'muted'}, idTime(e.id))),
      h('td', {}, e.fields.event || '—'),
      h('td', {}, h('pre', {}, pretty(e.fields.data ?? JSON.stringify(e.fields))))))));
}

async function showPending(stream, group, box) {
  try {
    const items = await api('GET', `/api/v1/console/streams/${encodeURIComponent(stream)}/groups/${encodeURIComponent(group)}/pending?count=100`);
    box.replaceChildren(h('h2', {}, `Pending entries of ${group} (oldest 100)`),
      items.length ? table('pending-entries', ['Id', 'Consumer', 'Idle', 'Deliveries'], items.map(p => h('tr', {},
        h('td', {class: 'mono'}, p.id), h('td', {class: 'mono'}, p.consumer), h('td', {}, fmtDuration(p.idleMs)),
        h('td', {class: 'n'}, p.deliveries)))) : h('p', {class: 'muted'}, 'Nothing pending.'));
  } catch (e) {
    box.replaceChildren(note(e.message));
  }
}

function notificationOf(letter) {
  try {
    return JSON.parse(letter.entry?.data || '{}');
  } catch {
    return {};
  }
}

export async function deadLettersPage(config, params) {
  const channel = params.get('channel') || config.channels[0];
  const campaign = params.get('campaign') || '';
  const go = (c, k) => { location.hash = `#/dead-letters${query({channel: c, campaign: k})}`; };
  const campaignInput = h('input', {id: 'dl-campaign', value: campaign, placeholder: 'campaign id', 'aria-label': 'Campaign id'});
  const main = show(h('div', {class: 'head'}, h('h1', {}, 'Dead letters'),
      h('select', {id: 'dl-channel', 'aria-label': 'Channel', onchange: e => go(e.target.value, campaign)},
        config.channels.map(c => h('option', {value: c, selected: c === channel}, c))),
      h('form', {class: 'inline', onsubmit: e => { e.preventDefault(); go(channel, campaignInput.value.trim()); }},
        campaignInput, h('button', {type: 'submit'}, 'Filter'))));
  const path = `/api/v1/console/channels/${encodeURIComponent(channel)}/dead-letters`;
  let letters;
  try {
    letters = await api('GET', `${path}${query({limit: 100, campaign})}`);
  } catch (e) {
    main.append(note(`Could not read the dead letters: ${e.message}`));
    return;
  }
  const replay = async (text, url) => {
    if (!(await confirmAction(text))) return;
    try {
      const answer = await api('POST', url);
      main.prepend(note(`Replayed ${answer.replayed}: back on the channel stream, to be delivered again.`, 'info'));
      setTimeout(() => deadLettersPage(config, params), 1500);
    } catch (e) {
      main.prepend(note(`Replay failed: ${e.message}`));
    }
  };
  if (campaign && letters.length) {
    main.append(h('p', {}, h('button', {type: 'button', id: 'replay-campaign', class: 'danger',
      onclick: () => replay(`Replay all dead letters of campaign ${campaign} on ${channel}?`,
        `${path}/replay${query({campaign})}`)}, `Replay all ${letters.length >= 100 ? '' : letters.length + ' '}of this campaign`)));
  }
  main.append(letters.length ? table('dead-letters', ['Failed at', 'Notification', 'To', 'Attempts', 'Error', ''],
    letters.map(l => {
      const n = notificationOf(l);
      return h('tr', {dataset: {id: l.id, campaign: n.campaignId || ''}},
        h('td', {}, fmtTime(l.failedAt)),
        h('td', {class: 'mono'}, n.notificationId || l.entryId, h('br'),
          n.campaignId ? h('a', {href: `#/campaigns/${encodeURIComponent(n.campaignId)}`}, 'campaign') : ''),
        h('td', {}, n.to || '—'), h('td', {class: 'n'}, l.attempts), h('td', {class: 'err'}, l.error || '—'),
        h('td', {}, h('button', {type: 'button', class: 'small replay', onclick: () => replay(
          `Replay dead letter ${n.notificationId || l.id}? It goes back to ${l.stream} and is sent again.`,
          `${path}/${encodeURIComponent(l.id)}/replay`)}, 'Replay')));
    })) : h('p', {class: 'muted', id: 'no-dead-letters'}, campaign ? 'No dead letters of this campaign on this channel.' : 'No dead letters on this channel.'));
}

export async function usersPage(params) {
  const q = params.get('q') || '';
  const category = params.get('category') || '';
  const cursor = params.get('cursor') || '';
  const input = h('input', {id: 'user-query', value: q, placeholder: 'user id or e-mail address', 'aria-label': 'User id or e-mail'});
  const categories = h('select', {id: 'user-category', 'aria-label': 'Category'}, h('option', {value: ''}, 'all users'));
  const main = show(h('h1', {}, 'Users'),
    h('form', {class: 'inline', onsubmit: e => { e.preventDefault(); location.hash = `#/users${query({q: input.value.trim()})}`; }},
      input, h('button', {type: 'submit', id: 'user-find'}, 'Find')),
    h('form', {class: 'inline', onsubmit: e => { e.preventDefault(); location.hash = `#/users${query({category: categories.value, cursor: '0'})}`; }},
      categories, h('button', {type: 'submit'}, 'Browse')));
  api('GET', '/api/v1/console/categories').then(names => categories.append(
    ...names.map(n => h('option', {value: n, selected: n === category}, n)))).catch(() => {});
  if (q) {
    try {
      const user = await api('GET', q.includes('@') ? `/api/v1/console/users${query({email: q})}`
        : `/api/v1/console/users/${encodeURIComponent(q)}`);
      main.append(userCard(user));
    } catch (e) {
      main.append(note(e.status === 404 ? `No user ${q}.` : e.message));
    }
  } else if (cursor) {
    try {
      const page = await api('GET', `/api/v1/console/users${query({category, cursor: cursor === '0' ? '' : cursor, limit: 50})}`);
      main.append(table('users', ['Id', 'Name', 'E-mail', 'Categories', 'Channels'], page.items.map(u => h('tr', {},
          h('td', {}, h('a', {href: `#/users${query({q: u.id})}`}, u.id)), h('td', {}, u.name), h('td', {}, u.email || '—'),
          h('td', {}, (u.categories || []).join(', ')), h('td', {}, (u.channels || []).join(', '))))),
        page.nextCursor ? h('p', {}, h('a', {class: 'button', href: `#/users${query({category, cursor: page.nextCursor})}`}, 'Next 50 →')) : '');
    } catch (e) {
      main.append(note(e.message));
    }
  }
}

function userCard(u) {
  return h('dl', {class: 'facts', id: 'user'},
    h('dt', {}, 'Id'), h('dd', {}, u.id), h('dt', {}, 'Name'), h('dd', {}, u.name),
    h('dt', {}, 'E-mail'), h('dd', {}, u.email || '—'), h('dt', {}, 'Phone'), h('dd', {}, u.phone || '—'),
    h('dt', {}, 'Device token'), h('dd', {}, u.deviceToken || '—'),
    h('dt', {}, 'Categories'), h('dd', {}, (u.categories || []).join(', ') || '—'),
    h('dt', {}, 'Channels'), h('dd', {}, (u.channels || []).map(c => badge(c))),
    h('dt', {}, 'Created'), h('dd', {}, fmtTime(u.createdAt)));
}
