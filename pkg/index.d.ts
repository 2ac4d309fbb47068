// Types of the `newsclaims` npm package (hand-kept; they track the Rust types in
// crates/newsclaims/src/model/*.rs, whose JSON field names they use unchanged).
//
// Every `start`/`end` is an offset in UTF-16 code units into the text exactly as
// given, so `text.slice(start, end)` is the span's text. Absent values are `null`.

/** Metadata of an article; the caller's values win over what is found in the text. */
export interface AnalyzeOptions {
  /** The caller's identifier (a file name, a URL, a database key). */
  id?: string | null;
  /** Where the article was published. */
  url?: string | null;
  /** The outlet's name. */
  outlet?: string | null;
  /** Publication date, `YYYY-MM-DD`. */
  published?: string | null;
}

/** One article given to {@link compare}. Without an `id`, its position ("0", "1", ...) is used. */
export interface ArticleInput extends AnalyzeOptions {
  /** The article as copied or scraped. */
  text: string;
}

/** The stable codes of thrown errors and of `StoryArticle.error.code`. */
export type ErrorCode =
  | 'input_too_large'
  | 'invalid_utf8'
  | 'invalid_date'
  | 'invalid_options'
  | 'invalid_input'
  | 'empty_story'
  | 'unreadable'
  | 'internal';

/** What every function throws: an `Error` with a stable `code`. */
export interface NewsclaimsError extends Error {
  code: ErrorCode;
}

export interface Author {
  name: string;
  role: string | null;
}

export interface Dateline {
  text: string;
  places: string[];
  start: number;
  end: number;
}

export type FieldKind = 'title' | 'subtitle' | 'byline' | 'dateline' | 'published';

export interface Field {
  field: FieldKind;
  text: string;
  start: number;
  end: number;
}

export type ParagraphKind = 'body' | 'heading';

export interface Paragraph {
  text: string;
  start: number;
  end: number;
  kind: ParagraphKind;
}

export type RemovalReason =
  | 'share'
  | 'related'
  | 'comments'
  | 'newsletter'
  | 'navigation'
  | 'promotion'
  | 'duplicate';

export interface Removed {
  text: string;
  start: number;
  end: number;
  reason: RemovalReason;
  /** For duplicates: the index in `paragraphs` of the copy that was kept. */
  duplicate_of: number | null;
}

export interface Article {
  id: string;
  url: string | null;
  title: string | null;
  subtitle: string | null;
  authors: Author[];
  outlet: string | null;
  dateline: Dateline | null;
  /** `YYYY-MM-DD`: given by the caller, else found in the text. */
  published: string | null;
  paragraphs: Paragraph[];
  removed: Removed[];
  fields: Field[];
}

export type EntityKind =
  | 'person'
  | 'organization'
  | 'place'
  | 'group'
  | 'event'
  | 'date'
  | 'quantity';

export interface Mention {
  text: string;
  start: number;
  end: number;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  roles: string[];
  mentions: Mention[];
  refers_to: string | null;
  /** For dates: an ISO date string; for quantities: a number. */
  value: number | string | null;
}

export type ClaimKind = 'statement' | 'accusation' | 'denial' | 'prediction';

export type ClaimForm =
  | 'direct_quote'
  | 'partial_quote'
  | 'reported'
  | 'according_to'
  | 'unattributed';

export interface Actor {
  name: string;
  /** The entity id, or `null` for "observers", "state media" and the like. */
  entity: string | null;
}

export interface Claim {
  id: string;
  kind: ClaimKind;
  form: ClaimForm;
  speaker: Actor | null;
  cue: string | null;
  quote: string | null;
  text: string;
  start: number;
  end: number;
  target: Actor | null;
  hedged: boolean;
  negated: boolean;
  entities: string[];
  responds_to: string | null;
}

/** One article analysed. */
export interface Analysis {
  /** Always `"newsclaims/1"`. */
  schema: string;
  id: string;
  article: Article;
  entities: Entity[];
  claims: Claim[];
}

export interface ArticleError {
  code: ErrorCode;
  message: string;
}

export interface StoryArticle {
  id: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  /** Present only when the article could not be analysed. */
  error?: ArticleError;
}

export interface StoryEntity {
  id: string;
  kind: EntityKind;
  /** The name most articles use. */
  name: string;
  /** Every spelling of its name seen in the articles, `name` included, most used first. */
  variants: string[];
  /** Ids of the articles that mention it. */
  articles: string[];
  /** Each spelling with the ids of the articles using it (absent when empty). */
  spellings?: Record<string, string[]>;
}

export interface Member {
  article: string;
  claim: string;
}

export interface ClaimCluster {
  id: string;
  kind: ClaimKind;
  form: ClaimForm;
  speaker: Actor | null;
  text: string;
  members: Member[];
  /** Independent outlets telling it. */
  sources: number;
}

export type ConflictKind = 'name_spelling' | 'number' | 'date' | 'assertion';

export interface ConflictValue {
  article: string;
  text: string;
}

export interface Conflict {
  kind: ConflictKind;
  description: string;
  values: ConflictValue[];
}

export interface CopiedText {
  articles: string[];
  text: string;
  source: string | null;
  /** From 0 to 1; 1 is an exact copy. */
  similarity: number;
}

/** Several articles on one story, compared. */
export interface Story {
  /** Always `"newsclaims/1"`. */
  schema: string;
  /** Every article given, in input order, analysed or with its error. */
  articles: StoryArticle[];
  entities: StoryEntity[];
  claims: ClaimCluster[];
  conflicts: Conflict[];
  copies: CopiedText[];
}

/** An article of the embedded sample story, ready for {@link compare}. */
export interface SampleArticle {
  id: string;
  outlet: string;
  published: string | null;
  text: string;
}

/**
 * Analyses one article: structure, entities and claims.
 * @throws {NewsclaimsError} `invalid_input` (text not a string), `invalid_options`,
 *   `invalid_date`, `input_too_large`.
 */
export function analyze(text: string, options?: AnalyzeOptions | null): Analysis;

/**
 * Compares several articles on one story. An article that fails is listed in
 * `articles` with its `error` instead of throwing.
 * @throws {NewsclaimsError} `invalid_input` (not an array), `empty_story`.
 */
export function compare(articles: readonly ArticleInput[]): Story;

/** The package version, e.g. `"0.1.0"`. */
export function version(): string;

/** The embedded sample story: five invented outlets covering one invented event. */
export function sampleStory(): SampleArticle[];
