/**
 * `npm run build`: validates the content, builds the site into a work folder kept between builds
 * (scripts/lib/work-folder.ts), and only when everything succeeded publishes it to the output
 * folder, copying what changed (scripts/lib/publish.ts). A failed or killed build leaves the last
 * good site exactly as it was.
 *
 * Environment: BROADSHEET_ROOT (the site root, default: this folder), BROADSHEET_OUT_DIR (default:
 * dist), BROADSHEET_BASE and BROADSHEET_URL (override the configured base path and origin).
 */
import { build } from 'astro';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from './lib/build-lock.ts';
import { BuildLog, formatSeconds, formatSize } from './lib/build-log.ts';
import { finishInterruptedPublish, publishSite } from './lib/publish.ts';
import { WorkFolder } from './lib/work-folder.ts';
import { buildProgress } from '../src/integrations/build-progress.ts';
import { isDatasetPublished, publishedStories } from '../src/lib/publication.ts';
import { headlineCharacters, prepareHeadlineFont } from '../src/fonts/headline-font.ts';
import { indexForSearch } from '../src/search/index-for-search.ts';
import { astroCacheDir, broadsheetCacheDir, siteRoot } from '../src/lib/site-root.ts';
import { formatProblems } from '../src/validation/problem.ts';
import { validateSite } from '../src/validation/validate-site.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const startDir = process.cwd();
const outDir = resolve(process.env.BROADSHEET_OUT_DIR ?? 'dist');

process.env.ASTRO_TELEMETRY_DISABLED = '1';

/**
 * Validates, builds and publishes, all under the project's build lock: a second build started
 * meanwhile would otherwise write the same work folder, or publish an old site over this one.
 */
function main(): Promise<number> {
	return withBuildLock(projectRoot, publish);
}

async function publish(): Promise<number> {
	const work = new WorkFolder(astroCacheDir, broadsheetCacheDir);
	finishInterruptedPublish(work.path, outDir, broadsheetCacheDir);

	const started = performance.now();
	const log = new BuildLog();
	const site = await validateSite(siteRoot);
	if (site.problems.length > 0) {
		console.error(formatProblems(site.problems));
		console.error(`\nThe build stopped before writing anything; ${relativeOut()} is unchanged.`);
		return 1;
	}
	const content = publishedContent(site);
	log.phase(`Content checked: ${count(site.editions.size, 'edition')}, ${count(site.articles.size, 'story', 'stories')}${
		content.drafts > 0 ? ` (${count(content.drafts, 'draft')}, not published)` : ''
	}, ${count(site.datasets.size, 'dataset')}, ${count(content.allCharts, 'chart')}`);
	if (site.warnings.length > 0) log.note(`${count(site.warnings.length, 'warning')}, which do not stop the build: npm run check lists them`);
	const font = await prepareHeadlineFont(headlineCharacters(site));
	log.phase(`Headline font subset: ${font.characters.length} characters`);

	let pages = 0;
	let routeFiles: string[] = [];
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
		const search = await indexForSearch(work.path, broadsheetCacheDir);
		log.phase(`Search index: ${count(search.pages, 'page')}`);
	} catch (error) {
		// The work folder is left as it is: the next build starts by removing what this one wrote.
		console.error(`\nThe build failed: ${(error as Error).message}`);
		console.error(`${relativeOut()} is unchanged.`);
		return 1;
	}

	const published = publishSite(work.path, work.finish(routeFiles), outDir, broadsheetCacheDir);
	log.phase(`Published: ${count(published.copied, 'file')} copied${published.removed > 0 ? `, ${published.removed} removed` : ''}`);
	console.log(
		`Built ${relativeOut()} in ${formatSeconds(performance.now() - started)}: ${count(pages, 'page')}, ${count(content.stories, 'story', 'stories')}, ` +
			`${count(content.datasets, 'dataset')}, ${count(content.charts, 'chart')}, ${formatSize(published.bytes)}.`,
	);
	return 0;
}

/** `1 story`, `4 stories`. */
function count(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** What readers will see: drafts, and datasets made only for drafts, are left out. */
function publishedContent(site: Awaited<ReturnType<typeof validateSite>>): { stories: number; drafts: number; datasets: number; charts: number; allCharts: number } {
	const stories = [...site.articles].filter(([, article]) => !article.data.draft).map(([id, article]) => ({ id, datasets: article.data.datasets }));
	const published = publishedStories(stories);
	const datasets = [...site.datasets].filter(([id, dataset]) => isDatasetPublished(id, dataset.data.figures, published));
	return {
		stories: stories.length,
		drafts: site.articles.size - stories.length,
		datasets: datasets.length,
		charts: datasets.reduce((sum, [, dataset]) => sum + dataset.data.charts.length, 0),
		allCharts: [...site.datasets.values()].reduce((sum, dataset) => sum + dataset.data.charts.length, 0),
	};
}

function relativeOut(): string {
	return outDir.startsWith(startDir) ? outDir.slice(startDir.length + 1) || '.' : outDir;
}

process.exitCode = await main();
