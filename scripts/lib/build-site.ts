import { build } from 'astro';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from './build-lock.ts';
import { BuildLog, formatSeconds, formatSize } from './build-log.ts';
import { finishInterruptedPublish, publishSite } from './publish.ts';
import { WorkFolder } from './work-folder.ts';
import type { FileStamp } from '../../src/lib/list-files.ts';
import { buildProgress } from '../../src/integrations/build-progress.ts';
import { headlineCharacters, prepareHeadlineFont } from '../../src/fonts/headline-font.ts';
import { isDatasetPublished, publishedStories } from '../../src/lib/publication.ts';
import { indexForSearch } from '../../src/search/index-for-search.ts';
import { astroCacheDir, broadsheetCacheDir, siteRoot } from '../../src/lib/site-root.ts';
import { formatProblems, type Problem } from '../../src/validation/problem.ts';
import { validateSite, type ValidatedSite } from '../../src/validation/validate-site.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const startDir = process.cwd();
const outDir = resolve(process.env.BROADSHEET_OUT_DIR ?? 'dist');

process.env.ASTRO_TELEMETRY_DISABLED = '1';

/**
 * Validates, builds and publishes, all under the project's build lock: a second build started
 * meanwhile would otherwise write the same work folder, or publish an old site over this one.
 * Returns the exit code.
 */
export function buildSite(): Promise<number> {
	return withBuildLock(projectRoot, validateBuildPublish);
}

async function validateBuildPublish(): Promise<number> {
	const work = new WorkFolder(astroCacheDir, broadsheetCacheDir);
	finishInterruptedPublish(work.path, outDir, broadsheetCacheDir);

	const started = performance.now();
	const log = new BuildLog();
	const content = summarizeContent(await validateSite(siteRoot));
	if (content.problems.length > 0) {
		console.error(formatProblems(content.problems));
		console.error(`\nThe build stopped before writing anything; ${relativeOut()} is unchanged.`);
		return 1;
	}
	const drafts = content.stories - content.published.stories;
	log.phase(`Content checked: ${count(content.editions, 'edition')}, ${count(content.stories, 'story', 'stories')}${
		drafts > 0 ? ` (${count(drafts, 'draft')}, not published)` : ''
	}, ${count(content.datasets, 'dataset')}, ${count(content.charts, 'chart')}`);
	if (content.warnings > 0) log.note(`${count(content.warnings, 'warning')}, which do not stop the build: npm run check lists them`);
	const font = await prepareHeadlineFont(content.headlineCharacters);
	log.phase(`Headline font subset: ${font.characters.length} characters`);

	let pages = 0;
	let routeFiles: string[] = [];
	let files: Map<string, FileStamp>;
	work.prepare();
	try {
		await build({
			root: projectRoot,
			outDir: work.path,
			// The work folder holds the last build's pages, which Astro keeps when they are unchanged.
			vite: { build: { emptyOutDir: false } },
			// Astro's own log is a line per file; at "warn" only what needs attention gets through, and
			// the phase lines below say the rest.
			logLevel: process.env.BROADSHEET_LOG_LEVEL === 'debug' ? 'debug' : 'warn',
			integrations: [
				buildProgress({
					bundled: () => log.phase('Bundled'),
					rendered: (done, total) => log.progress(done, total),
					generated: (rendered, total) => {
						const kept = total - rendered;
						log.phase(`Rendered ${count(rendered, 'file')}${kept > 0 ? `; ${kept} unchanged since the last build` : ''}`);
					},
					finished: (built, files) => {
						pages = built.length;
						routeFiles = files.map((file) => relative(work.path, fileURLToPath(file)).split(sep).join('/'));
						log.phase('Images and sitemaps');
					},
				}),
			],
		});
		const collected = work.collect(routeFiles);
		const search = await indexForSearch(work.path, broadsheetCacheDir, collected);
		log.phase(`Search index: ${count(search.pages, 'page')}`);
		files = work.finish(routeFiles, collected);
	} catch (error) {
		// The work folder is left as it is: the next build starts by removing what this one wrote.
		console.error(`\nThe build failed: ${(error as Error).message}`);
		console.error(`${relativeOut()} is unchanged.`);
		return 1;
	}

	const published = publishSite(work.path, files, outDir, broadsheetCacheDir);
	log.phase(`Published: ${count(published.copied, 'file')} copied${published.removed > 0 ? `, ${published.removed} removed` : ''}`);
	console.log(
		`Built ${relativeOut()} in ${formatSeconds(performance.now() - started)}: ${count(pages, 'page')}, ${count(content.published.stories, 'story', 'stories')}, ` +
			`${count(content.published.datasets, 'dataset')}, ${count(content.published.charts, 'chart')}, ${formatSize(published.bytes)}.`,
	);
	return 0;
}

/** `1 story`, `4 stories`. */
function count(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** What a build needs to know of the content once it is checked. */
export interface CheckedContent {
	problems: Problem[];
	warnings: number;
	/** The characters the headline font must hold. */
	headlineCharacters: string;
	editions: number;
	stories: number;
	datasets: number;
	charts: number;
	/** What readers will see: drafts, and datasets made only for drafts, are left out. */
	published: { stories: number; datasets: number; charts: number };
}

/** Sums up a validated site for the build. */
export function summarizeContent(site: ValidatedSite): CheckedContent {
	const stories = [...site.articles].filter(([, article]) => !article.data.draft).map(([id, article]) => ({ id, datasets: article.data.datasets }));
	const published = publishedStories(stories);
	const datasets = [...site.datasets].filter(([id, dataset]) => isDatasetPublished(id, dataset.data.figures, published));
	const charts = (list: Iterable<{ data: { charts: unknown[] } }>) => [...list].reduce((sum, dataset) => sum + dataset.data.charts.length, 0);
	return {
		problems: site.problems,
		warnings: site.warnings.length,
		headlineCharacters: site.problems.length > 0 ? '' : headlineCharacters(site),
		editions: site.editions.size,
		stories: site.articles.size,
		datasets: site.datasets.size,
		charts: charts(site.datasets.values()),
		published: { stories: stories.length, datasets: datasets.length, charts: charts(datasets.map(([, dataset]) => dataset)) },
	};
}

function relativeOut(): string {
	return outDir.startsWith(startDir) ? outDir.slice(startDir.length + 1) || '.' : outDir;
}

