// Errors: real Error objects with a stable `code` and a readable message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pkg } from './helpers.mjs';

/** Asserts that `fn` throws an Error with `code`, and returns it. */
function throwsCode(fn, code) {
  let caught;
  assert.throws(fn, (e) => {
    caught = e;
    return e instanceof Error && e.code === code;
  });
  assert.ok(caught.message.length > 0);
  assert.ok(typeof caught.stack === 'string');
  return caught;
}

test('a text that is not a string is invalid_input', () => {
  for (const bad of [undefined, null, 42, {}, ['a'], Buffer.from('a')]) {
    throwsCode(() => pkg.analyze(bad), 'invalid_input');
  }
});

test('unknown or malformed options are invalid_options', () => {
  const e = throwsCode(() => pkg.analyze('Rain.', { outlet: 'X', colour: 'red' }), 'invalid_options');
  assert.match(e.message, /colour/);
  throwsCode(() => pkg.analyze('Rain.', 'The Ledger'), 'invalid_options');
  throwsCode(() => pkg.analyze('Rain.', ['x']), 'invalid_options');
  throwsCode(() => pkg.analyze('Rain.', { id: 7 }), 'invalid_options');
});

test('a malformed published date is invalid_date', () => {
  throwsCode(() => pkg.analyze('Rain.', { published: '2025-02-30' }), 'invalid_date');
});

test('a text over the size limit is input_too_large', () => {
  // 8 MiB of UTF-8 is the limit; three-byte characters pass it at under 3 M units.
  throwsCode(() => pkg.analyze('東'.repeat(3 * 1024 * 1024)), 'input_too_large');
  throwsCode(() => pkg.analyze('a'.repeat(8 * 1024 * 1024 + 1)), 'input_too_large');
});

test('compare needs a non-empty array', () => {
  throwsCode(() => pkg.compare([]), 'empty_story');
  throwsCode(() => pkg.compare('story'), 'invalid_input');
  throwsCode(() => pkg.compare(undefined), 'invalid_input');
});

test('the module still works after errors', () => {
  assert.throws(() => pkg.analyze(1));
  assert.equal(pkg.analyze('Rain fell.').schema, 'newsclaims/1');
});
