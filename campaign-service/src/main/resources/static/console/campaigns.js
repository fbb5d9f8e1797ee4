// The campaign list (newest first, paged, live progress bars) and the create form.
import {api, ApiError, query} from './api.js';
import {badge, confirmAction, fmtTime, h, note, show} from './dom.js';
import {ENDED, progressBars, sizeBars} from './progress.js';

const PAGE = 25;
const STATUSES = ['', 'SCHEDULED', 'ACCEPTED', 'RESOLVING', 'DISPATCHING', 'COMPLETED', 'CANCELLED'];

/** Cancels after confirmation; resolves to true when cancelled. */
export async function cancelCampaign(view, where) {
  if (!(await confirmAction(`Cancel campaign "${view.name}"? Notifications not yet sent will not be sent.`))) return false;
  try {
    await api('DELETE', `/api/v1/campaigns/${encodeURIComponent(view.id)}`);
    return true;
  } catch (e) {
    where.prepend(note(`Could not cancel: ${e.message}`));
    return false;
  }
}

function row(view, refresh) {
  const cancellable = !ENDED.includes(view.status);
  return h('tr', {dataset: {id: view.id, status: view.status}},
    h('td', {}, h('a', {href: `#/campaigns/${encodeURIComponent(view.id)}`, class: 'name'}, view.name || view.id)),
    h('td', {}, view.category),
    h('td', {class: 'status'}, badge(view.status)),
    h('td', {class: 'progress'}, sizeBars(progressBars(view))),
    h('td', {}, fmtTime(view.scheduledAt && view.status === 'SCHEDULED' ? view.scheduledAt : view.createdAt)),
    h('td', {}, cancellable ? h('button', {type: 'button', class: 'small cancel',
      onclick: async e => { if (await cancelCampaign(view, e.target.closest('main'))) refresh(); }}, 'Cancel') : ''));
}

export async function campaignList(live, params) {
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const status = params.get('status') || '';
  const body = h('tbody');
  const status_ = h('select', {id: 'status-filter', 'aria-label': 'Status',
      onchange: e => { location.hash = `#/campaigns${query({status: e.target.value})}`; }},
    STATUSES.map(s => h('option', {value: s, selected: s === status}, s || 'any status')));
  const pager = h('div', {class: 'pager'});
  const main = show(
    h('div', {class: 'head'}, h('h1', {}, 'Campaigns'), status_,
      h('a', {class: 'button', href: '#/new', id: 'new-campaign'}, 'New campaign')),
    h('table', {class: 'list', id: 'campaigns'},
      h('thead', {}, h('tr', {}, ['Name', 'Category', 'Status', 'Progress', 'Created', ''].map(t => h('th', {scope: 'col'}, t)))),
      body),
    pager);
  let views = [];
  const load = async () => {
    try {
      views = await api('GET', `/api/v1/campaigns${query({limit: PAGE, offset: offset || '', status})}`);
    } catch (e) {
      main.prepend(note(`Could not load campaigns: ${e.message}`));
      return;
    }
    body.replaceChildren(...views.map(v => row(v, load)));
    if (!views.length) body.append(h('tr', {}, h('td', {colspan: 6, class: 'muted'}, 'No campaigns yet. Create one with “New campaign”.')));
    pager.replaceChildren(
      h('a', {class: 'button', href: `#/campaigns${query({status, offset: Math.max(0, offset - PAGE) || ''})}`,
        'aria-disabled': offset === 0 ? 'true' : undefined, hidden: offset === 0}, '← Newer'),
      h('span', {class: 'muted'}, views.length ? `${offset + 1}–${offset + views.length}` : ''),
      h('a', {class: 'button', href: `#/campaigns${query({status, offset: offset + PAGE})}`,
        hidden: views.length < PAGE}, 'Older →'));
  };
  await load();
  let reload = null;
  return live.listen(view => {
    const tr = body.querySelector(`tr[data-id="${CSS.escape(view.id)}"]`);
    if (tr) {
      if (!status || view.status === status) tr.replaceWith(row(view, load));
    } else if (offset === 0 && !reload) {
      reload = setTimeout(() => { reload = null; load(); }, 300); // a new campaign: show it on top
    }
  });
}

