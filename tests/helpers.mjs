// Shared helpers of the package tests: the package under test, and span checks.
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);

/** The Node build of the package, as `require('newsclaims')` gives it. */
export const pkg = require('../pkg/dist/node/newsclaims_wasm.js');

/**
 * Checks `text.slice(start, end) === node.text` for every object under `value`
 * that has a string `text` and numeric `start` and `end`; returns how many.
 */
export function checkSpans(text, value) {
  let checked = 0;
  const walk = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (node !== null && typeof node === 'object') {
      if (typeof node.text === 'string' && Number.isInteger(node.start) && Number.isInteger(node.end)) {
        assert.ok(node.start <= node.end && node.end <= text.length, `${path}: ${node.start}..${node.end}`);
        assert.equal(text.slice(node.start, node.end), node.text, `${path}: ${node.start}..${node.end}`);
        checked += 1;
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`);
    }
  };
  walk(value, '$');
  return checked;
}

/**
 * Articles written for these tests, each with characters whose UTF-16 length
 * differs from their UTF-8 length: curly quotes, dashes, accents, CJK, emoji,
 * CRLF line ends and no-break spaces.
 */
export const TRICKY = [
  {
    id: 'curly',
    outlet: 'The Harbour Ledger',
    text: 'Ferry strike enters third day \u2014 talks \u2018close\u2019\n\nBy Zo\u00eb Brontë-Nakamura\n\nPORTO ALEGRE, May 4 (Harbour Ledger) \u2013 \u201cWe will not return until the contract is signed,\u201d said Ines Duarte, who leads the ferry workers\u2019 union, on Sunday.\n\nThe port authority said 1\u00a0200 passengers were stranded, and accused the union of \u201cholding the city hostage\u201d.\n',
  },
  {
    id: 'cjk',
    outlet: 'Pacific Wire',
    text: 'Typhoon nears 東京 as 大阪 flights are cancelled\r\n\r\nTOKYO (Pacific Wire) \u2014 More than 300 flights were cancelled on Tuesday, the transport ministry said.\r\n\r\n\u201cThe storm is likely to strengthen,\u201d according to Kenji Sato, a forecaster at the weather agency in 東京.\r\n',
  },
  {
    id: 'emoji',
    outlet: 'Night Desk',
    text: '🇺🇦 Grain corridor reopens 🚢\n\nKYIV \u2013 The first ship left Odesa on Friday 😀, officials said.\n\n\u201cThis is a good day for the naïve and the sceptical alike,\u201d said Minister Olena Kovalenko. She denied that the deal had been signed in secret.\n\nShare this article\n',
  },
];
