/**
 * Small in-memory content entries for the rules' tests (tests/validation/rules/): read by the
 * content check's own reader (src/validation/read-entries.ts) from text given in the test, so
 * lines and fields are named as the check names them, without a site folder or a build.
 */
import { resolveFigures } from '../../src/figures/dataset-figures.ts';
import type { Edition } from '../../src/schemas/edition.ts';
import { quotedSentence, articleHeadings, articleText } from '../../src/validation/article-text.ts';
import type { DatasetEntry, DatasetsInView, SiteInput, Sourced, StoryEntry, StoryInput, UnprintedNumber, ValidatedSite } from '../../src/validation/entries.ts';
import { checkStoryEntry } from '../../src/stories/mdx-components.ts';
import { readDataset, readEdition, readStory } from '../../src/validation/read-entries.ts';
import { quoteInText } from '../../src/validation/whole-sentence.ts';

/** A holiday-tourism dataset of two figures and one chart, each quoted from story `2024-09-18/a`; `change` edits it. */
export function tourism(change: (data: any) => void = () => {}): any {
	const data = {
		kind: 'holiday-tourism',
		title: '2024年中秋假期两地接待游客',
		holiday: '中秋',
		year: 2024,
		description: '测试用的数据。',
		figures: [
			{
				id: 'zhongmou-visitors',
				label: '中牟县接待游客',
				value: 765700,
				unit: '人次',
				place: '中牟县',
				metric: 'visitors',
				notation: 'compact',
				fractionDigits: 2,
				source: { article: '2024-09-18/a', sentence: '中秋假期,全县共接待游客76.57万人次。' },
			},
			{
				id: 'xingyang-visitors',
				label: '荥阳市接待游客',
				value: 403890,
				unit: '人次',
				place: '荥阳市',
				metric: 'visitors',
				notation: 'compact',
				fractionDigits: 3,
				source: { article: '2024-09-18/a', sentence: '荥阳市接待游客40.389万人次。' },
			},
		],
		charts: [
			{
				id: 'visitors',
				kind: 'comparison',
				title: '2024年中秋假期两地接待游客',
				alt: '中秋假期，中牟县接待游客76.57万人次，荥阳市接待游客40.389万人次。',
				figures: ['zhongmou-visitors', 'xingyang-visitors'],
			},
		],
	};
	change(data);
	return data;
}

/** A dataset entry `id` from its JSON value. */
export async function datasetEntry(value: unknown, id = 'tourism'): Promise<DatasetEntry> {
	const read = await readDataset('/', `data/${id}.json`, id, Buffer.from(JSON.stringify(value, null, 2)));
	if (!read.ok) throw new Error(JSON.stringify(read.problems));
	return read.entry;
}

/** The frontmatter of story `2024-09-18/a`, listing dataset `tourism`; `extra` lines are added at its end. */
export const frontmatter = (extra = '') => `---
edition: "2024-09-18"
page: 5
position: 1
headline: 中秋假期两地文旅市场火热
byline:
  reporters: [张三]
dateline: 本报讯
summary: 两地中秋假期接待游客人数均有增长。
datasets: [tourism]
publishedAt: "2024-09-18"
${extra}---
`;

/** A story whose body quotes both figures of `tourism()`. */
export const STORY_BODY = `
中秋假期,全县共接待游客<Num dataset="tourism" figure="zhongmou-visitors" />。

荥阳市接待游客<Num dataset="tourism" figure="xingyang-visitors" />。
`;

/** A story entry from the text of its file. */
export async function storyEntry(text = frontmatter() + STORY_BODY, id = '2024-09-18/a'): Promise<StoryEntry> {
	const read = await readStory('/', `content/${id}.mdx`, id, Buffer.from(text));
	if (!read.ok) throw new Error(JSON.stringify(read.problems));
	return read.entry;
}

/** An edition entry of `content/<date>/edition.json` from its JSON value. */
export async function editionEntry(value: unknown, date = '2024-09-18'): Promise<Sourced<Edition>> {
	const read = await readEdition('/', `content/${date}/edition.json`, Buffer.from(JSON.stringify(value, null, 2)));
	if (!read.ok) throw new Error(JSON.stringify(read.problems));
	return read.entry;
}

/** The datasets as a story's rules see them, all valid. */
export function inView(...datasets: DatasetEntry[]): DatasetsInView {
	return {
		present: new Set(datasets.map((dataset) => dataset.id)),
		lookup: new Map(datasets.map((dataset) => [dataset.id, { figures: resolveFigures(dataset.data), charts: new Map(dataset.data.charts.map((chart) => [chart.id, chart])) }])),
		invalid: new Set(),
	};
}

/** A story rule's input: a story with the datasets it may name. */
export const storyInput = (story: StoryEntry, ...datasets: DatasetEntry[]): StoryInput => ({ story, datasets: inView(...datasets) });

/** A validated site of these entries, as the runner makes it once every file is read, without problems. */
export function siteOf({ editions = [], stories = [], datasets = [] }: { editions?: Sourced<Edition>[]; stories?: StoryEntry[]; datasets?: DatasetEntry[] }): ValidatedSite {
	const view = inView(...datasets);
	const quoted = datasets.flatMap((dataset) => dataset.data.figures.flatMap((figure) => (figure.source ? [[figure.source.article, quotedSentence(figure.source.sentence)]] : [])));
	return {
		editions: new Map(editions.map((edition) => [edition.file.split('/').at(-2)!, edition])),
		articles: new Map(
			stories.map((story) => {
				const { printInline } = checkStoryEntry({ story, datasets: view });
				const text = articleText(story.tree, printInline);
				const quotes = new Map(quoted.filter(([article]) => article === story.id).map(([, sentence]) => [sentence, quoteInText(text, sentence)]));
				return [story.id, { file: story.file, data: story.data, locate: story.locate, text, headings: articleHeadings(story.tree, printInline), quotes }];
			}),
		),
		datasets: new Map(datasets.map((dataset) => [dataset.id, dataset])),
		present: {
			editions: new Set(editions.map((edition) => edition.file.split('/').at(-2)!)),
			articles: new Set(stories.map((story) => story.id)),
			datasets: new Set(datasets.map((dataset) => dataset.id)),
		},
		problems: [],
		warnings: [],
	};
}

/** A site rule's input for a site of these entries. */
export function siteInput(entries: Parameters<typeof siteOf>[0], more: { failed?: string[]; unprinted?: UnprintedNumber[]; root?: string } = {}): SiteInput {
	const site = siteOf(entries);
	return {
		site,
		root: more.root ?? '/',
		failed: new Set(more.failed ?? []),
		unprinted: more.unprinted ?? [],
		sources: new Map((entries.datasets ?? []).map((dataset) => [dataset.id, dataset.source])),
	};
}

/** `file:line  field  message` of each problem, as the check prints them (hints left out). */
export const printed = (problems: { file: string; line?: number; field: string; message: string }[]) =>
	problems.map((problem) => `${problem.line ? `${problem.file}:${problem.line}` : problem.file}  ${problem.field || '(file)'}  ${problem.message}`);
