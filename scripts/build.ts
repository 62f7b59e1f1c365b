/**
 * `npm run build`: validates the content, builds the site into a staging folder next to the
 * output folder, and only when everything succeeded swaps it into place. A failed or killed build
 * leaves the last good site exactly as it was.
 *
 * Environment: BROADSHEET_ROOT (the site root, default: this folder), BROADSHEET_OUT_DIR (default:
 * dist), BROADSHEET_BASE and BROADSHEET_URL (override the configured base path and origin).
 */
import { build } from 'astro';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from './lib/build-lock.ts';
import { BuildLog, folderSize, formatSeconds, formatSize } from './lib/build-log.ts';
import { buildProgress } from '../src/integrations/build-progress.ts';
import { isDatasetPublished, publishedStories } from '../src/lib/publication.ts';
import { headlineCharacters, prepareHeadlineFont } from '../src/fonts/headline-font.ts';
import { indexForSearch } from '../src/search/index-for-search.ts';
import { broadsheetCacheDir, siteRoot } from '../src/lib/site-root.ts';
import { formatProblems } from '../src/validation/problem.ts';
import { validateSite } from '../src/validation/validate-site.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const startDir = process.cwd();
const outDir = resolve(process.env.BROADSHEET_OUT_DIR ?? 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

process.env.ASTRO_TELEMETRY_DISABLED = '1';

/**
 * Validates, builds and publishes, all under the project's build lock: a second build started
 * meanwhile would otherwise clear this one's staging folder, or restore an old site during the swap.
 */
function main(): Promise<number> {
	return withBuildLock(projectRoot, publish);
}

async function publish(): Promise<number> {
	// A build killed between the two renames below left the last good site in `previous`.
	if (!existsSync(outDir) && existsSync(previous)) await rename(previous, outDir);
	await rm(staging, { recursive: true, force: true });
	await rm(previous, { recursive: true, force: true });

	const started = performance.now();
	const log = new BuildLog();
	const site = await validateSite(siteRoot);
	if (site.problems.length > 0) {
		console.error(formatProblems(site.problems));
		console.error(`\nThe build stopped before writing anything; ${relativeOut()} is unchanged.`);
		return 1;
	}
	const published = publishedContent(site);
	log.phase(`Content checked: ${count(site.editions.size, 'edition')}, ${count(site.articles.size, 'story', 'stories')}${
		published.drafts > 0 ? ` (${count(published.drafts, 'draft')}, not published)` : ''
	}, ${count(site.datasets.size, 'dataset')}, ${count(published.allCharts, 'chart')}`);
	if (site.warnings.length > 0) log.note(`${count(site.warnings.length, 'warning')}, which do not stop the build: npm run check lists them`);
	const font = await prepareHeadlineFont(headlineCharacters(site));
	log.phase(`Headline font subset: ${font.characters.length} characters`);

	let pages = 0;
	try {
		await build({
			root: projectRoot,
			outDir: staging,
			// Astro's own log is a line per file; at "warn" only what needs attention gets through, and
			// the phase lines below say the rest.
			logLevel: process.env.BROADSHEET_LOG_LEVEL === 'debug' ? 'debug' : 'warn',
			integrations: [
				buildProgress({
					bundled: () => log.phase('Bundled'),
					rendered: (done, total) => log.progress(done, total),
					generated: (rendered, total) => {
						const copied = total - rendered;
						log.phase(`Rendered ${count(rendered, 'file')}${copied > 0 ? `; ${copied} unchanged since the last build copied from its cache` : ''}`);
					},
					finished: (built) => {
						pages = built.length;
						log.phase('Images and sitemaps');
					},
				}),
			],
		});
	} catch (error) {
		await rm(staging, { recursive: true, force: true });
		console.error(`\nThe build failed: ${(error as Error).message}`);
		console.error(`${relativeOut()} is unchanged.`);
		return 1;
	}

	let size = 0;
	try {
		const search = await indexForSearch(staging, broadsheetCacheDir);
		log.phase(`Search index: ${count(search.pages, 'page')}`);
		size = await folderSize(staging);
	} catch (error) {
		await rm(staging, { recursive: true, force: true });
		console.error(`\nThe search index could not be built: ${(error as Error).message}`);
		console.error(`${relativeOut()} is unchanged.`);
		return 1;
	}

	if (existsSync(outDir)) await rename(outDir, previous);
	await rename(staging, outDir);
	await rm(previous, { recursive: true, force: true });
	console.log(
		`Built ${relativeOut()} in ${formatSeconds(performance.now() - started)}: ${count(pages, 'page')}, ${count(published.stories, 'story', 'stories')}, ` +
			`${count(published.datasets, 'dataset')}, ${count(published.charts, 'chart')}, ${formatSize(size)}.`,
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
