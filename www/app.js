// The newsclaims demo page (issue #7): compares a story's coverage in the browser.
//
// All analysis is done by the npm package in ../pkg (WebAssembly); this file only
// collects the articles and draws the results. Article text is user data and is
// never parsed as HTML: every node is made with createElement and filled with
// text nodes (see `h`), never with innerHTML.
//
// Offsets in the results are UTF-16 code units into the text as given, so
// `text.slice(start, end)` is exactly the span, which is what the highlighting
// relies on.

/** Entity kinds in legend order, with their labels. */
const ENTITY_KINDS = [
  ['person', 'Person'],
  ['organization', 'Organization'],
  ['place', 'Place'],
  ['group', 'Group'],
  ['event', 'Event'],
  ['date', 'Date'],
  ['quantity', 'Quantity'],
];

const CLAIM_FORMS = {
  direct_quote: 'direct quote',
  partial_quote: 'partial quote',
  reported: 'reported speech',
  according_to: 'according to',
  unattributed: 'unattributed',
};

const REMOVAL_REASONS = {
  share: 'share buttons',
  related: 'related links',
  comments: 'comments',
  newsletter: 'newsletter',
  navigation: 'navigation',
  promotion: 'promotion',
  duplicate: 'repeated paragraph',
};

const CONFLICT_KINDS = {
  name_spelling: 'Name spelled differently',
  number: 'Numbers differ',
  date: 'Dates differ',
  assertion: 'Contradicting statements',
};

/**
 * Files larger than this are not even read. The package's own limit (8 MB) is
 * lower and reported per article as `input_too_large`; this only keeps a stray
 * video file out of a text box.
 */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

// ---------------------------------------------------------------------------
// DOM helpers: the only way this file creates elements.

/**
 * Creates an element. `attrs` values are set with setAttribute (never as HTML);
 * children are nodes or strings (strings become text nodes); null/false skipped.
 */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    // Event handlers are attached with addEventListener only.
    if (/^on/i.test(name)) throw new Error(`h(): refusing attribute ${name}`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
  appendAll(el, children);
  return el;
}

