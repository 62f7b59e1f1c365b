/**
 * `npm run bench:generate -- --articles N [--out DIR] [--seed S] [--components bound|plain|module.ts]`:
 * writes a synthetic archive of N stories (editions of 8 pages × 6 stories, about 1,500 characters
 * each, one story in four with a dataset of comparable figures bound into its prose with `<Num>`
 * and drawn by a `<Chart>`) into a temporary folder, and prints the folder. The archive is never committed: it is regenerated,
 * byte for byte the same, from the seed.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatFigure, type PrintableFigure } from '../src/figures/figures.ts';
import { figureLikeNumbers, figureNumberPattern } from '../src/validation/figure-numbers.ts';
import { createRandom, seedFrom, type Random } from './prng.ts';
import { readSampleText, type SampleText } from './sample-text.ts';
import { boundComponents, loadStoryComponents, type ChartSnippet, type StoryComponents } from './story-components.ts';

/** The project folder, whose sample edition the stories are made from. */
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** Pages per edition and stories per page, as a daily of about 50 stories a day prints them. */
export const PAGES_PER_EDITION = 8;
export const STORIES_PER_PAGE = 6;
const STORIES_PER_EDITION = PAGES_PER_EDITION * STORIES_PER_PAGE;
/** Stories are at least this many characters of body text. */
const TARGET_CHARACTERS = 1500;
/** The first edition's date; later ones follow day by day. */
const FIRST_EDITION = Date.UTC(2015, 0, 1);
const DAY = 86_400_000;

const PAGE_NAMES = ['要闻', '要闻', '综合新闻', '区县新闻', '区县新闻', '文旅看台', '民生', '专版'];
const COLUMNS = ['文旅看台', '基层治理', '民生关注', '政务服务'];
const REPORTERS = ['刘伟平', '朱翔宇', '史治国', '张朝晖', '王晓', '李静', '陈晨', '赵磊'];
const CORRESPONDENTS = ['卢博', '王焱', '韩梦', '孙悦', '周航'];
const HOLIDAYS = ['春节', '清明', '五一', '端午', '中秋', '国庆'];
/** Places of the sample's city, with the ASCII names figure ids are made of. */
const PLACES = [
	['二七区', 'erqi'],
	['中原区', 'zhongyuan'],
	['中牟县', 'zhongmou'],
	['荥阳市', 'xingyang'],
	['金水区', 'jinshui'],
	['管城区', 'guancheng'],
	['惠济区', 'huiji'],
	['上街区', 'shangjie'],
	['新郑市', 'xinzheng'],
	['登封市', 'dengfeng'],
	['新密市', 'xinmi'],
	['巩义市', 'gongyi'],
] as const;
const SLUG_TOPICS = ['louyuan-zhili', 'jiaqi-lvyou', 'zhengwu-fuwu', 'wangge-guanli', 'wenlv-huodong', 'shequ-fuwu'];

/** A kind of figure a generated dataset compares across places, and how the paper words it. */
interface MetricKind {
	metric: string;
	/** The dataset kind the metric belongs to. */
	kind: 'holiday-tourism' | 'governance';
	label: string;
	unit: string;
	notation: 'standard' | 'compact';
	fractionDigits: number;
	qualifier?: '余' | '近' | '约' | '超';
	value(random: Random): number;
	/** The sentence that prints the figure, which becomes its provenance. */
	sentence(place: string, printed: string): string;
}

const METRICS: MetricKind[] = [
	{
		metric: 'visitors',
		kind: 'holiday-tourism',
		label: '接待游客',
		unit: '人次',
		notation: 'compact',
		fractionDigits: 2,
		value: (random) => random.int(1_000, 20_000) * 100,
		sentence: (place, printed) => `假期期间，${place}共接待游客${printed}。`,
	},
	{
		metric: 'revenue',
		kind: 'holiday-tourism',
		label: '旅游收入',
		unit: '元',
		notation: 'compact',
		fractionDigits: 2,
		value: (random) => random.int(10_000, 900_000) * 100,
		sentence: (place, printed) => `${place}实现旅游收入${printed}。`,
	},
	{
		metric: 'activities',
		kind: 'holiday-tourism',
		label: '特色文旅活动',
		unit: '项',
		notation: 'standard',
		fractionDigits: 0,
		qualifier: '余',
		value: (random) => random.int(1, 9) * 10,
		sentence: (place, printed) => `${place}各景区联动推出${printed}特色文旅活动。`,
	},
	{
		metric: 'service-centres',
		kind: 'governance',
		label: '党群服务中心',
		unit: '个',
		notation: 'standard',
		fractionDigits: 0,
		value: (random) => random.int(12, 400),
		sentence: (place, printed) => `${place}建成村(社区)党群服务中心${printed}。`,
	},
	{
		metric: 'problems-solved',
		kind: 'governance',
		label: '解决基层问题',
		unit: '件',
		notation: 'standard',
		fractionDigits: 0,
		qualifier: '余',
		value: (random) => random.int(20, 300) * 100,
		sentence: (place, printed) => `${place}累计解决基层问题${printed}。`,
	},
	{
		metric: 'grids',
		kind: 'governance',
		label: '微网格',
		unit: '个',
		notation: 'standard',
		fractionDigits: 0,
		value: (random) => random.int(300, 9_000),
		sentence: (place, printed) => `${place}科学设置微网格${printed}。`,
	},
];