function field(id, label, control, hint) {
  return h('div', {class: 'field'},
    h('label', {for: id}, label), control,
    hint ? h('small', {class: 'muted', id: `${id}-hint`}, hint) : null,
    h('span', {class: 'field-error', id: `error-${id.replace(/^f-/, '')}`, role: 'alert'}));
}

export async function newCampaignForm(config) {
  const categories = h('select', {id: 'f-category', name: 'category', required: true});
  const form = h('form', {id: 'campaign-form', novalidate: true},
    field('f-name', 'Name', h('input', {id: 'f-name', name: 'name', maxlength: 200, autocomplete: 'off'})),
    field('f-category', 'Category (its subscribers get the campaign)', categories),
    h('fieldset', {class: 'field'}, h('legend', {}, 'Channels (none ticked: each subscriber’s own channels)'),
      config.channels.map(c => h('label', {class: 'inline'},
        h('input', {type: 'checkbox', name: 'channel', value: c}), ` ${c}`)),
      h('span', {class: 'field-error', id: 'error-channels', role: 'alert'})),
    field('f-subject', 'Subject', h('input', {id: 'f-subject', name: 'subject', autocomplete: 'off'}),
      '{{name}} becomes each recipient’s name'),
    field('f-message', 'Message', h('textarea', {id: 'f-message', name: 'message', rows: 6}),
      '{{name}} becomes each recipient’s name'),
    field('f-scheduledAt', 'Send at (optional, your local time)', h('input', {id: 'f-scheduledAt', type: 'datetime-local'})),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'f-submit'}, 'Send campaign')),
    h('div', {id: 'form-problem'}));
  show(h('h1', {}, 'New campaign'), form);
  try {
    const names = await api('GET', '/api/v1/console/categories');
    categories.replaceChildren(h('option', {value: ''}, 'choose a category…'),
      ...names.map(n => h('option', {value: n, selected: n === 'Finance' && names.length > 0}, n)));
  } catch (e) {
    form.prepend(note(`Could not load the categories from user-service: ${e.message}`));
  }
  const idempotencyKey = crypto.randomUUID(); // a double submit creates one campaign
  form.addEventListener('submit', async event => {
    event.preventDefault();
    form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    document.getElementById('form-problem').replaceChildren();
    const value = id => document.getElementById(id).value;
    const channels = [...form.querySelectorAll('input[name=channel]:checked')].map(c => c.value);
    const at = value('f-scheduledAt');
    const body = {name: value('f-name'), category: value('f-category'), subject: value('f-subject'),
      message: value('f-message')};
    if (channels.length) body.channels = channels;
    if (at) body.scheduledAt = new Date(at).toISOString();
    const submit = document.getElementById('f-submit');
    submit.disabled = true;
    try {
      const created = await api('POST', '/api/v1/campaigns', {body, headers: {'Idempotency-Key': idempotencyKey}});
      location.hash = `#/campaigns/${encodeURIComponent(created.id)}`;
    } catch (e) {
      submit.disabled = false;
      showProblem(form, e);
    }
  });
}

/** Puts each field error next to its field; what matches no field goes above the button. */
function showProblem(form, e) {
  const rest = [];
  for (const {field: name, message} of (e instanceof ApiError ? e.errors : [])) {
    const slot = document.getElementById(`error-${String(name).replace(/\[.*$/, '')}`);
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
      document.getElementById(`f-${String(name).replace(/\[.*$/, '')}`)?.setAttribute('aria-invalid', 'true');
    } else {
      rest.push(`${name}: ${message}`);
    }
  }
  const problem = document.getElementById('form-problem');
  if (rest.length || !(e instanceof ApiError) || !e.errors.length) {
    problem.replaceChildren(note(rest.length ? rest.join('; ') : e.message));
  }
  form.querySelector('[aria-invalid=true]')?.focus();
}
