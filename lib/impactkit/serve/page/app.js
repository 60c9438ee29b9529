// The live preview: draws the gallery from /api/state, and draws it again
// when /events says a build is done. A preview whose version did not
// change keeps its image element, so that only what a build changed loads.
// Each preview's source map (NAME.map.json) says where its texts come
// from: the full view shows it under the pointer.
'use strict';

const items = new Map();  // image path -> {li, img, caption, item, spots}
let shownBuild = 0;
let viewed = null;  // the entry in the full view

function element(tag, props = {}, children = []) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

function outUrl(path, version) {
  const url = '/out/' + path.split('/').map(encodeURIComponent).join('/');
  return version ? url + '?v=' + version : url;
}

function showErrors(state) {
  const box = document.getElementById('errors');
  const list = document.getElementById('error-list');
  list.replaceChildren(...state.errors.map((text) => element('li', {}, [element('pre', {textContent: text})])));
  box.hidden = state.errors.length === 0;
}

// The spots of an item's source map; its caption names its title.
async function loadSpots(entry) {
  const item = entry.item;
  let map = {spots: []};
  // A few tries: a request can fail while the server is busy building
  // (a kept-alive connection it has just closed), and a map is not read
  // again until its preview changes.
  for (let attempt = 0; item.map && attempt < 4; ++attempt) {
    try {
      const response = await fetch(outUrl(item.map, item.version), {cache: 'no-store'});
      if (response.ok) {
        map = await response.json();
        break;
      }
    } catch (e) {
      map = {spots: []};
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // A newer build's map is on its way. Compared by version, not by object:
  // a second reading of the same state replaces the item with an equal one
  // and asks for no map again, and this one must still be shown.
  if (entry.item.version !== item.version) return;
  entry.spots = map.spots;
  entry.aspect = map.aspect;
  const title = entry.spots.find((s) => /(^|\.)(title|headline)$/.test(s.field));
  entry.caption.textContent = title ? title.text : entry.item.title;
  entry.caption.title = entry.item.title;
  if (viewed === entry) openViewer(entry);
}

function previewItem(item) {
  // Lazy: a save's news must not wait behind a hundred previews out of sight.
  const img = element('img', {src: outUrl(item.image, item.version), alt: item.alt, loading: 'lazy'});
  const button = element('button', {type: 'button', className: 'preview'}, [img]);
  button.setAttribute('aria-label', 'Open ' + item.alt);
  const caption = element('span', {className: 'caption', textContent: item.title});
  const li = element('li', {}, [button, caption]);
  const entry = {li, img, caption, item, spots: []};
  li.dataset.image = item.image;
  button.addEventListener('click', () => openViewer(entry));
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
      const fresh = !entry;
      if (fresh) {
        entry = previewItem(item);
        items.set(item.image, entry);
      } else if (entry.item.version !== item.version) {
        entry.img.src = outUrl(item.image, item.version);
      }
      const changed = fresh || entry.item.version !== item.version;
      entry.item = item;
      if (changed) loadSpots(entry);
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
  document.getElementById('status').textContent =
      state.build === 0 ? 'The first build is running…' : `Build ${state.build} ${outcome}.`;
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

// Where a spot's text is written, as one line to copy.
function placeOf(spot) {
  return spot.source || spot.element;
}

function showSource(spot) {
  const box = document.getElementById('source');
  box.textContent = `${spot.field}: ${placeOf(spot)}` + (spot.element ? ` (template ${spot.element})` : '');
  box.hidden = false;
}

function showSpots(entry) {
  const layer = document.getElementById('spots');
  // The largest first: a small text inside a large one's box stays on top, within reach.
  const spots = [...entry.spots].sort((a, b) => b.w * b.h - a.w * a.h);
  layer.replaceChildren(...spots.map((spot) => {
    const b = element('button', {type: 'button', className: 'spot'});
    Object.assign(b.style, {left: spot.x * 100 + '%', top: spot.y * 100 + '%',
                            width: spot.w * 100 + '%', height: spot.h * 100 + '%'});
    b.setAttribute('aria-label', `${spot.text}: ${spot.field}, ${placeOf(spot)}; copy the location`);
    b.dataset.field = spot.field;
    b.dataset.source = placeOf(spot);
    b.addEventListener('mouseenter', () => showSource(spot));
    b.addEventListener('focus', () => showSource(spot));
    b.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(placeOf(spot));
        document.getElementById('source').textContent = `Copied ${placeOf(spot)}`;
      } catch (e) {
        document.getElementById('source').textContent = `${placeOf(spot)} (select and copy it)`;
      }
    });
    return b;
  }));
}

function openViewer(entry) {
  viewed = entry;
  const item = entry.item;
  document.getElementById('viewer-title').textContent = item.alt;
  const img = document.getElementById('viewer-image');
  img.src = outUrl(item.image, item.version);
  img.alt = item.alt;
  const frame = document.getElementById('viewer-page');
  // The page's proportions before its image is in, so that the spots over it are in place at once.
  const aspect = entry.aspect || (entry.img.naturalWidth > 0 ? entry.img.naturalWidth / entry.img.naturalHeight : 0);
  frame.style.aspectRatio = aspect > 0 ? String(aspect) : '';
  frame.classList.remove('zoomed');
  document.getElementById('zoom').setAttribute('aria-pressed', 'false');
  document.getElementById('source').hidden = true;
  const pdf = document.getElementById('viewer-pdf');
  pdf.hidden = !item.pdf;
  if (item.pdf) pdf.href = outUrl(item.pdf);
  showSpots(entry);
  document.getElementById('viewer').showModal();
}

document.getElementById('viewer').addEventListener('close', () => {
  viewed = null;
  document.getElementById('source').hidden = true;
});
document.getElementById('close').addEventListener('click', () => document.getElementById('viewer').close());
document.getElementById('zoom').addEventListener('click', (event) => {
  const zoomed = document.getElementById('viewer-page').classList.toggle('zoomed');
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