/** Options of `generateArchive`. */
export interface GenerateOptions {
	/** How many stories to write. */
	articles: number;
	/** The site root to write into; it is created if missing. */
	out: string;
	/** Seeds every random choice; the same seed and count give the same bytes. */
	seed?: number;
	/** Snippets for charts and bound figures; the project's `<Num>` and `<Chart>` by default. */
	components?: StoryComponents;
}

/** What was generated, for the bench runner; written to `bench-manifest.json` in the site root. */
export interface ArchiveManifest {
	articles: number;
	seed: number;
	editions: number;
	datasets: number;
	/** Story ids (`<date>/<slug>`), in print order. */
	articleIds: string[];
	/** Site paths of the stories' pages, as Broadsheet publishes them (`2015-01-01/03/slug/`). */
	articlePaths: string[];
	/** Stories with no dataset, in the middle, first and last quarter of the archive, which the runner edits one at a time to measure publishing a correction. */
	editTargets: string[];
	/** Characters of body text, over all stories. */
	bodyCharacters: number;
}

/** The name of the manifest file in the generated site root (outside content/ and data/). */
export const MANIFEST_FILE = 'bench-manifest.json';

function editionDate(index: number): string {
	return new Date(FIRST_EDITION + index * DAY).toISOString().slice(0, 10);
}

/** Before a story's figures, in the paragraph that prints them. */
const DATA_LEAD = '记者从有关部门获悉，';

/**
 * The figure-like numbers of a story's headline, kicker and summary that are not its own figures
 * (`printed`): the sample's figures, printed as text from sample stories that cite the sample's
 * datasets, which a generated story does not. They are listed under the story's `notFigures`, so
 * the content check reads every number and the archive validates.
 */
function sampleFiguresIn(texts: string[], printed: string[]): string[] {
	const pattern = figureNumberPattern();
	const found = texts.flatMap((text) => figureLikeNumbers(text, pattern).map((number) => number.text));
	return [...new Set(found.filter((text) => !printed.includes(text)))];
}

function yamlString(value: string): string {
	return JSON.stringify(value);
}

/** Draws paragraphs from the sample in shuffled rounds, so a story rarely repeats one. */
function paragraphSource(random: Random, sample: SampleText): () => string {
	let queue: string[] = [];
	return () => {
		if (queue.length === 0) queue = random.shuffle(sample.paragraphs);
		return queue.pop()!;
	};
}

interface GeneratedStory {
	id: string;
	path: string;
	mdx: string;
	bodyCharacters: number;
	dataset?: { id: string; json: unknown };
}

