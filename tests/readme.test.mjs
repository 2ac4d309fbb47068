// The JavaScript examples of pkg/README.md (the npm page), run in order as one
// module against the Node build, so that the page stays true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('README examples run', () => {
  const readme = readFileSync(new URL('../pkg/README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 3, 'README has lost its examples');
  const entry = new URL('../pkg/index.node.mjs', import.meta.url).href;
  const source = [
    // console.assert only logs; here a false assertion must fail the test.
    "console.assert = (ok, ...m) => { if (!ok) throw new Error('assertion failed ' + m.join(' ')); };",
    ...blocks,
  ]
    .join('\n')
    .replaceAll("from 'newsclaims'", `from ${JSON.stringify(entry)}`);
  const dir = mkdtempSync(join(tmpdir(), 'newsclaims-readme-'));
  try {
    const file = join(dir, 'readme.mjs');
    writeFileSync(file, source);
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8' });
    assert.match(out, /invalid_options/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
