// The console's entry point: sign-in, navigation (hash routes, so the page is one file and the
// back button works) and the one live stream shared by every page.
import {api, ApiError, Live, session} from './api.js';
import {h, note, show} from './dom.js';
import {campaignList, newCampaignForm} from './campaigns.js';
import {campaignPage} from './campaign.js';
import {deadLettersPage, streamPage, streamsPage, usersPage} from './ops.js';

let config = null;
let stopPage = () => {};
const liveState = document.getElementById('live-state');
const live = new Live(state => {
  liveState.textContent = state === 'live' ? '● live' : '○ reconnecting…';
  liveState.classList.toggle('on', state === 'live');
});

function signInPage(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('sign-out').hidden = true;
  liveState.textContent = '';
  const input = h('input', {id: 'api-key', type: 'password', autocomplete: 'current-password', required: true,
    'aria-describedby': 'api-key-hint'});
  const error = h('div', {id: 'sign-in-error'}, message ? note(message) : null);
  const form = h('form', {id: 'sign-in-form', class: 'card'},
    h('h1', {}, 'Sign in to Herald'),
    h('div', {class: 'field'}, h('label', {for: 'api-key'}, 'API key'), input,
      h('small', {id: 'api-key-hint', class: 'muted'},
        'The key every service requires (HERALD_API_KEY; ./start.sh keeps it in .run/api-key). It stays in this tab only.')),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'sign-in'}, 'Sign in')), error);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    session.signIn(input.value.trim());
    try {
      await start();
    } catch (err) {
      session.signOut();
      error.replaceChildren(note(err instanceof ApiError && err.status === 401
        ? 'That key was refused: it is not this deployment’s API key.' : `Cannot sign in: ${err.message}`));
      input.select();
    }
  });
  show(form);
  input.focus();
}

async function start() {
  config = await api('GET', '/api/v1/console/config');
  document.getElementById('nav').hidden = false;
  document.getElementById('sign-out').hidden = false;
  const mail = document.getElementById('nav-mail');
  if (config.mailUrl) {
    mail.href = config.mailUrl;
    mail.hidden = false;
  }
  live.start();
  if (!location.hash || location.hash === '#/' || location.hash === '#') location.hash = '#/campaigns';
  else route();
}

async function route() {
  if (!config) return;
  stopPage();
  stopPage = () => {};
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll('#nav a').forEach(a => a.removeAttribute('aria-current'));
  const current = document.getElementById(`nav-${parts[0] === 'campaigns' && parts[1] ? 'campaigns' : parts[0]}`);
  current?.setAttribute('aria-current', 'page');
  try {
    if (parts[0] === 'campaigns' && parts[1]) stopPage = await campaignPage(live, parts[1]);
    else if (parts[0] === 'new') await newCampaignForm(config);
    else if (parts[0] === 'streams' && parts[1]) await streamPage(parts[1]);
    else if (parts[0] === 'streams') await streamsPage();
    else if (parts[0] === 'dead-letters') await deadLettersPage(config, params);
    else if (parts[0] === 'users') await usersPage(params);
    else stopPage = await campaignList(live, params);
  } catch (e) {
    show(note(`Something went wrong: ${e.message}`));
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('herald:unauthorized', () => {
  if (!config) return; // signing in: the sign-in form says it itself
  live.stop();
  config = null;
  session.signOut();
  signInPage('The API key was refused (it may have changed): sign in again.');
});
document.getElementById('sign-out').addEventListener('click', () => {
  live.stop();
  config = null;
  session.signOut();
  signInPage();
});

if (session.key()) {
  start().catch(e => signInPage(e instanceof ApiError && e.status === 401
    ? 'That key was refused: it is not this deployment’s API key.' : `Cannot reach Herald: ${e.message}`));
} else {
  signInPage();
}
