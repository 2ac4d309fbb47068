// Browser and bundler entry of the `newsclaims` package (hand-kept; see README.md).
// The wasm module (dist/web/newsclaims_wasm_bg.wasm, found next to the bound
// module through import.meta.url) is fetched and instantiated once, here, with
// top-level await, so the exports are ready as soon as the import resolves.
import init, { analyze, compare, version, sampleStory } from './dist/web/newsclaims_wasm.js';

await init();

export { analyze, compare, version, sampleStory };
