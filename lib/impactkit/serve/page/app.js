// The live preview: draws the gallery from /api/state, and draws it again
// when /events says a build is done. A preview whose version did not
// change keeps its image element, so that only what a build changed loads.
'use strict';

const items = new Map();  // image path -> {li, img, version}
let shownBuild = 0;

function element(tag, props = {}, children = []) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

function imageUrl(item) {
  return '/out/' + item.image.split('/').map(encodeURIComponent).join('/') + '?v=' + item.version;
}

function showErrors(state) {
  const box = document.getElementById('errors');
  const list = document.getElementById('error-list');
  list.replaceChildren(...state.errors.map((text) => element('li', {}, [element('pre', {textContent: text})])));
  box.hidden = state.errors.length === 0;
}

function previewItem(item) {
  const img = element('img', {src: imageUrl(item), alt: item.alt, loading: 'lazy'});
  const button = element('button', {type: 'button', className: 'preview', title: 'Open ' + item.title}, [img]);
  const caption = element('span', {className: 'caption', textContent: item.title});
  const li = element('li', {}, [button, caption]);
  const entry = {li, img, item};
  button.addEventListener('click', () => openViewer(entry.item));
  return entry;
}

function showGallery(state) {
  const gallery = document.getElementById('gallery');
  const seen = new Set();
  const sections = state.groups.map((group) => {
    const ul = element('ul');
    for (const item of group.items) {
      seen.add(item.image);
      let entry = items.get(item.image);
      if (!entry) {
        entry = previewItem(item);
        items.set(item.image, entry);
      } else if (entry.item.version !== item.version) {
        entry.img.src = imageUrl(item);
      }
      entry.item = item;
      ul.append(entry.li);
    }
    const heading = element('h2', {textContent: group.title});
    return element('section', {className: 'group'}, [heading, ul]);
  });
  for (const key of [...items.keys()]) {
    if (!seen.has(key)) items.delete(key);
  }
  gallery.replaceChildren(...sections);
}

function showStatus(state) {
  document.getElementById('title').textContent = state.title ? state.title + ': preview' : 'impactkit preview';
  document.title = document.getElementById('title').textContent;
  const outcome = state.ok ? `built in ${Math.round(state.build_ms)} ms` : 'failed: the previews are the last good build';
  document.getElementById('status').textContent = `Build ${state.build} ${outcome}.`;
}

async function load() {
  const response = await fetch('/api/state', {cache: 'no-store'});
  const state = await response.json();
  if (state.build < shownBuild) return;
  shownBuild = state.build;
  showStatus(state);
  showErrors(state);
  showGallery(state);
  document.body.dataset.build = String(state.build);
}

function openViewer(item) {
  const viewer = document.getElementById('viewer');
  document.getElementById('viewer-title').textContent = item.alt;
  const img = document.getElementById('viewer-image');
  img.src = imageUrl(item);
  img.alt = item.alt;
  img.classList.remove('zoomed');
  document.getElementById('zoom').setAttribute('aria-pressed', 'false');
  const pdf = document.getElementById('viewer-pdf');
  pdf.hidden = !item.pdf;
  if (item.pdf) pdf.href = '/out/' + item.pdf.split('/').map(encodeURIComponent).join('/');
  viewer.showModal();
}

document.getElementById('close').addEventListener('click', () => document.getElementById('viewer').close());
document.getElementById('zoom').addEventListener('click', (event) => {
  const zoomed = document.getElementById('viewer-image').classList.toggle('zoomed');
  event.currentTarget.setAttribute('aria-pressed', String(zoomed));
});

// EventSource connects again by itself after a break; the page then
// catches up with any build it missed.
const events = new EventSource('/events');
events.addEventListener('build', () => load());
events.addEventListener('open', () => load());
events.addEventListener('error', () => {
  if (events.readyState !== EventSource.OPEN) {
    document.getElementById('status').textContent = 'Waiting for impactkit serve…';
  }
});
load();
