// A typed use of the package, compiled with `tsc --noEmit` (never run): it fails
// to compile when pkg/index.d.ts stops describing what the README shows.
import {
  analyze,
  compare,
  sampleStory,
  version,
  type Analysis,
  type ArticleInput,
  type Claim,
  type Entity,
  type ErrorCode,
  type NewsclaimsError,
  type Story,
} from 'newsclaims';

const text = '"We will not sign," said Minister Omar Haddad on Monday.';
const analysis: Analysis = analyze(text, { id: 'a1', outlet: 'The Ledger', published: '2025-03-04' });

for (const entity of analysis.entities satisfies Entity[]) {
  for (const m of entity.mentions) {
    const same: boolean = text.slice(m.start, m.end) === m.text;
    void same;
  }
  if (typeof entity.value === 'number') entity.value.toFixed(0);
}

const claims: Claim[] = analysis.claims.filter((c) => c.kind === 'denial' && c.speaker !== null);
const speakers: string[] = claims.map((c) => c.speaker?.name ?? 'nobody');
void speakers;

const paragraphs: string[] = analysis.article.paragraphs
  .filter((p) => p.kind === 'body')
  .map((p) => text.slice(p.start, p.end));
void paragraphs;

const articles: ArticleInput[] = [...sampleStory(), { text, id: 'mine' }];
const story: Story = compare(articles);
for (const a of story.articles) {
  const code: ErrorCode | undefined = a.error?.code;
  void code;
}
const corroborated = story.claims.filter((c) => c.sources >= 2).map((c) => c.members.length);
void corroborated;

try {
  analyze(text, { outlet: 'X' });
} catch (e) {
  const code: ErrorCode = (e as NewsclaimsError).code;
  void code;
}

const v: string = version();
void v;

// @ts-expect-error unknown options are rejected by the types as at run time
analyze(text, { colour: 'red' });
// @ts-expect-error the text must be a string
analyze(42);
