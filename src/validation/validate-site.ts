import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFigures } from '../figures/dataset-figures.ts';
import { articleHeadings, articleText, parseMdxBody, quotedSentence } from './article-text.ts';
import { checkKey, isDatasetCheckCached, cacheDatasetCheck, cachedCheckKeys, CachedStoryChecks, type CheckedStory } from './check-cache.ts';
import type { DatasetsInView, SiteInput, SourcedArticle, StoryEntry, UnprintedNumber, ValidatedSite } from './entries.ts';
import { checkStoryBody, checkStoryEntry } from '../stories/mdx-components.ts';
import type { Locate } from '../core/parse-with-friendly-errors.ts';
import type { Problem } from '../core/problem.ts';
import {
	contentKind,
	datasetId,
	listDatasetFiles,
	listEditionAndStoryFiles,
	readDataset,
	readEdition,
	readSiteConfig,
	readStory,
	readStoryAgain,
	storyId,
} from './read-entries.ts';
import { reportInto, type Reported, type Rule } from './rule.ts';
import { CHART_RULES, DATASET_RULES, EDITION_RULES, SITE_RULES, STORY_REFERENCE_RULES, STORY_RULES } from './rules/index.ts';
import { quoteInText } from './whole-sentence.ts';

export type { Sourced, SourcedArticle, ValidatedSite } from './entries.ts';

/** What the rules of one entry reported. */
async function runRules<Input>(rules: readonly Rule<Input>[], input: Input): Promise<Reported> {
	const reported: Reported = { problems: [], warnings: [], unprinted: [] };
	const report = reportInto(reported);
	for (const rule of rules) await rule.check(input, report);
	return reported;
}

/** The state checking the stories depends on besides each story itself. */
interface StoryContext {
	datasets: DatasetsInView;
	/** The hash of each valid dataset's file, which a kept story check is compared against. */
	datasetHashes: Map<string, string>;
	/** What checking each story found last time, and where a valid story's check is kept for next time. */
	checks: CachedStoryChecks;
	/** The sentences valid datasets' figures give as quoted from a story, by the story's id. */
	quoted: Map<string, Set<string>>;
	/** Stories whose own rules found problems. */
	failed: Set<string>;
	/** Numbers no figure prints, which a changed figure may explain. */
	unprinted: UnprintedNumber[];
}

/**
 * Reads and validates a whole site: reads each file once into entries (read-entries.ts) and runs
 * the rules (rules/index.ts) on them. Collects every problem instead of stopping at the first, so
 * an editor can fix them all in one go. This is the one validation path the build, `npm run check`
 * and the tests share.
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
	const config = await readSiteConfig(root);
	if (config.ok) site.config = config.entry;
	else problems.push(...config.problems);

	// Datasets first: stories print their figures, and their text is checked against them.
	const context: StoryContext = {
		datasets: { present: site.present.datasets, lookup: new Map(), invalid: new Set() },
		datasetHashes: new Map(),
		checks: new CachedStoryChecks(),
		quoted: new Map(),
		failed: new Set(),
		unprinted: [],
	};
	const { lookup } = context.datasets;
	/** Each valid dataset's JSON as written, for the rules that look for a scaffold's placeholders. */
	const sources = new Map<string, unknown>();
	for (const file of listDatasetFiles(root, problems)) {
		const bytes = readFileSync(join(root, file));
		const id = datasetId(file);
		if (!id.ok) {
			problems.push(...id.problems);
			continue;
		}
		site.present.datasets.add(id.entry);
		const read = await readDataset(root, file, id.entry, bytes);
		if (!read.ok) {
			problems.push(...read.problems);
			continue;
		}
		const dataset = read.entry;
		// A dataset checked before without a problem is not checked again: drawing its charts is what checking it costs.
		const key = checkKey(file, bytes);
		const kept = isDatasetCheckCached(key);
		const checked = kept ? { problems: [], warnings: [], unprinted: [] } : await runRules(DATASET_RULES, dataset);
		if (!kept && checked.problems.length === 0) Object.assign(checked, await runRules(CHART_RULES, dataset));
		if (!kept && checked.problems.length === 0) await cacheDatasetCheck(key);
		problems.push(...checked.problems);
		site.warnings.push(...checked.warnings);
		for (const entry of checked.unprinted) context.unprinted.push({ ...entry, dataset: dataset.id });
		// A number in a chart's text that no figure prints leaves the dataset usable: a changed value
		// may explain it, and the stories are still checked against the data.
		if (checked.problems.length > checked.unprinted.length) continue;
		site.datasets.set(dataset.id, { file, data: dataset.data, locate: dataset.locate });
		sources.set(dataset.id, dataset.source);
		context.datasetHashes.set(dataset.id, createHash('sha256').update(bytes).digest('base64url'));
		lookup.set(dataset.id, {
			figures: resolveFigures(dataset.data),
			charts: new Map(dataset.data.charts.map((chart) => [chart.id, chart])),
		});
	}

	for (const id of site.present.datasets) if (!lookup.has(id)) context.datasets.invalid.add(id);
	for (const { data } of site.datasets.values()) {
		for (const { source } of data.figures) {
			if (!source) continue;
			const sentences = context.quoted.get(source.article) ?? new Set<string>();
			context.quoted.set(source.article, sentences.add(quotedSentence(source.sentence)));
		}
	}

	const keys = cachedCheckKeys();
	for (const file of listEditionAndStoryFiles(root, problems)) {
		const kind = contentKind(file);
		if (!kind.ok) {
			problems.push(...kind.problems);
			continue;
		}
		const { folder, name } = kind.entry;
		if (kind.entry.kind === 'edition') {
			site.present.editions.add(folder);
			const read = await readEdition(root, file, readFileSync(join(root, file)));
			if (!read.ok) {
				problems.push(...read.problems);
				continue;
			}
			const checked = await runRules(EDITION_RULES, read.entry);
			problems.push(...checked.problems);
			site.warnings.push(...checked.warnings);
			if (checked.problems.length === 0) site.editions.set(folder, read.entry);
			continue;
		}
		// A story unchanged since the last build is read only when its check was not kept.
		let bytes: Buffer | undefined;
		const key = keys.digest(join(root, file), (read) => checkKey(file, (bytes = read)));
		const id = storyId(file, name);
		if (!id.ok) {
			problems.push(...id.problems);
			continue;
		}
		site.present.articles.add(id.entry);
		const kept = context.checks.get(file, key, context.datasetHashes, context.quoted.get(id.entry));
		if (kept) {
			cachedStory(root, file, id.entry, kept, site, context);
			continue;
		}
		const read = await readStory(root, file, id.entry, bytes ?? readFileSync(join(root, file)));
		if (!read.ok) {
			problems.push(...read.problems);
			continue;
		}
		await checkStory(read.entry, key, site, context);
	}
	keys.save();
	context.checks.save();

	const siteReported: Reported = { problems, warnings: site.warnings, unprinted: [] };
	const report = reportInto(siteReported);
	for (const [id, article] of site.articles) {
		for (const rule of STORY_REFERENCE_RULES) await rule.check({ id, article, site, root }, report);
	}
	const input: SiteInput = { site, root, failed: context.failed, unprinted: context.unprinted, sources };
	for (const rule of SITE_RULES) await rule.check(input, report);
	return site;
}