function generateStory(index: number, seed: number, sample: SampleText, components: StoryComponents): GeneratedStory {
	const random = createRandom(seedFrom(seed, 'story', index));
	const edition = Math.floor(index / STORIES_PER_EDITION);
	const page = Math.floor((index % STORIES_PER_EDITION) / STORIES_PER_PAGE) + 1;
	const position = (index % STORIES_PER_PAGE) + 1;
	const date = editionDate(edition);
	const slug = `${SLUG_TOPICS[index % SLUG_TOPICS.length]}-${page}${position}`;
	const id = `${date}/${slug}`;
	const nextParagraph = paragraphSource(random, sample);

	// One story in four carries figures from a dataset of its own, which a chart would draw.
	const withData = index % 4 === 1;
	let dataset: GeneratedStory['dataset'];
	let dataParagraph: string | undefined;
	/** Characters a reader sees in the data paragraph: its MDX holds component tags. */
	let dataCharacters = 0;
	let chart: ChartSnippet | undefined;
	let headline = random.pick(sample.headlines);
	/** The story's own figures, as printed. */
	let ownFigures: string[] = [];
	if (withData) {
		const metric = random.pick(METRICS);
		const holiday = random.pick(HOLIDAYS);
		const year = Number(date.slice(0, 4));
		const datasetId = `${metric.metric}-${date.replaceAll('-', '')}-${page}${position}`;
		const places = random.shuffle(PLACES).slice(0, random.int(3, 6));
		const figures = places.map(([place, placeId]) => {
			const printable: PrintableFigure = {
				value: metric.value(random),
				unit: metric.unit,
				qualifier: metric.qualifier,
				notation: metric.notation,
				fractionDigits: metric.fractionDigits,
				numerals: 'arabic',
			};
			const printed = formatFigure(printable);
			const figureId = `${placeId}-${metric.metric}`;
			return {
				figureId,
				printed,
				mdx: metric.sentence(place, components.figure({ dataset: datasetId, figure: figureId, printed })),
				json: {
					id: figureId,
					label: `${place}${metric.label}`,
					value: printable.value,
					unit: metric.unit,
					...(metric.qualifier ? { qualifier: metric.qualifier } : {}),
					...(metric.notation === 'compact' ? { notation: 'compact', fractionDigits: metric.fractionDigits } : {}),
					...(metric.kind === 'holiday-tourism' ? { place, metric: metric.metric } : {}),
					group: metric.metric,
					// The provenance sentence is the sentence as a reader sees it, which is what validation searches.
					source: { article: id, sentence: metric.sentence(place, printed) },
				},
			};
		});
		const title = metric.kind === 'holiday-tourism' ? `${year}年${holiday}假期各地${metric.label}` : `各区县${metric.label}`;
		dataParagraph = `${DATA_LEAD}${figures.map((figure) => figure.mdx).join('')}`;
		dataCharacters = `${DATA_LEAD}${figures.map((figure) => figure.json.source.sentence).join('')}`.length;
		// The first figure's sentence, as a reader sees it, begins with the paragraph's lead.
		figures[0].json.source.sentence = `${DATA_LEAD}${figures[0].json.source.sentence}`;
		chart = components.chart({
			dataset: datasetId,
			kind: metric.kind,
			figures: figures.map((figure) => figure.figureId),
			title,
			description: `${title}：${places.map(([place], index) => `${place}${figures[index].printed}`).join('，')}。`,
		});
		ownFigures = figures.map((figure) => figure.printed);
		headline = `${places[0][0]}等地${metric.label}数据发布 ${figures[0].printed}`;
		dataset = {
			id: datasetId,
			json: {
				kind: metric.kind,
				title,
				description: `${title}，均摘自本报报道（基准测试生成数据）。`,
				...(metric.kind === 'holiday-tourism' ? { holiday, year } : { region: '郑州市' }),
				figures: figures.map((figure) => figure.json),
				...(chart?.spec ? { charts: [chart.spec] } : {}),
			},
		};
	}

	const blocks: string[] = [];
	let characters = 0;
	const withHeadings = random.next() < 0.5;
	while (characters < TARGET_CHARACTERS) {
		if (withHeadings && blocks.length > 0 && blocks.length % 4 === 1) blocks.push(`## ${random.pick(sample.headings)}`);
		const paragraph = nextParagraph();
		blocks.push(paragraph);
		characters += paragraph.length;
		if (dataParagraph && blocks.length >= 2) {
			blocks.push(dataParagraph);
			characters += dataCharacters;
			if (chart) blocks.push(chart.mdx);
			dataParagraph = undefined;
		}
	}
	const summary = blocks[0].split('。')[0].slice(0, 150) + '。';
	// Drawn in the order the front matter lists them, as before the kicker was needed below.
	const column = random.next() < 0.3 ? random.pick(COLUMNS) : undefined;
	const kicker = random.next() < 0.3 ? random.pick(sample.decks) : undefined;
	const notFigures = sampleFiguresIn([headline, kicker ?? '', summary], ownFigures);
	const frontmatter = [
		'---',
		`edition: ${yamlString(date)}`,
		`page: ${page}`,
		`position: ${position}`,
		...(column === undefined ? [] : [`column: ${column}`]),
		...(kicker === undefined ? [] : [`kicker: ${yamlString(kicker)}`]),
		`headline: ${yamlString(headline)}`,
		'byline:',
		`  reporters: [${random.shuffle(REPORTERS).slice(0, random.int(1, 2)).join(', ')}]`,
		...(random.next() < 0.5 ? [`  correspondents: [${random.pick(CORRESPONDENTS)}]`] : []),
		...(random.next() < 0.5 ? ['dateline: 本报讯'] : []),
		`summary: ${yamlString(summary)}`,
		...(dataset ? [`datasets: [${dataset.id}]`] : []),
		...(notFigures.length > 0 ? [`notFigures: [${notFigures.map(yamlString).join(', ')}]`] : []),
		`publishedAt: "${date}T06:00:00+08:00"`,
		'---',
	];
	return {
		id,
		path: `${date}/${String(page).padStart(2, '0')}/${slug}/`,
		mdx: `${frontmatter.join('\n')}\n\n${blocks.join('\n\n')}\n`,
		bodyCharacters: characters,
		dataset,
	};
}