function appendAll(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

function clear(el) {
  el.replaceChildren();
  return el;
}

function label(map, key) {
  return map[key] ?? String(key ?? '').replaceAll('_', ' ');
}

const $ = (selector, root = document) => root.querySelector(selector);

// ---------------------------------------------------------------------------
// Loading the package.

const status = $('#status');
const inputsList = $('#article-inputs');
const template = $('#article-input-template');
const results = $('#results');
const tabsEl = $('#tabs');
const panelsEl = $('#panels');

function setStatus(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/** The package's exports, once loaded (top-level await in index.web.js). */
let nc = null;

async function loadPackage() {
  try {
    nc = await import('../pkg/index.web.js');
  } catch (e) {
    document.body.dataset.state = 'failed';
    setStatus(
      `The analyser could not be loaded: ${e && e.message ? e.message : e}. ` +
        'The page needs the built package next to it: from a checkout, ' +
        '`cargo xtask serve` builds it and serves the repository root.',
      true,
    );
    return;
  }
  $('#version').textContent = `v${nc.version()}`;
  $('#load-sample').disabled = false;
  $('#analyse').disabled = false;
  document.body.dataset.state = 'ready';
  setStatus('Ready. Load the sample story or paste articles.');
}

// ---------------------------------------------------------------------------
// The article inputs.

let inputCounter = 0;

/** Adds an input card; returns its <li>. */
function addArticleInput({ text = '', outlet = '', published = '', id = '' } = {}, focus = false) {
  const li = template.content.firstElementChild.cloneNode(true);
  inputCounter += 1;
  const n = inputCounter;
  li.dataset.key = String(n);
  if (id) li.dataset.id = id;
  const textArea = $('.text', li);
  const outletInput = $('.outlet', li);
  const dateInput = $('.published', li);
  textArea.id = `article-text-${n}`;
  textArea.value = text;
  outletInput.value = outlet;
  dateInput.value = published ?? '';
  $('.remove', li).addEventListener('click', () => {
    const next = li.nextElementSibling ?? li.previousElementSibling;
    li.remove();
    renumberInputs();
    if (next) $('.text', next).focus();
    else $('#add-article').focus();
  });
  inputsList.append(li);
  renumberInputs();
  if (focus) textArea.focus();
  return li;
}

function renumberInputs() {
  [...inputsList.children].forEach((li, i) => {
    $('.article-input-title', li).textContent = `Article ${i + 1}`;
    $('.remove', li).setAttribute('aria-label', `Remove article ${i + 1}`);
    $('.text', li).setAttribute('aria-label', `Text of article ${i + 1}`);
  });
}

/** Replaces empty cards (only) with these articles. */
function addArticles(articles) {
  for (const li of [...inputsList.children]) {
    if (!$('.text', li).value.trim()) li.remove();
  }
  for (const a of articles) addArticleInput(a);
}

/** A short, unique id for each article: the caller's, the outlet's slug or a number. */
function articleIds(inputs) {
  const used = new Set();
  return inputs.map((input, i) => {
    const slug = (input.id || input.outlet)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    let id = slug || `article-${i + 1}`;
    for (let k = 2; used.has(id); k += 1) id = `${slug || 'article'}-${k}`;
    used.add(id);
    return id;
  });
}

function collectInputs() {
  const raw = [...inputsList.children]
    .map((li) => ({
      text: $('.text', li).value,
      outlet: $('.outlet', li).value.trim(),
      published: $('.published', li).value,
      id: li.dataset.id ?? '',
    }))
    .filter((a) => a.text.trim() !== '');
  const ids = articleIds(raw);
  return raw.map((a, i) => {
    // Only keys with values: the package rejects nothing else, but this keeps
    // the options minimal and its defaults in charge.
    const input = { id: ids[i], text: a.text };
    if (a.outlet) input.outlet = a.outlet;
    if (a.published) input.published = a.published;
    return input;
  });
}

async function readFiles(files) {
  const added = [];
  const problems = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      problems.push(`${file.name}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      continue;
    }
    try {
      const text = await file.text();
      added.push({ text, outlet: '' });
    } catch (e) {
      problems.push(`${file.name}: ${e.message ?? e}`);
    }
  }
  if (added.length) addArticles(added);
  const parts = [];
  if (added.length) parts.push(`Added ${added.length} article${added.length > 1 ? 's' : ''}.`);
  if (problems.length) parts.push(`Not added: ${problems.join('; ')}.`);
  setStatus(parts.join(' '), problems.length > 0);
}

function setUpInputs() {
  addArticleInput();
  addArticleInput();
  $('#add-article').addEventListener('click', () => addArticleInput({}, true));
  $('#clear-all').addEventListener('click', () => {
    clear(inputsList);
    addArticleInput({}, true);
    results.hidden = true;
    setStatus('Cleared.');
  });
  const fileInput = $('#file-input');
  $('#open-files').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    readFiles([...fileInput.files]);
    fileInput.value = '';
  });
  $('#load-sample').addEventListener('click', loadSample);
  $('#analyse').addEventListener('click', () => runAnalysis());

  // Dropping files anywhere on the input section adds them as articles;
  // dropping text onto a text box keeps the browser's own behaviour.
  const section = $('#input');
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  section.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth += 1;
    section.classList.add('dragging');
  });
  section.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) section.classList.remove('dragging');
  });
  section.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  section.addEventListener('drop', (e) => {
    depth = 0;
    section.classList.remove('dragging');
    if (!hasFiles(e)) return;
    e.preventDefault();
    readFiles([...e.dataTransfer.files]);
  });
}

async function loadSample() {
  if (!nc) return;
  let sample;
  try {
    sample = nc.sampleStory();
  } catch (e) {
    setStatus(`The sample story could not be loaded: ${errorText(e)}`, true);
    return;
  }
  clear(inputsList);
  for (const a of sample) {
    addArticleInput({ id: a.id, outlet: a.outlet ?? '', published: a.published ?? '', text: a.text });
  }
  await runAnalysis();
}

// ---------------------------------------------------------------------------
// Running the analysis.

function errorInfo(e) {
  return {
    code: (e && typeof e.code === 'string' && e.code) || 'internal',
    message: (e && e.message) || String(e),
  };
}

function errorText(e) {
  const { code, message } = errorInfo(e);
  return `${code}: ${message}`;
}

/** The last results, for jumping between the story and the articles. */
let current = null;

async function runAnalysis() {
  if (!nc) return;
  const inputs = collectInputs();
  if (inputs.length === 0) {
    setStatus('Paste at least one article first (or load the sample story).', true);
    const first = $('.text', inputsList);
    if (first) first.focus();
    return;
  }
  document.body.dataset.state = 'analysing';
  setStatus(`Analysing ${inputs.length} article${inputs.length > 1 ? 's' : ''}…`);
  // Let the status paint before the (synchronous) WebAssembly work.
  await new Promise((resolve) => setTimeout(resolve, 0));

  const started = performance.now();
  const articles = inputs.map((input) => {
    const options = { id: input.id };
    if (input.outlet) options.outlet = input.outlet;
    if (input.published) options.published = input.published;
    try {
      return { input, analysis: nc.analyze(input.text, options), error: null };
    } catch (e) {
      return { input, analysis: null, error: errorInfo(e) };
    }
  });
  let story = null;
  let storyError = null;
  try {
    story = nc.compare(inputs);
  } catch (e) {
    storyError = errorInfo(e);
  }
  const ms = Math.round(performance.now() - started);

  current = { articles, story, storyError };
  renderResults(current);
  const failed = articles.filter((a) => a.error).length;
  document.body.dataset.state = 'done';
  setStatus(
    `Analysed ${articles.length - failed} of ${articles.length} article${articles.length > 1 ? 's' : ''} in ${ms} ms` +
      (failed ? `; ${failed} could not be analysed (see their tabs).` : '.'),
    failed > 0,
  );
}

// ---------------------------------------------------------------------------
// Tabs (WAI-ARIA tabs pattern: arrow keys move, Home/End, roving tabindex).

function renderTabs(views) {
  clear(tabsEl);
  clear(panelsEl);
  views.forEach((view, i) => {
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${view.key}`,
        'aria-controls': `panel-${view.key}`,
        'aria-selected': 'false',
        tabindex: '-1',
        class: view.error ? 'tab has-error' : 'tab',
        'data-view': view.key,
        title: view.label,
      },
      view.label,
      view.error ? h('span', { class: 'tab-flag', 'aria-label': '(error)' }, ' ⚠') : null,
    );
    tab.addEventListener('click', () => selectTab(view.key));
    tab.addEventListener('keydown', (e) => onTabKey(e, i));
    tabsEl.append(tab);
    const panel = view.panel;
    panel.id = `panel-${view.key}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `tab-${view.key}`);
    panel.setAttribute('tabindex', '0');
    panel.hidden = true;
    panelsEl.append(panel);
  });
}

function onTabKey(e, index) {
  const tabs = [...tabsEl.querySelectorAll('[role=tab]')];
  let next = null;
  if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
  else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = tabs.length - 1;
  if (next === null) return;
  e.preventDefault();
  selectTab(tabs[next].dataset.view, true);
}

function selectTab(key, focus = false) {
  for (const tab of tabsEl.querySelectorAll('[role=tab]')) {
    const on = tab.dataset.view === key;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
  }
  for (const panel of panelsEl.children) panel.hidden = panel.id !== `panel-${key}`;
}

// ---------------------------------------------------------------------------
// Results.

function outletName(articleId) {
  const a = current?.articles.find((x) => x.input.id === articleId);
  return a ? displayName(a) : articleId;
}

function displayName(article) {
  return (
    article.input.outlet ||
    article.analysis?.article.outlet ||
    article.analysis?.article.title ||
    article.input.id
  );
}

function renderResults({ articles, story, storyError }) {
  const views = [{ key: 'story', label: 'Story', panel: renderStory(story, storyError) }];
  articles.forEach((article, i) => {
    views.push({
      key: `a${i}`,
      label: displayName(article),
      error: Boolean(article.error),
      panel: renderArticle(article, i),
    });
  });
  renderTabs(views);
  results.hidden = false;
  selectTab('story');
  $('#results-title').focus({ preventScroll: true });
  results.scrollIntoView({ behavior: smooth(), block: 'start' });
}

function smooth() {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

function errorBox(title, error) {
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, title),
    h('p', {}, h('code', {}, error.code), ' ', error.message),
  );
}

// --- One article -----------------------------------------------------------

function renderArticle(article, index) {
  const panel = h('div', { class: 'panel article-panel', 'data-article': article.input.id });
  if (article.error) {
    panel.append(
      h('h3', {}, displayName(article)),
      errorBox('This article could not be analysed.', article.error),
    );
    return panel;
  }
  const { analysis, input } = article;
  const text = input.text;
  const a = analysis.article;

  const mentions = collectMentions(analysis.entities, text);
  const claims = analysis.claims.filter((c) => validSpan(c, text));

  // Header: outlet line, headline, subtitle, byline.
  const field = (name) => a.fields.find((f) => f.field === name && validSpan(f, text));
  const metaBits = [a.outlet || input.outlet, a.published].filter(Boolean);
  const titleField = field('title');
  const subtitleField = field('subtitle');
  const header = h(
    'header',
    { class: 'article-header' },
    metaBits.length ? h('p', { class: 'article-meta' }, metaBits.join(' — ')) : null,
    h(
      'h3',
      { class: a.title ? 'headline' : 'headline missing' },
      titleField
        ? renderRange(text, titleField.start, titleField.end, mentions, claims)
        : a.title ?? 'No headline found',
    ),
    subtitleField
      ? h('p', { class: 'subtitle' }, renderRange(text, subtitleField.start, subtitleField.end, mentions, claims))
      : a.subtitle
        ? h('p', { class: 'subtitle' }, a.subtitle)
        : null,
    a.authors.length
      ? h(
          'p',
          { class: 'byline' },
          'By ',
          a.authors.map((au, i) => [
            i ? ', ' : '',
            h('span', { class: 'author' }, au.name),
            au.role ? h('span', { class: 'role' }, ` (${au.role})`) : null,
          ]),
        )
      : null,
    a.dateline
      ? h(
          'p',
          { class: 'dateline' },
          h('span', { class: 'label' }, 'Dateline '),
          validSpan(a.dateline, text)
            ? renderRange(text, a.dateline.start, a.dateline.end, mentions, [])
            : a.dateline.text,
        )
      : null,
  );

  const body = h('div', { class: 'article-body' });
  for (const p of a.paragraphs) {
    const content =
      validSpan(p, text) && (text.slice(p.start, p.end) === p.text || hasMarksIn(p, mentions, claims))
        ? renderRange(text, p.start, p.end, mentions, claims)
        : p.text;
    body.append(p.kind === 'heading' ? h('h4', { class: 'subhead' }, content) : h('p', {}, content));
  }
  if (a.paragraphs.length === 0) body.append(h('p', { class: 'muted' }, 'No body text was found.'));

  const main = h('div', { class: 'article-main' }, header, body, renderRemoved(a));
  const side = h(
    'aside',
    { class: 'article-side', 'aria-label': 'Entities and claims' },
    renderLegend(panel, analysis.entities),
    renderClaimsList(panel, claims, analysis.entities),
    renderEntityList(analysis.entities),
  );
  panel.append(h('div', { class: 'article-layout' }, main, side));

  // Clicking a claim in the text selects it in the list too.
  body.addEventListener('click', (e) => {
    const span = e.target instanceof Element ? e.target.closest('[data-claims]') : null;
    if (!span) return;
    const id = span.dataset.claims.split(' ')[0];
    selectClaim(panel, id, { scrollText: false, scrollList: true });
  });
  panel.dataset.index = String(index);
  return panel;
}

function validSpan(s, text) {
  return (
    s &&
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.start <= s.end &&
    s.end <= text.length
  );
}

function hasMarksIn(range, mentions, claims) {
  const inside = (m) => m.start < range.end && m.end > range.start;
  return mentions.some(inside) || claims.some(inside);
}

/** Non-overlapping entity mentions: at a clash the longer mention wins. */
function collectMentions(entities, text) {
  const all = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      if (!validSpan(m, text) || m.start === m.end) continue;
      all.push({ start: m.start, end: m.end, kind: e.kind, entity: e.id, name: e.name });
    }
  }
  // Earlier first; at the same start the longer one, so "U.N. Security Council"
  // wins over "U.N.".
  all.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept = [];
  let lastEnd = -1;
  for (const m of all) {
    if (m.start >= lastEnd) {
      kept.push(m);
      lastEnd = m.end;
    }
  }
  return kept;
}

/**
 * The text of [start, end) as nodes: claim spans (which may be split where
 * claims overlap) holding entity marks.
 */
function renderRange(text, start, end, mentions, claims) {
  const out = [];
  const cuts = new Set([start, end]);
  for (const c of claims) {
    if (c.end > start && c.start < end) {
      cuts.add(Math.max(c.start, start));
      cuts.add(Math.min(c.end, end));
    }
  }
  const points = [...cuts].sort((x, y) => x - y);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [x, y] = [points[i], points[i + 1]];
    if (x === y) continue;
    const ids = claims.filter((c) => c.start <= x && c.end >= y && c.start < c.end).map((c) => c.id);
    const nodes = renderMentions(text, x, y, mentions);
    if (ids.length) {
      out.push(h('span', { class: 'claim', 'data-claims': ids.join(' ') }, nodes));
    } else {
      out.push(...nodes);
    }
  }
  return out;
}

function renderMentions(text, start, end, mentions) {
  const out = [];
  let at = start;
  for (const m of mentions) {
    if (m.end <= start || m.start >= end) continue;
    const s = Math.max(m.start, start);
    const e = Math.min(m.end, end);
    if (s < at) continue;
    if (s > at) out.push(text.slice(at, s));
    out.push(
      h(
        'mark',
        { class: `ent ent-${m.kind}`, 'data-entity': m.entity, 'data-kind': m.kind, title: `${m.kind}: ${m.name}` },
        text.slice(s, e),
      ),
    );
    at = e;
  }
  if (at < end) out.push(text.slice(at, end));
  return out;
}

function renderRemoved(a) {
  if (!a.removed.length) return null;
  const list = h('ul', { class: 'removed-list' });
  for (const r of a.removed) {
    list.append(
      h(
        'li',
        {},
        h('span', { class: `badge reason reason-${r.reason}` }, label(REMOVAL_REASONS, r.reason)),
        r.reason === 'duplicate' && Number.isInteger(r.duplicate_of)
          ? h('span', { class: 'muted' }, ` repeats paragraph ${r.duplicate_of + 1} `)
          : ' ',
        h('span', { class: 'removed-text' }, r.text),
      ),
    );
  }
  const dupes = a.removed.filter((r) => r.reason === 'duplicate').length;
  const other = a.removed.length - dupes;
  const parts = [];
  if (other) parts.push(`${other} boilerplate`);
  if (dupes) parts.push(`${dupes} repeated`);
  return h(
    'details',
    { class: 'removed' },
    h('summary', {}, `Removed from the text: ${parts.join(', ')} (${a.removed.length})`),
    list,
  );
}

function renderLegend(panel, entities) {
  const counts = new Map();
  for (const e of entities) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const list = h('ul', { class: 'legend' });
  for (const [kind, name] of ENTITY_KINDS) {
    const n = counts.get(kind) ?? 0;
    const button = h(
      'button',
      { type: 'button', class: `legend-item ent-${kind}`, 'aria-pressed': 'true', disabled: n === 0 },
      h('span', { class: `swatch ent-${kind}`, 'aria-hidden': 'true' }),
      `${name} `,
      h('span', { class: 'count' }, String(n)),
    );
    button.title = `Show or hide ${name.toLowerCase()} highlights`;
    button.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      panel.classList.toggle(`hide-${kind}`, !on);
    });
    list.append(h('li', {}, button));
  }
  return h('section', { class: 'side-block' }, h('h4', {}, 'Entities highlighted'), list);
}

function renderClaimsList(panel, claims, entities) {
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const section = h('section', { class: 'side-block claims-block' }, h('h4', {}, `Claims (${claims.length})`));
  if (!claims.length) {
    section.append(h('p', { class: 'muted' }, 'No claims were found.'));
    return section;
  }
  const list = h('ol', { class: 'claims' });
  for (const c of claims) {
    const speaker = c.speaker ? c.speaker.name : null;
    const button = h(
      'button',
      { type: 'button', class: 'claim-item', 'data-claim': c.id },
      h(
        'span',
        { class: 'claim-badges' },
        h('span', { class: `badge kind kind-${c.kind}` }, c.kind),
        h('span', { class: 'badge form' }, label(CLAIM_FORMS, c.form)),
        c.hedged ? h('span', { class: 'badge flag' }, 'hedged') : null,
        c.negated ? h('span', { class: 'badge flag' }, 'negated') : null,
      ),
      h(
        'span',
        { class: 'claim-speaker' },
        speaker ?? 'no speaker',
        c.target ? h('span', { class: 'muted' }, ` → ${c.target.name}`) : null,
      ),
      c.quote ? h('q', { class: 'claim-quote' }, c.quote) : h('span', { class: 'claim-text' }, c.text),
      c.entities.length
        ? h('span', { class: 'claim-entities muted' }, c.entities.map((id) => names.get(id) ?? id).join(', '))
        : null,
    );
    button.addEventListener('click', () => selectClaim(panel, c.id, { scrollText: true }));
    list.append(h('li', {}, button));
  }
  section.append(list);
  return section;
}

function renderEntityList(entities) {
  if (!entities.length) return null;
  const order = new Map(ENTITY_KINDS.map(([k], i) => [k, i]));
  const sorted = [...entities].sort(
    (x, y) => (order.get(x.kind) ?? 99) - (order.get(y.kind) ?? 99) || y.mentions.length - x.mentions.length,
  );
  const list = h('ul', { class: 'entity-list' });
  for (const e of sorted) {
    list.append(
      h(
        'li',
        {},
        h('span', { class: `swatch ent-${e.kind}`, title: e.kind }),
        h('span', { class: 'entity-name' }, e.name),
        e.roles.length ? h('span', { class: 'muted' }, `, ${e.roles.join(', ')}`) : null,
        h('span', { class: 'count', title: 'mentions' }, ` ×${e.mentions.length}`),
      ),
    );
  }
  return h('details', { class: 'side-block entities-block' }, h('summary', {}, `All entities (${entities.length})`), list);
}

/** Highlights a claim in the text of its article panel and scrolls to it. */
function selectClaim(panel, claimId, { scrollText = true, scrollList = false } = {}) {
  for (const el of panel.querySelectorAll('.claim.active')) el.classList.remove('active');
  for (const el of panel.querySelectorAll('.claim-item[aria-current]')) el.removeAttribute('aria-current');
  const spans = [...panel.querySelectorAll(`.claim[data-claims~="${CSS.escape(claimId)}"]`)];
  const item = panel.querySelector(`.claim-item[data-claim="${CSS.escape(claimId)}"]`);
  for (const el of spans) el.classList.add('active');
  if (item) item.setAttribute('aria-current', 'true');
  if (scrollText && spans.length) spans[0].scrollIntoView({ behavior: smooth(), block: 'center' });
  if (scrollList && item) item.scrollIntoView({ behavior: smooth(), block: 'nearest' });
  if (!spans.length) setStatus('This claim is not in the cleaned text (it may be in a removed part).');
  return spans.length > 0;
}

/** From the story view: opens an article and shows one of its claims. */
function showClaimInArticle(articleId, claimId) {
  const index = current.articles.findIndex((a) => a.input.id === articleId);
  if (index < 0) return;
  selectTab(`a${index}`, true);
  const panel = $(`#panel-a${index}`);
  if (panel) selectClaim(panel, claimId, { scrollText: true, scrollList: true });
}

// --- The story -------------------------------------------------------------

function renderStory(story, storyError) {
  const panel = h('div', { class: 'panel story-panel' });
  if (!story) {
    panel.append(errorBox('The articles could not be compared.', storyError ?? { code: 'internal', message: '' }));
    return panel;
  }
  const okArticles = story.articles.filter((a) => !a.error);
  panel.append(renderStoryArticles(story));
  if (okArticles.length < 2) {
    panel.append(
      h('p', { class: 'notice' }, 'Add at least two articles on the same story to see what they share and where they differ.'),
    );
  }
  panel.append(
    renderMatrix(story, okArticles),
    renderSingles(story, okArticles),
    renderConflicts(story),
    renderCopies(story),
    renderStoryEntities(story, okArticles),
  );
  return panel;
}

function section(title, className, ...children) {
  return h('section', { class: `story-section ${className}` }, h('h3', {}, title), children);
}

function renderStoryArticles(story) {
  const list = h('ul', { class: 'story-articles' });
  for (const a of story.articles) {
    list.append(
      h(
        'li',
        { class: a.error ? 'has-error' : null },
        h('span', { class: 'outlet' }, a.outlet || outletName(a.id)),
        a.published ? h('span', { class: 'muted' }, ` ${a.published}`) : null,
        a.title ? h('span', { class: 'title' }, a.title) : null,
        a.error ? h('span', { class: 'error-inline' }, h('code', {}, a.error.code), ' ', a.error.message) : null,
      ),
    );
  }
  return section(`Articles (${story.articles.length})`, 'articles-section', list);
}

function distinctArticles(cluster) {
  return [...new Set(cluster.members.map((m) => m.article))];
}

function speakerText(speaker) {
  return speaker ? speaker.name : '—';
}

function renderMatrix(story, okArticles) {
  const rows = story.claims
    .map((c, i) => ({ c, i, n: distinctArticles(c).length }))
    .filter((r) => r.n > 1)
    .sort((x, y) => y.c.sources - x.c.sources || y.n - x.n || x.i - y.i);
  if (!rows.length) {
    return section('Corroboration', 'matrix-section', h('p', { class: 'muted' }, 'No claim was found in more than one article.'));
  }
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'claim-col' }, 'Claim'),
    h('th', { scope: 'col' }, 'Speaker'),
    okArticles.map((a) => h('th', { scope: 'col', class: 'outlet-col' }, h('span', {}, a.outlet || outletName(a.id)))),
    h('th', { scope: 'col', class: 'num', title: 'Independent outlets (copies count once)' }, 'Sources'),
  );
  const body = h('tbody');
  for (const { c, n } of rows) {
    const byArticle = new Map();
    for (const m of c.members) if (!byArticle.has(m.article)) byArticle.set(m.article, m.claim);
    body.append(
      h(
        'tr',
        { 'data-cluster': c.id },
        h(
          'th',
          { scope: 'row', class: 'claim-col' },
          h('span', { class: `badge kind kind-${c.kind}` }, c.kind),
          ' ',
          h('span', { class: 'cluster-text' }, c.text),
        ),
        h('td', { class: 'speaker' }, speakerText(c.speaker)),
        okArticles.map((a) => {
          const claimId = byArticle.get(a.id);
          if (!claimId) return h('td', { class: 'cell absent' }, h('span', { class: 'visually-hidden' }, 'not reported'));
          const button = h(
            'button',
            { type: 'button', class: 'cell-button', 'aria-label': `Show in ${a.outlet || outletName(a.id)}` },
            '●',
          );
          button.addEventListener('click', () => showClaimInArticle(a.id, claimId));
          return h('td', { class: 'cell present' }, button);
        }),
        h(
          'td',
          { class: 'num' },
          String(c.sources),
          n > c.sources ? h('span', { class: 'muted copied-note', title: 'some reports are copies' }, ` of ${n}`) : null,
        ),
      ),
    );
  }
  const table = h(
    'table',
    { class: 'matrix' },
    h('caption', {}, 'Claims reported by more than one outlet, most corroborated first. Select a dot to see the claim in that article.'),
    h('thead', {}, head),
    body,
  );
  return section(
    `Corroboration (${rows.length})`,
    'matrix-section',
    h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Corroboration matrix', tabindex: '0' }, table),
  );
}

