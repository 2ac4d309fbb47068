// analyze(): shape, UTF-16 offsets and options, from the Node build of pkg/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pkg, checkSpans, TRICKY } from './helpers.mjs';

test('analyze returns the documented shape as plain objects', () => {
  const result = pkg.analyze('Dam talks stall\n\nBy Ana Ruiz\n\n"We will not sign," said Minister Omar Haddad on Monday.', {
    id: 'a1',
    outlet: 'The Ledger',
    published: '2025-03-04',
  });
  assert.equal(result.schema, 'newsclaims/1');
  assert.equal(result.id, 'a1');
  assert.equal(Object.getPrototypeOf(result), Object.prototype);
  assert.equal(result.article.outlet, 'The Ledger');
  assert.equal(result.article.published, '2025-03-04');
  assert.equal(result.article.url, null, 'absent values are null, as in the JSON');
  for (const key of ['paragraphs', 'removed', 'fields', 'authors']) {
    assert.ok(Array.isArray(result.article[key]), key);
  }
  assert.ok(Array.isArray(result.entities));
  assert.ok(Array.isArray(result.claims));
  assert.ok(!('sentences' in result.article), 'internal fields stay out');
});

test('every span slices its text on curly quotes, dashes, accents, CJK and emoji', () => {
  let total = 0;
  for (const { text, ...options } of TRICKY) {
    const result = pkg.analyze(text, options);
    const checked = checkSpans(text, result);
    assert.ok(checked > 0, `${options.id}: no span found`);
    total += checked;
  }
  assert.ok(total >= TRICKY.length * 2);
});

test('offsets are UTF-16 units, not bytes', () => {
  const text = '🇺🇦東京 naïve\n\nRain fell on Monday.';
  const result = pkg.analyze(text);
  const last = result.article.paragraphs.at(-1);
  assert.equal(last.text, 'Rain fell on Monday.');
  assert.equal(last.start, text.indexOf('Rain'));
  assert.equal(last.end, text.length);
});

test('empty and blank texts give empty analyses', () => {
  for (const text of ['', '   \n\n  ']) {
    const result = pkg.analyze(text);
    assert.deepEqual(result.article.paragraphs, []);
    assert.deepEqual(result.claims, []);
  }
});

test('null and undefined options are no options', () => {
  assert.equal(pkg.analyze('Rain.', null).id, '');
  assert.equal(pkg.analyze('Rain.', undefined).id, '');
  assert.equal(pkg.analyze('Rain.', { id: undefined }).id, '');
});

test('version is the package version', async () => {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(new URL('../pkg/package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.version(), manifest.version);
});
