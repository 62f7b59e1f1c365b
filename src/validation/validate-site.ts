import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ChartDataError } from '../charts/index.ts';
import { printedForms } from '../figures/figures.ts';
import { listFiles, realPathOutside } from '../core/list-files.ts';
import { SITE_LAYOUT } from '../config/site-layout.ts';
import { articleSchema, type Article } from '../schemas/article.ts';
import type { ChartSpec } from '../schemas/chart.ts';
import { datasetSchema, type Dataset } from '../schemas/dataset.ts';
import type { Figure } from '../schemas/figure.ts';
import { editionSchema, type Edition } from '../schemas/edition.ts';
import { siteConfigSchema, type SiteConfig } from '../schemas/site.ts';
import { renderDatasetChart, chartFigureIds } from '../charts/dataset-charts.ts';
import { derivedFigureProblem, resolveFigures, type ResolvedFigure } from '../figures/dataset-figures.ts';
import { isDatasetPublished, publishedStories } from '../config/publication.ts';
import { articleHeadings, articleText, parseMdxBody, quotedSentence } from './article-text.ts';
import { checkKey, isDatasetCheckKept, keepDatasetCheck, keptCheckKeys, KeptStoryChecks, type CheckedStory } from './check-cache.ts';
import { checkStoryBody, type DatasetLookup } from '../stories/mdx-components.ts';
import { parseWithFriendlyErrors, type Locate } from '../core/parse-with-friendly-errors.ts';
import { placeholderProblems } from './placeholders.ts';
import { type Problem } from '../core/problem.ts';
import { readJson, readText, splitMdx } from './read-source.ts';
import { correctionProblems, pageScanProblems } from './reader-edition.ts';
import { unboundNumbers } from './unbound-numbers.ts';
import { halfWidthPunctuation } from './half-width-punctuation.ts';
import { quoteInText } from './whole-sentence.ts';
import { didYouMeanPhrase } from '../core/did-you-mean.ts';
import { describeUnchecked, figureLikeNumbers, figureNumberPattern, uncheckedNumbers, type CheckedField } from './figure-numbers.ts';

