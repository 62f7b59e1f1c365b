import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withBuildLock } from './build-lock.ts';
import { BuildLog, formatSeconds, formatSize } from './build-log.ts';
import { checkContentInWorker, type CheckedContent } from './check-content.ts';
import { finishInterruptedPublish, publishSite } from './publish.ts';
import { readAhead } from './read-ahead.ts';
import { WorkFolder } from './work-folder.ts';
import type { FileStamp } from '../core/list-files.ts';
import { cacheRoot, pruneCaches, startCacheUse } from '../cache/registry.ts';
import { buildProgress } from './build-progress.ts';
import { prepareHeadlineFont } from '../fonts/headline-font.ts';
import { indexForSearch } from '../search/index-for-search.ts';
import { astroCacheDir, broadsheetCacheDir } from '../config/site-root.ts';
import { formatProblems } from '../core/problem.ts';

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
	// Every cache entry this build asks for is marked; the others are pruned once it has published.
	startCacheUse();

	const started = performance.now();
	const log = new BuildLog();
	readAhead(work.path);
	// The content is checked on the other core while Astro loads its config and its content store
	// (three seconds at 10,000 stories). Astro waits for the check before it bundles the site, whose
	// stylesheet holds the headline font made from the checked content.
	const checked = checkContentInWorker().then(async (content) => {
		if (content.problems.length > 0) return content;
		const drafts = content.stories - content.published.stories;
		log.phase(`Content checked: ${count(content.editions, 'edition')}, ${count(content.stories, 'story', 'stories')}${
			drafts > 0 ? ` (${count(drafts, 'draft')}, not published)` : ''
		}, ${count(content.datasets, 'dataset')}, ${count(content.charts, 'chart')}`);
		if (content.warnings > 0) log.note(`${count(content.warnings, 'warning')}, which do not stop the build: npm run check lists them`);
		const font = await prepareHeadlineFont(content.headlineCharacters);
		log.phase(`Headline font subset: ${font.characters.length} characters`);
		return content;
	});
	const { build } = await import('astro');

	let pages = 0;
	let routeFiles: string[] = [];
	let files: Map<string, FileStamp>;
	let content: CheckedContent;
	// Astro, left waiting before it bundles invalid content: from then on it does nothing.
	let parked!: () => void;
	const astroParked = new Promise<void>((resolve) => (parked = resolve));
	work.prepare();
	try {
		const building = build({
			root: projectRoot,
			outDir: work.path,
			// The work folder holds the last build's pages, which Astro keeps when they are unchanged.
			vite: { build: { emptyOutDir: false } },
			// Astro's own log is a line per file; at "warn" only what needs attention gets through, and
			// the phase lines below say the rest.
			logLevel: process.env.BROADSHEET_LOG_LEVEL === 'debug' ? 'debug' : 'warn',
			integrations: [
				buildProgress({
					// Invalid content is never bundled: Astro is left waiting here, and the build ends below.
					beforeBundle: async () => {
						if ((await checked).problems.length > 0) {
							parked();
							await new Promise<never>(() => {});
						}
					},
					bundled: () => log.phase('Bundled'),
					rendered: (done, total) => log.progress(done, total),
					generated: (rendered, total) => {
						const kept = total - rendered;
						log.phase(`Rendered ${count(rendered, 'file')}${kept > 0 ? `; ${kept} unchanged since the last build` : ''}`);
					},
					finished: (built, files) => {
						pages = built.length;
						// Every file is in the work folder: its name is the rest of its URL.
						const folder = pathToFileURL(`${work.path}/`).href;
						routeFiles = files.map((file) => {
							if (!file.href.startsWith(folder)) throw new Error(`Astro wrote ${file.href} outside the work folder ${folder}`);
							return decodeURIComponent(file.href.slice(folder.length));
						});
						log.phase('Images and sitemaps');
					},
				}),
			],
		});
		// Awaited once the content is known to be valid; this only keeps Astro's failure on invalid
		// content, which the problems below explain better, from counting as unhandled.
		building.catch(() => undefined);
		content = await checked;
		if (content.problems.length > 0) {
			console.error(formatProblems(content.problems));
			console.error(`\nThe build stopped before publishing anything; ${relativeOut()} is unchanged.`);
			// Exiting while Astro is still loading (its bundler's native threads at work) hung the
			// process at exit about once in a hundred invalid builds, after this message: exit only
			// once Astro is left waiting before it bundles, or has failed on its own.
			await Promise.race([astroParked, building.catch(() => undefined)]);
			return 1;
		}
		await building;
		const collected = work.collect(routeFiles);
		const search = await indexForSearch(work.path, cacheRoot(), collected);
		log.phase(`Search index: ${count(search.pages, 'page')}`);
		files = work.finish(routeFiles, collected);
	} catch (error) {
		// The work folder is left as it is: the next build starts by removing what this one wrote.
		console.error(`\nThe build failed: ${(error as Error).message}`);
		console.error(`${relativeOut()} is unchanged.`);
		return 1;
	}

	const published = publishSite(work.path, files, outDir, broadsheetCacheDir);
	pruneCaches();
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

function relativeOut(): string {
	return outDir.startsWith(startDir) ? outDir.slice(startDir.length + 1) || '.' : outDir;
}

