// pkg/index.d.ts is hand-kept: check that it still describes what the package
// returns. Every key of every result object must be declared in its interface,
// and every required property must be present, on the sample story and the
// test articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pkg, TRICKY } from './helpers.mjs';

/** Interfaces of the .d.ts: name -> Map(property -> { optional, refs }). */
function parseInterfaces(source) {
  const interfaces = new Map();
  const pattern = /export interface (\w+)(?: extends (\w+))? \{([\s\S]*?)\n\}/g;
  for (const [, name, parent, body] of source.matchAll(pattern)) {
    const props = new Map();
    for (const [, prop, optional, type] of body.matchAll(/^\s+(\w+)(\??): ([^;]+);/gm)) {
      props.set(prop, { optional: optional === '?', refs: type.match(/\b[A-Z]\w*/g) ?? [] });
    }
    interfaces.set(name, { parent, props });
  }
  // Fold inherited properties in, and keep only references to interfaces.
  const all = new Map();
  const resolve = (name) => {
    // A parent outside the file (`NewsclaimsError extends Error`) adds nothing here.
    const { parent, props } = interfaces.get(name) ?? { props: new Map() };
    return new Map([...(parent ? resolve(parent) : []), ...props]);
  };
  for (const name of interfaces.keys()) all.set(name, resolve(name));
  for (const props of all.values()) {
    for (const p of props.values()) p.refs = p.refs.filter((r) => all.has(r));
  }
  return all;
}

const interfaces = parseInterfaces(readFileSync(new URL('../pkg/index.d.ts', import.meta.url), 'utf8'));

function checkShape(value, name, path) {
  const props = interfaces.get(name);
  assert.ok(props, `${path}: no interface ${name}`);
  assert.equal(typeof value, 'object', `${path}: not an object`);
  for (const key of Object.keys(value)) {
    assert.ok(props.has(key), `${path}.${key} is returned but not declared in ${name}`);
  }
  for (const [key, { optional, refs }] of props) {
    if (!optional) assert.ok(key in value, `${path}.${key} is declared in ${name} but missing`);
    const child = value[key];
    if (child === null || child === undefined || refs.length !== 1) continue;
    const items = Array.isArray(child) ? child : [child];
    items.forEach((item, i) => checkShape(item, refs[0], `${path}.${key}[${i}]`));
  }
}

test('index.d.ts declares exactly what analyze and compare return', () => {
  const articles = [...pkg.sampleStory(), ...TRICKY, { id: 'bad', text: 1 }];
  for (const a of articles) {
    checkShape(a, 'ArticleInput', `article ${a.id}`);
    if (typeof a.text === 'string') {
      const { text, ...options } = a;
      checkShape(pkg.analyze(text, options), 'Analysis', `analyze(${a.id})`);
    }
  }
  checkShape(pkg.compare(articles), 'Story', 'story');
});