/** A validated piece of content and where it came from. */
export interface Sourced<T> {
	/** The file, relative to the site root. */
	file: string;
	data: T;
	locate: Locate;
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

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

/** A story's check key, and what was kept of its last check under that key. */
interface KeptCheck {
	key: string;
	kept?: CheckedStory;
}

/** The state a story check depends on besides the story itself. */
interface StoryContext {
	lookup: DatasetLookup;
	/** The hash of each valid dataset's file, which a kept story check is compared against. */
	datasetHashes: Map<string, string>;
	/** Datasets whose files exist but are invalid: already reported, so references to them are not. */
	invalid: Set<string>;
	/** What checking each story found last time, and where a valid story's check is kept for next time. */
	checks: KeptStoryChecks;
	/** The sentences valid datasets' figures give as quoted from a story, by the story's id. */
	quoted: Map<string, Set<string>>;
	/** Stories whose own check found problems. */
	failed: Set<string>;
	/** Numbers in stories' headlines, summaries… that no figure prints, which a changed value may explain. */
	copyNumbers: { problem: Problem; printed: string; article?: string; dataset?: string }[];
}

/**
 * Reads and validates a whole site: its config, editions, stories and datasets, and the
 * references between them. Collects every problem instead of stopping at the first, so an editor
 * can fix them all in one go. This is the one validation path the build, `npm run check` and the
 * tests share.
 */
export async function validateSite(root: string): Promise<ValidatedSite> {
	const problems: Problem[] = [];
	const site: ValidatedSite = {
		editions: new Map(),
		articles: new Map(),
		datasets: new Map(),
		present: { editions: new Set(), articles: new Set(), datasets: new Set() },
		problems,
		warnings: [],
	};
	/** Datasets' fields still holding a scaffold's placeholder, by dataset id: their severity depends on the stories. */
	const datasetPlaceholders = new Map<string, Problem[]>();

	const configFile = SITE_LAYOUT.config;
	if (!existsSync(join(root, configFile))) {
		problems.push({ file: configFile, field: '', message: 'missing; expected the site configuration file at the site root' });
	} else {
		const read = await readJson(join(root, configFile), configFile);
		if (!read.ok) problems.push(...read.problems);
		else {
			const parsed = parseWithFriendlyErrors(siteConfigSchema, read.value, configFile, read.locate);
			if (parsed.ok) site.config = parsed.data;
			else problems.push(...parsed.problems);
		}
	}

	// Datasets first: stories print their figures, and their text is checked against them.
	const context: StoryContext = { lookup: new Map(), datasetHashes: new Map(), invalid: new Set(), checks: new KeptStoryChecks(), quoted: new Map(), failed: new Set(), copyNumbers: [] };
	const { lookup } = context;
	const datasetLinks: string[] = [];
	const datasetFiles = listFiles(join(root, SITE_LAYOUT.data), undefined, datasetLinks)
		.filter((name) => name.endsWith('.json') && !leadsOutside(root, SITE_LAYOUT.data, name, datasetLinks, problems))
		.map((name) => `${SITE_LAYOUT.data}/${name}`);
	for (const file of datasetFiles) {
		const bytes = readFileSync(join(root, file));
		const id = file.slice(`${SITE_LAYOUT.data}/`.length, -'.json'.length);
		if (!ID_PATTERN.test(id)) {
			problems.push({
				file,
				field: '',
				message: `the file name "${id}" is not a valid dataset id; expected lower-case letters, digits and hyphens, such as "erqi-governance.json"`,
			});
			continue;
		}
		site.present.datasets.add(id);
		const read = await readJson(join(root, file), file, bytes);
		if (!read.ok) {
			problems.push(...read.problems);
			continue;
		}
		const parsed = parseWithFriendlyErrors(datasetSchema, read.value, file, read.locate);
		if (!parsed.ok) {
			problems.push(...parsed.problems);
			continue;
		}
		const dataset = { file, data: parsed.data, locate: read.locate };
		datasetPlaceholders.set(id, placeholderProblems(file, read.value, read.locate));
		const key = checkKey(file, bytes);
		const kept = isDatasetCheckKept(key);
		const checked = kept ? { problems: [], copy: [] } : checkDataset(id, dataset);
		const datasetProblems = checked.problems;
		if (!kept && datasetProblems.length === 0 && checked.copy.length === 0) await keepDatasetCheck(key);
		problems.push(...datasetProblems);
		// A chart's title or alt text disagreeing with the data leaves the dataset usable: a changed
		// value may explain it, and the stories are still checked against the data.
		problems.push(...checked.copy.map(({ problem }) => problem));
		for (const entry of checked.copy) context.copyNumbers.push({ ...entry, dataset: id });
		if (datasetProblems.length === 0) {
			site.datasets.set(id, dataset);
			context.datasetHashes.set(id, createHash('sha256').update(bytes).digest('base64url'));
			lookup.set(id, {
				figures: resolveFigures(dataset.data),
				charts: new Map(dataset.data.charts.map((chart) => [chart.id, chart])),
			});
		}
	}

	for (const id of site.present.datasets) if (!lookup.has(id)) context.invalid.add(id);
	for (const { data } of site.datasets.values()) {
		for (const { source } of data.figures) {
			if (!source) continue;
			const sentences = context.quoted.get(source.article) ?? new Set<string>();
			context.quoted.set(source.article, sentences.add(quotedSentence(source.sentence)));
		}
	}

	const contentLinks: string[] = [];
	const contentFiles = listFiles(join(root, SITE_LAYOUT.content), undefined, contentLinks)
		.filter((name) => name.endsWith('.mdx') || name.endsWith(`/${SITE_LAYOUT.editionFile}`))
		.filter((name) => !leadsOutside(root, SITE_LAYOUT.content, name, contentLinks, problems))
		.map((name) => `${SITE_LAYOUT.content}/${name}`);
	const keys = keptCheckKeys();
	for (const file of contentFiles) {
		const name = file.slice(`${SITE_LAYOUT.content}/`.length);
		const folder = dirname(name);
		if (!DATE_FOLDER.test(folder)) {
			problems.push({
				file,
				field: '',
				message: `is in "${folder}"; expected editions and stories in a folder named after the edition date, such as content/2024-09-18/`,
			});
			continue;
		}
		if (name.endsWith(SITE_LAYOUT.editionFile)) {
			await readEdition(root, file, readFileSync(join(root, file)), folder, site);
			continue;
		}
		// A story unchanged since the last build is read only when its check was not kept.
		let bytes: Buffer | undefined;
		const key = keys.digest(join(root, file), (read) => checkKey(file, (bytes = read)));
		const id = name.slice(0, -'.mdx'.length);
		const kept = context.checks.get(file, key, context.datasetHashes, context.quoted.get(id));
		await readArticle(root, file, kept ? undefined : (bytes ?? readFileSync(join(root, file))), { key, kept }, id, site, context);
	}
	keys.save();
	context.checks.save();

	checkReferences(site, root, context);
	problems.push(...(await pageScanProblems(site, root)), ...correctionProblems(site));
	checkPublication(site, datasetPlaceholders);
	return site;
}

/**
 * Whether a file of `folder` (`content` or `data`) is a symbolic link to a file outside it, which
 * is reported: only the site's own files are published. Only links are looked at, so a site
 * without any costs nothing.
 */
function leadsOutside(root: string, folder: string, name: string, links: readonly string[], problems: Problem[]): boolean {
	if (!links.includes(name)) return false;
	const real = realPathOutside(join(root, folder), join(root, folder, name));
	if (real === undefined) return false;
	problems.push({
		file: `${folder}/${name}`,
		field: '',
		message: `is a link to ${JSON.stringify(real)}, outside ${folder}/; expected the file itself inside ${folder}/ (only the site's own files are published)`,
		hint: `copy the file into ${folder}/ instead of linking to it`,
	});
	return true;
}

async function readEdition(root: string, file: string, bytes: Buffer, folder: string, site: ValidatedSite): Promise<void> {
	site.present.editions.add(folder);
	const read = await readJson(join(root, file), file, bytes);
	if (!read.ok) return void site.problems.push(...read.problems);
	const parsed = parseWithFriendlyErrors(editionSchema, read.value, file, read.locate);
	if (!parsed.ok) return void site.problems.push(...parsed.problems);
	if (parsed.data.date !== folder) {
		site.problems.push({
			file,
			line: read.locate(['date']),
			field: 'date',
			message: `received "${parsed.data.date}"; expected "${folder}", the name of the edition's folder`,
		});
		return;
	}
	site.editions.set(folder, { file, data: parsed.data, locate: read.locate });
}

/** Checks a story, or takes its kept check; `bytes` are its file's, not read when the check was kept. */
async function readArticle(root: string, file: string, bytes: Buffer | undefined, { key, kept }: KeptCheck, id: string, site: ValidatedSite, context: StoryContext): Promise<void> {
	const slug = id.split('/').at(-1) ?? id;
	if (!ID_PATTERN.test(slug)) {
		site.problems.push({
			file,
			field: '',
			message: `the file name "${slug}" is not a valid story slug; expected lower-case letters, digits and hyphens, such as "erqi-louyuan-zhili.mdx"`,
		});
		return;
	}
	site.present.articles.add(id);
	// A story checked before, unchanged and with unchanged datasets, is not read nor parsed again;
	// its frontmatter is read again only to point at a line, if a reference from it turns out wrong.
	if (kept) {
		let located: Locate | undefined;
		const locate: Locate = (path) => {
			if (!located) {
				const split = splitMdx(readFileSync(join(root, file), 'utf8'), file);
				located = split.ok ? split.locate : () => undefined;
			}
			return located(path);
		};
		let text: string | undefined;
		site.warnings.push(...kept.warnings);
		site.articles.set(id, {
			file,
			data: kept.data,
			locate,
			get text() {
				return (text ??= keptStoryText(root, file, kept.data, context));
			},
			headings: kept.headings,
			quotes: new Map(Object.entries(kept.quotes)),
		});
		return;
	}
	const decoded = await readText(join(root, file), file, bytes);
	if (!decoded.ok) return void site.problems.push(...decoded.problems);
	const problemsBefore = site.problems.length;
	const warningsBefore = site.warnings.length;
	const read = splitMdx(decoded.text, file);
	if (!read.ok) return void site.problems.push(...read.problems);
	const { lookup } = context;
	const parsed = parseWithFriendlyErrors(articleSchema, read.frontmatter, file, read.locate);
	const body = parseMdxBody(read.body);
	if (!body.ok) {
		site.problems.push({
			file,
			line: body.line === undefined ? undefined : body.line + read.bodyLine - 1,
			field: 'body',
			message: `malformed MDX (${body.message}); expected valid MDX`,
			hint: 'close every <Tag> you open, and write a literal { or < as \\{ or \\<',
		});
	}
	if (!parsed.ok) return void site.problems.push(...parsed.problems);
	if (!body.ok) return;
	// A misspelt dataset id is the root cause of what the body's components then get wrong: first.
	parsed.data.datasets.forEach((datasetId, index) => {
		if (site.present.datasets.has(datasetId)) return;
		site.problems.push({
			file,
			line: read.locate(['datasets', index]),
			field: `datasets[${index}]`,
			message: `received "${datasetId}";${didYouMeanPhrase(datasetId, site.present.datasets)} expected the id of a dataset in data/: ${[...site.present.datasets].join(', ') || '(none)'}`,
		});
	});
	const story = checkStoryBody(body.tree, { file, bodyLine: read.bodyLine, datasets: parsed.data.datasets, lookup, invalid: context.invalid });
	site.problems.push(...story.problems);
	const listed = parsed.data.datasets.filter((dataset) => lookup.has(dataset));
	site.warnings.push(
		...unboundNumbers(body.tree, {
			file,
			bodyLine: read.bodyLine,
			datasets: listed,
			figures: listed.flatMap((dataset) => [...lookup.get(dataset)!.figures.values()]),
		}),
	);
	site.warnings.push(...halfWidthPunctuation(body.tree, { file, bodyLine: read.bodyLine }));
	// A draft may still hold what the scaffold wrote; a published story may not.
	const placeholders = placeholderProblems(file, read.frontmatter, read.locate, { text: read.body, line: read.bodyLine });
	(parsed.data.draft ? site.warnings : site.problems).push(...placeholders);
	if (parsed.data.draft) {
		parsed.data.images.forEach((image, index) => {
			if (image.alt !== undefined) return;
			site.warnings.push({
				file,
				line: read.locate(['images', index]),
				field: `images[${index}].alt`,
				message: 'missing; a draft may leave it out, but the story cannot be published without it',
				hint: 'describe what the image shows, for readers who cannot see it',
			});
		});
	}
	// Datasets quoting a story with problems are not checked against its text: what they would
	// find follows from the story's problems (a misspelt <Num> prints nothing).
	if (site.problems.length > problemsBefore) context.failed.add(id);
	// Checked against the data only when every dataset listed is valid: otherwise that is the cause.
	if (listed.length === parsed.data.datasets.length) {
		const copy = copyNumberProblems(file, parsed.data, read.locate, listed.flatMap((dataset) => [...lookup.get(dataset)!.figures.values()]));
		site.problems.push(...copy.map(({ problem }) => problem));
		for (const entry of copy) context.copyNumbers.push({ ...entry, article: id });
	}
	const text = articleText(body.tree, story.printInline);
	const article = {
		file,
		data: parsed.data,
		locate: read.locate,
		text,
		headings: articleHeadings(body.tree, story.printInline),
		quotes: new Map([...(context.quoted.get(id) ?? [])].map((sentence) => [sentence, quoteInText(text, sentence)])),
	};
	site.articles.set(id, article);
	if (site.problems.length === problemsBefore) {
		context.checks.keep(file, key, {
			data: article.data,
			headings: article.headings,
			quotes: Object.fromEntries(article.quotes),
			warnings: site.warnings.slice(warningsBefore),
			datasets: Object.fromEntries(parsed.data.datasets.map((dataset) => [dataset, context.datasetHashes.get(dataset) ?? ''])),
		});
	}
}

/**
 * Figure-like numbers in a story's headline, kicker, subheadline, summary and captions that no
 * figure of its datasets agrees with: a kicker saying 1999.9万 while the data says 1884.5万.
 */
function copyNumberProblems(file: string, data: Article, locate: Locate, figures: ResolvedFigure[]): { problem: Problem; printed: string }[] {
	const fields: CheckedField[] = [];
	const add = (field: string, path: PropertyKey[], text: string | undefined) => {
		if (text) fields.push({ field, line: locate(path), text });
	};
	add('headline', ['headline'], data.headline);
	add('kicker', ['kicker'], data.kicker);
	add('subheadline', ['subheadline'], data.subheadline);
	add('summary', ['summary'], data.summary);
	data.images.forEach((image, index) => add(`images[${index}].caption`, ['images', index, 'caption'], image.caption));
	return uncheckedNumbers(fields, figures, data.notFigures).map((unchecked) => ({
		printed: unchecked.number.text,
		problem: {
			file,
			line: unchecked.line,
			field: unchecked.field,
			message: describeUnchecked(unchecked),
			hint: 'correct the number or the data; if it is not a data figure (a hotline, a number in a name), list it under notFigures',
		},
	}));
}

/** The text of a story whose check was kept, from its file: as checking it found it, the story being unchanged. */
function keptStoryText(root: string, file: string, data: Article, { lookup, invalid }: StoryContext): string {
	const read = splitMdx(readFileSync(join(root, file), 'utf8'), file);
	const body = read.ok ? parseMdxBody(read.body) : undefined;
	if (!read.ok || !body?.ok) throw new Error(`${file} changed while it was being checked`);
	const { printInline } = checkStoryBody(body.tree, { file, bodyLine: read.bodyLine, datasets: data.datasets, lookup, invalid });
	return articleText(body.tree, printInline);
}

function checkReferences(site: ValidatedSite, root: string, { failed, copyNumbers }: StoryContext): void {
	const { problems } = site;
	for (const [id, article] of site.articles) {
		const { data, file, locate } = article;
		const folder = id.split('/')[0];
		if (data.edition !== folder) {
			problems.push({
				file,
				line: locate(['edition']),
				field: 'edition',
				message: `received "${data.edition}"; expected "${folder}", the edition whose folder the story is in`,
			});
			continue;
		}
		const edition = site.editions.get(data.edition);
		if (!edition && site.present.editions.has(data.edition)) {
			// The edition file exists but is invalid, which is reported on its own.
		} else if (!edition) {
			problems.push({
				file,
				line: locate(['edition']),
				field: 'edition',
				message: `received "${data.edition}", but there is no content/${data.edition}/edition.json; expected an existing edition`,
				hint: `create content/${data.edition}/edition.json with the edition's pages`,
			});
		} else if (!edition.data.pages.some((page) => page.number === data.page)) {
			const pages = edition.data.pages.map((page) => page.number).join(', ');
			problems.push({
				file,
				line: locate(['page']),
				field: 'page',
				message: `received ${data.page}; expected one of the pages of edition ${data.edition}: ${pages}`,
				hint: `add page ${data.page} to ${edition.file}, or correct the page number`,
			});
		}
		data.images.forEach((image, index) => {
			if (!image.file) return;
			const path = join(root, dirname(file), image.file);
			const problem = (message: string) => problems.push({ file, line: locate(['images', index, 'file']), field: `images[${index}].file`, message });
			if (!existsSync(path)) {
				problem(`received "${image.file}", but there is no such file next to the story; expected an image file`);
				return;
			}
			const real = realPathOutside(join(root, SITE_LAYOUT.content), path);
			if (real) problem(`received "${image.file}", a link to ${JSON.stringify(real)}, outside content/; expected an image file inside content/ (only the site's own files are published)`);
		});
	}
	const missing = new Set<string>();
	for (const [datasetId, dataset] of site.datasets) {
		dataset.data.figures.forEach((figure, index) => {
			const at = (...path: PropertyKey[]) => dataset.locate(['figures', index, ...path]);
			// Figures of a dataset with an outside origin were not printed in a story.
			if (!figure.source) return;
			const article = site.articles.get(figure.source.article);
			if (!article && site.present.articles.has(figure.source.article)) return;
			if (!article) {
				problems.push({
					file: dataset.file,
					line: at('source', 'article'),
					field: `figures[${index}].source.article`,
					message: `received "${figure.source.article}";${didYouMeanPhrase(figure.source.article, site.present.articles)} expected the id of a story, such as "${[...site.articles.keys()][0] ?? '2024-09-18/story-slug'}"`,
				});
				return;
			}
			// A story with problems of its own (a misspelt <Num> prints nothing) is checked only for
			// what they cannot explain: a changed value.
			const storyFailed = failed.has(figure.source.article);
			const sentence = figure.source.sentence.trim();
			// Looked for with Chinese punctuation full-width on both sides, quoted as the dataset writes it.
			const looked = quotedSentence(sentence);
			const quote = article.quotes.get(looked);
			if (typeof quote === 'string') {
				if (storyFailed) return;
				problems.push({
					file: dataset.file,
					line: at('source', 'sentence'),
					field: `figures[${index}].source.sentence`,
					message: `figure "${figure.id}": received a fragment of a sentence of ${article.file} ("${sentence}"); expected the whole sentence: "${quote}"`,
					hint: 'copy the whole sentence, from the end of the sentence before it to its own 。',
				});
				return;
			}
			if (!quote) {
				// One sentence quoted by several figures is one cause: reported once.
				const key = `${figure.source.article}\n${sentence}`;
				if (missing.has(key)) return;
				missing.add(key);
				const changed = changedFigure(dataset.data, article, looked);
				if (changed) {
					// The story's headline or summary printing the old number follows from the same change.
					const followers = copyNumbers.filter(
						(entry) => (entry.article === figure.source!.article || entry.dataset === datasetId) && entry.printed === changed.was,
					);
					for (const follower of followers) problems.splice(problems.indexOf(follower.problem), 1);
					const places = [...new Set(followers.map((entry) => (entry.dataset ? `the ${entry.problem.field} of ${entry.problem.file}` : `its ${entry.problem.field}`)))];
					const also = places.length > 0 ? ` (${places.join(', ')} print "${changed.was}" too)` : '';
					problems.push({
						file: dataset.file,
						line: dataset.locate(['figures', changed.index, 'value']),
						field: `figures[${changed.index}].value`,
						message: `figure "${changed.id}": the data now prints "${changed.now}" where the story's sentence in ${article.file} printed "${changed.was}"${also}: "${sentence}"; expected the data and the story to agree`,
						hint: `the story prints this figure with <Num>, so it changed with the data: if the data is right, copy the sentence again with "${changed.now}"; if the story was right, correct the value`,
					});
					return;
				}
				if (storyFailed) return;
				problems.push({
					file: dataset.file,
					line: at('source', 'sentence'),
					field: `figures[${index}].source.sentence`,
					message: `figure "${figure.id}": the sentence no longer appears in ${article.file}; expected it verbatim: "${sentence}"`,
					hint: 'copy the sentence again from the story, or correct the story',
				});
				return;
			}
			const forms = printedForms(figure);
			if (!storyFailed && !forms.some((form) => sentence.includes(form))) {
				const printedThere = nearestNumberIn(sentence, figure);
				problems.push({
					file: dataset.file,
					line: at('value'),
					field: `figures[${index}].value`,
					message: `figure "${figure.id}": the data prints "${forms[0]}"${printedThere ? ` but its sentence in ${article.file} prints "${printedThere}"` : `, which is not in its sentence in ${article.file}`}: "${sentence}"`,
					hint: 'the dataset and the story disagree: correct whichever is wrong',
				});
			}
		});
	}
}

/** The forms a figure's number can take in a sentence, a change's also without its words (5.1% of 同比下降5.1%). */
function sentenceForms(figure: Figure): string[] {
	const forms = printedForms(figure);
	if (figure.change) forms.push(...printedForms({ ...figure, change: undefined, value: Math.abs(figure.value) }));
	return forms;
}

/**
 * The figure whose changed value explains why a quoted sentence no longer appears in its story:
 * the story prints it with <Num>, so its sentence now reads with the new number.
 */
function changedFigure(dataset: Dataset, article: SourcedArticle, sentence: string): { index: number; id: string; was: string; now: string } | undefined {
	const { text } = article;
	const numbers = figureLikeNumbers(sentence, figureNumberPattern(dataset.figures.map((figure) => figure.unit)));
	for (const [index, figure] of dataset.figures.entries()) {
		for (const number of numbers) {
			for (const form of sentenceForms(figure)) {
				if (form === number.text) continue;
				const now = sentence.slice(0, number.index) + form + sentence.slice(number.index + number.text.length);
				if (text.includes(now)) return { index, id: figure.id, was: number.text, now: form };
			}
		}
	}
	return undefined;
}

/** The number in a sentence most like a figure's (its unit, nearest value), as printed there. */
function nearestNumberIn(sentence: string, figure: Figure): string | undefined {
	const numbers = figureLikeNumbers(sentence, figureNumberPattern([figure.unit])).filter((number) => number.unit === figure.unit);
	numbers.sort((a, b) => Math.abs(a.value - Math.abs(figure.value)) - Math.abs(b.value - Math.abs(figure.value)));
	return numbers[0]?.text;
}

/**
 * Checks what a dataset's schema cannot see alone: ids unique across printed and computed figures,
 * computed figures that can be computed, and charts whose figures exist and can be drawn together.
 */
function checkDataset(id: string, dataset: Sourced<Dataset>): { problems: Problem[]; copy: { problem: Problem; printed: string }[] } {
	const problems: Problem[] = [];
	const copyProblems: { problem: Problem; printed: string }[] = [];
	const { data, file, locate } = dataset;
	const ids = new Set(data.figures.map((figure) => figure.id));
	data.derived.forEach((definition, index) => {
		const field = `derived[${index}]`;
		if (ids.has(definition.id)) {
			problems.push({ file, line: locate(['derived', index, 'id']), field: `${field}.id`, message: `duplicate figure id "${definition.id}"; expected every figure of a dataset to have its own id` });
		}
		ids.add(definition.id);
		const problem = derivedFigureProblem(definition, data);
		if (problem) problems.push({ file, line: locate(['derived', index, 'of']), field: `${field}.of`, message: problem });
	});
	// One place written two ways (荥阳 and 荥阳市) would split a comparison: the short form is a typo.
	if (data.kind === 'holiday-tourism') {
		const places = new Set(data.figures.map((figure) => figure.place));
		data.figures.forEach((figure, index) => {
			const longer = [...places].find((place) => place.length === figure.place.length + 1 && place.startsWith(figure.place) && /[市县区]$/.test(place));
			if (!longer) return;
			problems.push({
				file,
				line: locate(['figures', index, 'place']),
				field: `figures[${index}].place`,
				message: `received "${figure.place}"; did you mean "${longer}"? expected each place written one way, as the dataset's other figures write it`,
			});
		});
	}
	if (problems.length > 0) return { problems, copy: copyProblems };
	const figures = resolveFigures(data);
	const chartIds = new Set<string>();
	data.charts.forEach((chart, index) => {
		const field = `charts[${index}]`;
		if (chartIds.has(chart.id)) {
			problems.push({ file, line: locate(['charts', index, 'id']), field: `${field}.id`, message: `duplicate chart id "${chart.id}"; expected every chart of a dataset to have its own id` });
		}
		chartIds.add(chart.id);
		if (chart.alt.replace(/[\s。.，,：:]/g, '') === chart.title.replace(/[\s。.，,：:]/g, '')) {
			problems.push({
				file,
				line: locate(['charts', index, 'alt']),
				field: `${field}.alt`,
				message: `received the title again ("${chart.title}"); expected alt text a screen-reader user can use, saying what the chart shows with its figures`,
				hint: 'write the figures the chart shows in a sentence, such as 中牟县接待游客76.57万人次，荥阳市接待游客40.389万人次。',
			});
		}
		const unknown = [...chartFigureIds(chart), ...chart.highlight].filter((figure) => !figures.has(figure));
		if (unknown.length > 0) {
			const meant = unknown.map((figure) => didYouMeanPhrase(figure, figures.keys())).join('');
			problems.push({
				file,
				line: locate(['charts', index]),
				field,
				message: `chart "${chart.id}" names ${unknown.map((figure) => `"${figure}"`).join(', ')};${meant} expected ids of this dataset's figures: ${[...figures.keys()].join(', ')}`,
			});
			return;
		}
		// The alt text is what screen readers say: its numbers are checked like the title's.
		const copy: CheckedField[] = [
			{ field: `${field}.title`, line: locate(['charts', index, 'title']), text: chart.title },
			{ field: `${field}.alt`, line: locate(['charts', index, 'alt']), text: chart.alt },
		];
		chart.notes.forEach((note, noteIndex) => copy.push({ field: `${field}.notes[${noteIndex}]`, line: locate(['charts', index, 'notes', noteIndex]), text: note }));
		for (const unchecked of uncheckedNumbers(copy, [...figures.values()], chart.notFigures ?? [])) {
			copyProblems.push({
				printed: unchecked.number.text,
				problem: {
					file,
					line: unchecked.line,
					field: unchecked.field,
					message: `chart "${chart.id}": ${describeUnchecked(unchecked)}`,
					hint: 'correct the number or the data; if it is not a data figure, list it under the chart\'s notFigures',
				},
			});
		}
		try {
			renderDatasetChart(chart, data, `check-${id}`, figures);
		} catch (error) {
			if (!(error instanceof ChartDataError)) throw error;
			problems.push({ file, line: locate(['charts', index]), field, message: chartErrorInGuideWords(chart, error) });
		}
	});
	return { problems, copy: copyProblems };
}

/** The chart kinds as the editors' guide names them. */
const CHART_KIND_NAMES: Record<ChartSpec['kind'], string> = {
	bar: '横条图',
	comparison: '多地比较',
	levels: '层级图',
	'part-of-whole': '部分与整体',
	'time-series': '时间序列',
	change: '增减图',
};

/**
 * A renderer's refusal in the editors' guide's words: the chart by id and kind as the guide names
 * it, figures by id (not `placeComparison: figures[1] ("荥阳市")`).
 */
function chartErrorInGuideWords(chart: ChartSpec, error: ChartDataError): string {
	const ids = chartFigureIds(chart);
	const figureId = (index: number) => ids[index] ?? `#${index + 1}`;
	const byId = (text: string) =>
		text
			.replace(/\b(?:rows|figures)\[(\d+)\](?: \("[^"]*"\))?/g, (_, index: string) => `figure "${figureId(Number(index))}"`)
			.replace(/^(part|whole)\b/, (name: string) => (chart.kind === 'part-of-whole' ? `figure "${chart[name as 'part' | 'whole']}"` : name))
			.replace(/^reference\b/, chart.kind === 'bar' && chart.reference ? `figure "${chart.reference}"` : 'reference');
	const prefix = `${error.chart}: ${error.field ? `${error.field}: ` : ''}`;
	const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
	const where = error.field ? `${byId(error.field)}: ` : '';
	return `chart "${chart.id}" (${CHART_KIND_NAMES[chart.kind]}, "${chart.kind}") cannot be drawn: ${where}${byId(detail)}`;
}

/**
 * What depends on which stories are published: a dataset readers can see may not hold a
 * scaffold's placeholder, and should not print the sentence of a story still in draft.
 */
function checkPublication(site: ValidatedSite, datasetPlaceholders: Map<string, Problem[]>): void {
	const published = publishedStories(
		[...site.articles].filter(([, article]) => !article.data.draft).map(([id, article]) => ({ id, datasets: article.data.datasets })),
	);
	for (const [id, dataset] of site.datasets) {
		const isPublished = isDatasetPublished(id, dataset.data.figures, published);
		(isPublished ? site.problems : site.warnings).push(...(datasetPlaceholders.get(id) ?? []));
		if (!isPublished) continue;
		dataset.data.figures.forEach((figure, index) => {
			if (!figure.source || !site.articles.get(figure.source.article)?.data.draft) return;
			site.warnings.push({
				file: dataset.file,
				line: dataset.locate(['figures', index, 'source', 'article']),
				field: `figures[${index}].source.article`,
				message: `figure "${figure.id}" comes from ${figure.source.article}, a draft: its sentence is published on the dataset page before the story`,
				hint: 'publish the story (draft: false), or move the figure to a dataset of its own',
			});
		});
	}
}