function renderSingles(story, okArticles) {
  const singles = story.claims.filter((c) => distinctArticles(c).length === 1);
  if (!singles.length) {
    const why = story.claims.length ? 'Every claim was found in more than one article.' : 'No claims were found.';
    return section('Found once', 'singles-section', h('p', { class: 'muted' }, why));
  }
  const groups = h('div', { class: 'singles' });
  for (const a of okArticles) {
    const mine = singles.filter((c) => c.members[0]?.article === a.id);
    if (!mine.length) continue;
    const list = h('ul', {});
    for (const c of mine) {
      const button = h(
        'button',
        { type: 'button', class: 'link-button' },
        h('span', { class: `badge kind kind-${c.kind}` }, c.kind),
        ' ',
        c.speaker ? h('span', { class: 'claim-speaker' }, `${c.speaker.name}: `) : null,
        c.text,
      );
      button.addEventListener('click', () => showClaimInArticle(a.id, c.members[0].claim));
      list.append(h('li', {}, button));
    }
    groups.append(h('div', { class: 'single-group' }, h('h4', {}, `${a.outlet || outletName(a.id)} (${mine.length})`), list));
  }
  return section(`Found once (${singles.length})`, 'singles-section', h('p', { class: 'muted' }, 'Claims only one outlet reports.'), groups);
}