/** Writes a synthetic archive into `options.out` and returns its manifest. */
export async function generateArchive(options: GenerateOptions): Promise<ArchiveManifest> {
	const { articles, out, seed = 20240918, components = boundComponents } = options;
	if (!Number.isInteger(articles) || articles < 1) throw new RangeError(`invalid article count: ${articles}`);
	const sample = await readSampleText(join(projectRoot, 'content/2024-09-18'), join(projectRoot, 'data'));
	const editions = Math.ceil(articles / STORIES_PER_EDITION);
	await mkdir(join(out, 'data'), { recursive: true });
	await writeFile(
		join(out, 'site.config.json'),
		`${JSON.stringify(
			{
				...JSON.parse(await readFile(join(projectRoot, 'site.config.json'), 'utf8')),
				description: '示例日报数字报：基准测试用的合成往期，正文取自示例版面。',
			},
			null,
			2,
		)}\n`,
	);
	for (let edition = 0; edition < editions; edition++) {
		const date = editionDate(edition);
		await mkdir(join(out, 'content', date), { recursive: true });
		const json = {
			date,
			issue: 20_000 + edition,
			pages: PAGE_NAMES.map((name, index) => ({ number: index + 1, name })),
		};
		await writeFile(join(out, 'content', date, 'edition.json'), `${JSON.stringify(json, null, 2)}\n`);
	}
	const manifest: ArchiveManifest = {
		articles,
		seed,
		editions,
		datasets: 0,
		articleIds: [],
		articlePaths: [],
		editTargets: [],
		bodyCharacters: 0,
	};
	// Written in batches: thousands of small files at once would only queue in libuv's pool.
	const BATCH = 64;
	for (let start = 0; start < articles; start += BATCH) {
		const stories = Array.from({ length: Math.min(BATCH, articles - start) }, (_, offset) =>
			generateStory(start + offset, seed, sample, components),
		);
		await Promise.all(
			stories.flatMap((story) => [
				writeFile(join(out, 'content', `${story.id}.mdx`), story.mdx),
				...(story.dataset ? [writeFile(join(out, 'data', `${story.dataset.id}.json`), `${JSON.stringify(story.dataset.json, null, 2)}\n`)] : []),
			]),
		);
		for (const story of stories) {
			manifest.articleIds.push(story.id);
			manifest.articlePaths.push(story.path);
			manifest.bodyCharacters += story.bodyCharacters;
			if (story.dataset) manifest.datasets++;
		}
	}
	// The middle and quarter stories, or a neighbour when one has a dataset whose sentences must not move.
	manifest.editTargets = [2, 4, 4 / 3].map((part) => {
		const at = Math.floor(articles / part);
		return manifest.articleIds[at % 4 === 1 && at + 1 < articles ? at + 1 : at];
	});
	await writeFile(join(out, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
	return manifest;
}

/**
 * Changes one story's text the way a correction would (a sentence added to its last paragraph), so
 * the runner can time publishing one edited story again.
 */
export async function editOneArticle(root: string, articleId: string, note = '（本报编辑部更正补记）'): Promise<void> {
	const file = join(root, 'content', `${articleId}.mdx`);
	const source = await readFile(file, 'utf8');
	await writeFile(file, `${source.trimEnd()}${note}\n`);
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			articles: { type: 'string', default: '2000' },
			out: { type: 'string' },
			seed: { type: 'string' },
			components: { type: 'string' },
		},
	});
	const out = values.out ? resolve(values.out) : await mkdtemp(join(tmpdir(), 'broadsheet-archive-'));
	const started = performance.now();
	const manifest = await generateArchive({
		articles: Number(values.articles),
		out,
		seed: values.seed === undefined ? undefined : Number(values.seed),
		components: await loadStoryComponents(values.components),
	});
	console.log(
		`Generated ${manifest.articles} stories in ${manifest.editions} editions with ${manifest.datasets} datasets ` +
			`(${Math.round(manifest.bodyCharacters / manifest.articles)} characters a story on average) ` +
			`in ${((performance.now() - started) / 1000).toFixed(1)} s:\n${out}`,
	);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
