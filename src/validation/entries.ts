import type { Root } from 'mdast';
import type { ResolvedFigure } from '../figures/dataset-figures.ts';
import type { Article } from '../schemas/article.ts';
import type { ChartSpec } from '../schemas/chart.ts';
import type { Dataset } from '../schemas/dataset.ts';
import type { Edition } from '../schemas/edition.ts';
import type { SiteConfig } from '../schemas/site.ts';
import type { Locate } from '../core/parse-with-friendly-errors.ts';
import type { Problem } from '../core/problem.ts';

/** What a story may refer to: each dataset's figures and charts by id. */
export type DatasetLookup = Map<string, { figures: Map<string, ResolvedFigure>; charts: Map<string, ChartSpec> }>;

/** A validated piece of content and where it came from. */
export interface Sourced<T> {
	/** The file, relative to the site root. */
	file: string;
	data: T;
	locate: Locate;
}

/** A dataset file read and parsed by its schema (read-entries.ts). */
export interface DatasetEntry extends Sourced<Dataset> {
	/** Its id, the file's name without `.json`. */
	id: string;
	/** The file's JSON as written, before the schema: a scaffold's placeholders are looked for there. */
	source: unknown;
}

/** A story file read and parsed (read-entries.ts): its frontmatter by the article schema, its body as MDX. */
export interface StoryEntry extends Sourced<Article> {
	/** `<edition date>/<slug>`. */
	id: string;
	/** The frontmatter as written, before the schema. */
	frontmatter: unknown;
	/** The MDX body's text, its syntax tree, and the line of the file it starts on. */
	body: string;
	tree: Root;
	bodyLine: number;
}

/** The datasets as a story's rules see them. */
export interface DatasetsInView {
	/** Ids of the datasets whose files exist, valid or not. */
	present: ReadonlySet<string>;
	/** The valid datasets' figures and charts. */
	lookup: DatasetLookup;
	/** Datasets whose files exist but are invalid: already reported, so references to them are not. */
	invalid: Set<string>;
}

/** What a story rule checks: one story, with the datasets it may name. */
export interface StoryInput {
	story: StoryEntry;
	datasets: DatasetsInView;
}

/** A validated story, with its readable text for provenance checks. */
export interface SourcedArticle extends Sourced<Article> {
	/** The story's text, block by block, as a reader sees it (read again from its file when its check was kept). */
	readonly text: string;
	/** Its section headings (小标题). */
	headings: string[];
	/**
	 * How its text holds each sentence a dataset figure gives as quoted from it: as a whole sentence
	 * (true), not at all (false), or only as a fragment of the whole sentence given.
	 */
	quotes: ReadonlyMap<string, boolean | string>;
}

/** Everything in a site root, validated, with every problem found. */
export interface ValidatedSite {
	config?: SiteConfig;
	editions: Map<string, Sourced<Edition>>;
	articles: Map<string, SourcedArticle>;
	datasets: Map<string, Sourced<Dataset>>;
	/** Ids of the stories and datasets whose files exist, valid or not: references to them are not reported again. */
	present: { editions: Set<string>; articles: Set<string>; datasets: Set<string> };
	problems: Problem[];
	/**
	 * What an editor should look at but does not stop the build: a number in the prose that no
	 * dataset figure prints, a draft's missing alt text, a scaffold's placeholder left in a draft.
	 */
	warnings: Problem[];
}

/** A number in a story's or chart's text that no figure prints, which a changed figure may explain. */
export interface UnprintedNumber {
	problem: Problem;
	/** The number as printed there. */
	printed: string;
	/** The story (id) or dataset (id) whose text prints it. */
	article?: string;
	dataset?: string;
}

/** What a rule across stories and datasets checks: the site as validated so far. */
export interface SiteInput {
	site: ValidatedSite;
	/** The site root, where files a story or edition names are looked for. */
	root: string;
	/** Stories whose own rules found problems: what a dataset finds in their text follows from those. */
	failed: ReadonlySet<string>;
	/** Numbers no figure prints, reported before: a changed figure that explains one withdraws it. */
	unprinted: readonly UnprintedNumber[];
	/** Each valid dataset's JSON as written, before the schema, by id. */
	sources: ReadonlyMap<string, unknown>;
}

/** What a rule about one story's references checks: the story, in the site validated so far. */
export interface StoryReferenceInput {
	id: string;
	article: SourcedArticle;
	site: ValidatedSite;
	root: string;
}
