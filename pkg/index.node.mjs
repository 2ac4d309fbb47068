// Node ES-module entry of the `newsclaims` package (hand-kept; see README.md).
// The Node build is CommonJS and loads its .wasm synchronously; this re-exports it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const wasm = require('./dist/node/newsclaims_wasm.js');

export const { analyze, compare, version, sampleStory } = wasm;
