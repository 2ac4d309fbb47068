// The browser entry (pkg/index.web.js and dist/web), run in Node with a `fetch`
// that reads file: URLs, as a browser would fetch the .wasm over HTTP. The demo
// page's test drives the same entry in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { checkSpans, TRICKY } from './helpers.mjs';

const realFetch = globalThis.fetch;
globalThis.fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : input);
  if (url.protocol !== 'file:') return realFetch(input);
  return new Response(await readFile(url), { headers: { 'Content-Type': 'application/wasm' } });
};

test('the web build initialises itself and works like the Node build', async () => {
  const web = await import('../pkg/index.web.js');
  assert.equal(typeof web.version(), 'string');
  for (const { text, ...options } of TRICKY) {
    assert.ok(checkSpans(text, web.analyze(text, options)) > 0);
  }
  assert.equal(web.compare(web.sampleStory()).articles.length, 5);
  assert.throws(() => web.analyze('Rain.', { colour: 'red' }), { code: 'invalid_options' });
});