function renderConflicts(story) {
  if (!story.conflicts.length) {
    return section('Conflicts', 'conflicts-section', h('p', { class: 'muted' }, 'No conflicting details were found.'));
  }
  const list = h('ul', { class: 'conflicts' });
  for (const c of story.conflicts) {
    list.append(
      h(
        'li',
        { class: `conflict conflict-${c.kind}` },
        h('p', { class: 'conflict-head' }, h('span', { class: 'badge conflict-kind' }, label(CONFLICT_KINDS, c.kind)), ' ', c.description),
        h(
          'ul',
          { class: 'conflict-values' },
          c.values.map((v) => h('li', {}, h('span', { class: 'outlet' }, outletName(v.article)), ' ', h('q', {}, v.text))),
        ),
      ),
    );
  }
  return section(`Conflicts (${story.conflicts.length})`, 'conflicts-section', list);
}

function renderCopies(story) {
  if (!story.copies.length) {
    return section('Copied text', 'copies-section', h('p', { class: 'muted' }, 'No copied paragraphs were found.'));
  }
  const list = h('ul', { class: 'copies' });
  for (const c of story.copies) {
    const who = c.articles.map(outletName).join(' and ');
    list.append(
      h(
        'li',
        { class: 'copy' },
        h(
          'p',
          { class: 'copy-head' },
          h('span', { class: 'badge' }, c.similarity >= 1 ? 'exact copy' : `${Math.round(c.similarity * 100)}% similar`),
          ' ',
          who,
          c.source ? h('span', { class: 'muted' }, ` · earliest: ${outletName(c.source)}`) : null,
        ),
        h('blockquote', {}, c.text),
      ),
    );
  }
  return section(`Copied text (${story.copies.length})`, 'copies-section', list);
}

function renderStoryEntities(story, okArticles) {
  if (!story.entities.length) return null;
  const order = new Map(ENTITY_KINDS.map(([k], i) => [k, i]));
  const rows = [...story.entities].sort(
    (x, y) => y.articles.length - x.articles.length || (order.get(x.kind) ?? 99) - (order.get(y.kind) ?? 99),
  );
  const body = h('tbody');
  for (const e of rows) {
    body.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, h('span', { class: `swatch ent-${e.kind}`, title: e.kind }), ' ', e.name),
        h('td', {}, e.kind),
        h('td', {}, e.variants.filter((v) => v !== e.name).join(', ')),
        h('td', { class: 'num', title: e.articles.map(outletName).join(', ') }, `${e.articles.length}/${okArticles.length}`),
      ),
    );
  }
  const table = h(
    'table',
    { class: 'entities-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Also written'), h('th', { scope: 'col', class: 'num' }, 'Outlets'))),
    body,
  );
  return h(
    'details',
    { class: 'story-section entities-section' },
    h('summary', {}, h('h3', {}, `Who and what across outlets (${story.entities.length})`)),
    h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Entities across outlets', tabindex: '0' }, table),
  );
}

// ---------------------------------------------------------------------------

setUpInputs();
loadPackage();
