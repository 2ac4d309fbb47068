// Size and speed of the npm package in Node (not part of the test run):
//
//   cargo xtask pkg && node tests/bench/node-bench.mjs
//
// Prints the .wasm size raw and gzipped, the time to load the module, the median
// time to analyse a ~5 KB article and the throughput in MB/s (UTF-8 bytes).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const dist = new URL('../../pkg/dist/', import.meta.url);

for (const target of ['web', 'node']) {
  const wasm = readFileSync(new URL(`${target}/newsclaims_wasm_bg.wasm`, dist));
  const gz = gzipSync(wasm, { level: 9 }).length;
  console.log(`wasm (${target}): ${kb(wasm.length)} raw, ${kb(gz)} gzipped`);
}

let t0 = performance.now();
const pkg = require('../../pkg/dist/node/newsclaims_wasm.js');
console.log(`load (require + instantiate): ${(performance.now() - t0).toFixed(1)} ms`);

// An invented article of about 5 KB: a header, then paragraphs with quotes,
// reported speech, numbers, dates and a few non-ASCII characters.
const paragraphs = [
  'PORTO ALEGRE, May 4 (Harbour Ledger) – Ferry workers extended their strike into a third day on Sunday, leaving about 1,200 commuters stranded on the islands.',
  '“We will not return until the contract is signed,” said Ines Duarte, who leads the ferry workers’ union. “The company has had three months to answer us.”',
  'The port authority accused the union of “holding the city hostage” and said it would ask a labour court to order the crews back to work by Tuesday.',
  'Mayor Rafael Cunha said the city was likely to lose 4.5 million reais a day while the boats stayed in harbour, according to a statement from his office.',
  'A spokesperson for Atlântica Navegação, which runs the ferries, denied that wages had been frozen, saying pay rose 6% in January.',
  'Commuters queued for buses that take two hours to circle the lagoon. “I have not seen my children since Thursday,” said Joana Ribeiro, a nurse.',
];
let body = 'Ferry strike enters third day as talks stall\n\nBy Zoë Brontë, Harbour Ledger\n\n';
for (let i = 0; body.length < 5000; i += 1) {
  body += `${paragraphs[i % paragraphs.length]}\n\n`;
}
const bytes = Buffer.byteLength(body, 'utf8');

for (let i = 0; i < 20; i += 1) pkg.analyze(body); // warm up the JIT and allocator
const times = [];
t0 = performance.now();
while (times.length < 200 || performance.now() - t0 < 2000) {
  const start = performance.now();
  pkg.analyze(body, { id: 'bench' });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`analyze ~5 KB article (${bytes} bytes): median ${median.toFixed(3)} ms over ${times.length} runs`);
console.log(`throughput: ${(bytes / 1e6 / (median / 1000)).toFixed(2)} MB/s`);

const story = pkg.sampleStory();
t0 = performance.now();
const runs = 20;
for (let i = 0; i < runs; i += 1) pkg.compare(story);
console.log(`compare sample story (${story.length} articles): ${((performance.now() - t0) / runs).toFixed(3)} ms`);

function kb(n) {
  return `${(n / 1024).toFixed(1)} KiB (${n} B)`;
}