/** Runs the story rules on a story read afresh, and keeps its check when they found nothing. */
async function checkStory(story: StoryEntry, key: string, site: ValidatedSite, context: StoryContext): Promise<void> {
	const input = { story, datasets: context.datasets };
	const checked = await runRules(STORY_RULES, input);
	site.problems.push(...checked.problems);
	site.warnings.push(...checked.warnings);
	for (const entry of checked.unprinted) context.unprinted.push({ ...entry, article: story.id });
	// Datasets quoting a story with problems are not checked against its text: what they would
	// find follows from the story's problems (a misspelt <Num> prints nothing).
	if (checked.problems.length > checked.unprinted.length) context.failed.add(story.id);
	const { printInline } = checkStoryEntry(input);
	const text = articleText(story.tree, printInline);
	const article: SourcedArticle = {
		file: story.file,
		data: story.data,
		locate: story.locate,
		text,
		headings: articleHeadings(story.tree, printInline),
		quotes: new Map([...(context.quoted.get(story.id) ?? [])].map((sentence) => [sentence, quoteInText(text, sentence)])),
	};
	site.articles.set(story.id, article);
	if (checked.problems.length === 0) {
		context.checks.keep(story.file, key, {
			data: article.data,
			headings: article.headings,
			quotes: Object.fromEntries(article.quotes),
			warnings: checked.warnings,
			datasets: Object.fromEntries(story.data.datasets.map((dataset) => [dataset, context.datasetHashes.get(dataset) ?? ''])),
		});
	}
}

/**
 * A story checked before, unchanged and with unchanged datasets: not read nor parsed again; its
 * frontmatter is read again only to point at a line, if a reference from it turns out wrong, and
 * its text only if a dataset's sentence must be looked for in it.
 */
function cachedStory(root: string, file: string, id: string, kept: CheckedStory, site: ValidatedSite, context: StoryContext): void {
	let located: Locate | undefined;
	const locate: Locate = (path) => {
		if (!located) {
			const split = readStoryAgain(root, file);
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
			return (text ??= cachedStoryText(root, file, kept, context));
		},
		headings: kept.headings,
		quotes: new Map(Object.entries(kept.quotes)),
	});
}

/** The text of a story whose check was kept, from its file: as checking it found it, the story being unchanged. */
function cachedStoryText(root: string, file: string, { data }: CheckedStory, { datasets: { lookup, invalid } }: StoryContext): string {
	const read = readStoryAgain(root, file);
	const body = read.ok ? parseMdxBody(read.body) : undefined;
	if (!read.ok || !body?.ok) throw new Error(`${file} changed while it was being checked`);
	const { printInline } = checkStoryBody(body.tree, { file, bodyLine: read.bodyLine, datasets: data.datasets, lookup, invalid });
	return articleText(body.tree, printInline);
}
