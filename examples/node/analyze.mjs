// Analyse one article and compare the sample story, from Node.
//
//   cargo xtask pkg && node examples/node/analyze.mjs
//
// In your own project, after `npm install newsclaims`, import from 'newsclaims'.
import { analyze, compare, sampleStory, version } from '../../pkg/index.node.mjs';

const text = `Ferry strike enters third day

By Zoë Brontë

PORTO ALEGRE, May 4 (Harbour Ledger) – “We will not return until the contract is signed,” said Ines Duarte, who leads the ferry workers’ union, on Sunday.

The port authority said 1 200 passengers were stranded.`;

console.log(`newsclaims ${version()}`);

const analysis = analyze(text, { id: 'ferry', outlet: 'The Harbour Ledger', published: '2025-05-04' });
console.log(`title: ${analysis.article.title}`);
for (const entity of analysis.entities) {
  // Offsets are UTF-16 units: they slice JavaScript strings directly.
  const where = entity.mentions.map((m) => `${m.start}..${m.end}`).join(', ');
  console.log(`entity ${entity.kind}: ${entity.name} (${where})`);
}
for (const claim of analysis.claims) {
  console.log(`claim ${claim.kind} by ${claim.speaker?.name ?? 'nobody'}: ${text.slice(claim.start, claim.end)}`);
}

try {
  analyze(text, { outlet: 'X', section: 'world' });
} catch (error) {
  console.log(`error ${error.code}: ${error.message}`);
}

const story = compare(sampleStory());
console.log(`story: ${story.articles.length} articles, ${story.claims.length} claim clusters, ${story.conflicts.length} conflicts`);
