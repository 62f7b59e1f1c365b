import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatFigure } from '../figures/figures.ts';
import { SITE_LAYOUT } from '../config/site-layout.ts';
import { datasetKinds, type DatasetKind } from '../schemas/dataset.ts';
import type { FigureInput } from '../schemas/figure.ts';
import { PLACEHOLDER } from '../validation/placeholders.ts';
import { ScaffoldError, type Scaffolded } from './scaffold-error.ts';

/** What `npm run new -- dataset` is told. */
export interface NewDatasetOptions {
	kind?: string;
	id?: string;
	/** The story the figures are printed in: `<date>/<slug>`. */
	article?: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ARTICLE = /^(\d{4}-\d{2}-\d{2})\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The ids the scaffold gives its example figure and chart; the guide tells editors to rename both. */
export const EXAMPLE_FIGURE = 'example-figure';
export const EXAMPLE_CHART = 'example-chart';
/** The example sentence the scaffold adds to the story, up to the figure it binds; it ends with 。 */
const EXAMPLE_SENTENCE = `${PLACEHOLDER}示例句，写稿时换成稿件原句：共有`;

/** An example figure of each kind, as the paper would print one: 10万人次, 100个, 100项. */
function exampleFigure(kind: DatasetKind, article: string, sentence: string): FigureInput & Record<string, unknown> {
	const source = { article, sentence };
	switch (kind) {
		case 'holiday-tourism':
			return {
				id: EXAMPLE_FIGURE,
				label: `${PLACEHOLDER}某地接待游客`,
				value: 100000,
				unit: '人次',
				notation: 'compact',
				place: `${PLACEHOLDER}地名`,
				metric: 'visitors',
				source,
			};
		case 'governance':
			return { id: EXAMPLE_FIGURE, label: `${PLACEHOLDER}指标名称`, value: 100, unit: '个', source };
		case 'government-services':
			return { id: EXAMPLE_FIGURE, label: `${PLACEHOLDER}指标名称`, value: 100, unit: '项', source };
	}
}

/** The dataset file: the fields of its kind, one example figure printed in the story, one chart of it. */
function datasetFile(kind: DatasetKind, article: string, year: number): { json: string; printed: string } {
	// The sentence is the one the scaffold adds to the story, with the figure printed by <Num>.
	const example = exampleFigure(kind, article, '');
	const printed = formatFigure({ ...example, notation: example.notation ?? 'standard', fractionDigits: example.fractionDigits ?? 0, numerals: example.numerals ?? 'arabic' });
	const sentence = `${EXAMPLE_SENTENCE}${printed}。`;
	const byKind = kind === 'holiday-tourism' ? { holiday: `${PLACEHOLDER}节日`, year } : { region: `${PLACEHOLDER}地区` };
	const dataset = {
		kind,
		title: `${PLACEHOLDER}数据集标题`,
		description: `${PLACEHOLDER}一两句说明：这些数字是什么，出自哪里。`,
		...byKind,
		figures: [exampleFigure(kind, article, sentence)],
		derived: [],
		charts: [
			{
				id: EXAMPLE_CHART,
				kind: 'bar',
				title: `${PLACEHOLDER}图表标题`,
				alt: `${PLACEHOLDER}用一两句话说明图表显示了什么。`,
				figures: [EXAMPLE_FIGURE],
			},
		],
		changes: [],
	};
	return { json: `${JSON.stringify(dataset, null, 2)}\n`, printed };
}

/** Adds a dataset id to a story's `datasets:` line, in whichever of the two YAML list forms it is written. */
function listDataset(mdx: string, id: string): string | undefined {
	const end = mdx.indexOf('\n---', 4);
	if (!mdx.startsWith('---') || end < 0) return undefined;
	const frontmatter = mdx.slice(0, end);
	const flow = /^datasets:[ \t]*\[(.*)\][ \t]*$/m.exec(frontmatter);
	if (flow) {
		const items = flow[1].split(',').map((item) => item.trim()).filter(Boolean);
		const line = `datasets: [${[...items, id].join(', ')}]`;
		return mdx.slice(0, flow.index) + line + mdx.slice(flow.index + flow[0].length);
	}
	const block = /^datasets:[ \t]*\n((?:[ \t]+-.*\n)*)/m.exec(frontmatter + '\n');
	if (block) {
		const at = block.index + block[0].length;
		return `${mdx.slice(0, at)}  - ${id}\n${mdx.slice(at)}`;
	}
	return `${frontmatter}\ndatasets: [${id}]${mdx.slice(end)}`;
}

/**
 * `npm run new -- dataset --kind <kind> --id <id> --article <date>/<slug>`: creates `data/<id>.json`
 * with the fields of its kind and one example figure and chart, and makes the story print them: it
 * lists the dataset in the story's frontmatter and adds a sentence binding the figure with `<Num>`
 * and a `<Chart>` line. Every figure records the sentence it was printed in, so a dataset is made for
 * a story; the example shows the editor how the three fit together, and the site builds from the first run.
 */
export async function newDataset(root: string, options: NewDatasetOptions): Promise<Scaffolded> {
	const usage = 'npm run new -- dataset --kind holiday-tourism --id xinzheng-zhongqiu-2024 --article 2024-09-19/xinzheng-zhongqiu';
	const kinds = datasetKinds.map((kind) => `"${kind}"`).join(', ');
	const kind = datasetKinds.find((candidate) => candidate === options.kind);
	if (!kind) throw new ScaffoldError(`--kind: received ${options.kind ? `"${options.kind}"` : 'nothing'}; expected one of ${kinds}`, usage);
	const { id, article } = options;
	if (!id || !ID.test(id)) {
		throw new ScaffoldError(`--id: received ${id ? `"${id}"` : 'nothing'}; expected lower-case letters, digits and hyphens, such as "xinzheng-zhongqiu-2024"`, usage);
	}
	const match = article ? ARTICLE.exec(article) : null;
	if (!article || !match) {
		throw new ScaffoldError(
			`--article: received ${article ? `"${article}"` : 'nothing'}; expected the story the figures are printed in, as <date>/<slug>, such as "2024-09-19/xinzheng-zhongqiu"`,
			usage,
		);
	}
	const storyFile = `${SITE_LAYOUT.content}/${article}.mdx`;
	if (!existsSync(join(root, storyFile))) {
		throw new ScaffoldError(`there is no story ${storyFile}; expected the story the figures are printed in`, `create it first: npm run new -- article --edition ${match[1]} --page <n> --slug ${match[2]}`);
	}
	const file = `${SITE_LAYOUT.data}/${id}.json`;
	if (existsSync(join(root, file))) throw new ScaffoldError(`${file} already exists; expected a new dataset`, 'choose another --id, or edit the existing file');

	const story = await readFile(join(root, storyFile), 'utf8');
	const listed = listDataset(story, id);
	if (!listed) throw new ScaffoldError(`${storyFile} has no frontmatter between "---" lines; expected a story made by npm run new -- article`);
	const { json, printed } = datasetFile(kind, article, Number(match[1].slice(0, 4)));
	const example = [
		`${EXAMPLE_SENTENCE}<Num dataset="${id}" figure="${EXAMPLE_FIGURE}" />。`,
		`<Chart dataset="${id}" chart="${EXAMPLE_CHART}" />`,
	].join('\n\n');
	await writeFile(join(root, file), json);
	await writeFile(join(root, storyFile), `${listed.trimEnd()}\n\n${example}\n`);
	return {
		file,
		notes: [
			`${storyFile} now lists "${id}" and prints its example figure (${printed}) with <Num> and its chart with <Chart>`,
			`replace the example with the story's real figures; npm run check lists what is left to fill in`,
		],
	};
}
