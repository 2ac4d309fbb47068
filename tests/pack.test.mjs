// The package as a user gets it: `npm pack` pkg/, install the tarball into an
// empty directory, then require and import it by name from Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('../pkg/', import.meta.url));
const npmFlags = ['--no-audit', '--no-fund', '--offline', '--loglevel=error'];
let dir;
let packed;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsclaims-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir, ...npmFlags], {
    cwd: pkgDir,
    encoding: 'utf8',
  });
  [packed] = JSON.parse(out);
  const app = join(dir, 'app');
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  execFileSync('npm', ['install', join(dir, packed.filename), ...npmFlags], { cwd: app, stdio: 'pipe' });
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node args` in the app directory and returns stdout. */
function node(...args) {
  return execFileSync(process.execPath, args, { cwd: join(dir, 'app'), encoding: 'utf8' });
}

test('the tarball holds the builds, the types and the licence, no sources', () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const want of [
    'package.json',
    'README.md',
    'LICENSE',
    'index.d.ts',
    'index.web.js',
    'index.node.mjs',
    'dist/node/newsclaims_wasm.js',
    'dist/node/newsclaims_wasm_bg.wasm',
    'dist/web/newsclaims_wasm.js',
    'dist/web/newsclaims_wasm_bg.wasm',
  ]) {
    assert.ok(files.includes(want), `${want} missing from ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.endsWith('.rs')));
});

test('require("newsclaims") works', () => {
  const out = node(
    '-e',
    `const n = require('newsclaims');
     const r = n.analyze('Rain fell on Monday.', { id: 'x' });
     const s = n.compare(n.sampleStory());
     console.log(JSON.stringify([r.id, s.articles.length, n.version()]));`,
  );
  assert.deepEqual(JSON.parse(out), ['x', 5, JSON.parse(node('-p', "JSON.stringify(require('newsclaims/package.json').version)"))]);
});

test('import from "newsclaims" works in Node', () => {
  const out = node(
    '--input-type=module',
    '-e',
    `import { analyze, compare, sampleStory, version } from 'newsclaims';
     try { analyze(1); } catch (e) { console.log(e.code); }
     console.log(compare(sampleStory()).schema, typeof version());`,
  );
  assert.equal(out, 'invalid_input\nnewsclaims/1 string\n');
});
