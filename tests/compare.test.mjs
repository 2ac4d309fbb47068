// compare(): the sample story, spans of every article, failures listed in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pkg, checkSpans, TRICKY } from './helpers.mjs';

test('the sample story compares, every article listed in order', () => {
  const articles = pkg.sampleStory();
  assert.equal(articles.length, 5);
  for (const a of articles) {
    assert.deepEqual(Object.keys(a).sort(), ['id', 'outlet', 'published', 'text']);
  }
  const story = pkg.compare(articles);
  assert.equal(story.schema, 'newsclaims/1');
  assert.deepEqual(story.articles.map((a) => a.id), articles.map((a) => a.id));
  assert.ok(story.articles.every((a) => a.error === undefined));
  for (const key of ['entities', 'claims', 'conflicts', 'copies']) {
    assert.ok(Array.isArray(story[key]), key);
  }
});

test('every span of every sample article slices its text', () => {
  for (const { text, ...options } of pkg.sampleStory()) {
    checkSpans(text, pkg.analyze(text, options));
  }
});

test('members of claim clusters name articles of the story', () => {
  const story = pkg.compare([...pkg.sampleStory(), ...TRICKY]);
  const ids = new Set(story.articles.map((a) => a.id));
  for (const cluster of story.claims) {
    for (const m of cluster.members) assert.ok(ids.has(m.article), m.article);
  }
});

test('a failing article is listed with its error, the others analysed', () => {
  const story = pkg.compare([
    { id: 'good', text: 'Rain fell on Monday, officials said.' },
    { id: 'bad-date', text: 'Rain.', published: '2025-13-01' },
    { id: 'bad-text', text: 42 },
    { text: 'Sun.', colour: 'red' },
    'not an article',
    { text: 'Snow.' },
  ]);
  const summary = story.articles.map((a) => [a.id, a.error?.code ?? null]);
  assert.deepEqual(summary, [
    ['good', null],
    ['bad-date', 'invalid_date'],
    ['bad-text', 'invalid_input'],
    ['3', 'invalid_options'],
    ['4', 'invalid_input'],
    ['5', null],
  ]);
  for (const a of story.articles.filter((x) => x.error)) {
    assert.equal(typeof a.error.message, 'string');
    assert.ok(a.error.message.length > 0);
  }
});
