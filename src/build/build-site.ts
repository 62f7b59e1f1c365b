import { registerHooks } from 'node:module';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { withBuildLock } from './build-lock.ts';
import { BuildLog, formatSeconds, formatSize, type LogStream } from './build-log.ts';
import { checkContentInWorker, type CheckedContent } from './check-content.ts';
import { currentBuildRun, setCurrentBuildRun } from './current-run.ts';
import { finishInterruptedPublish, publishSite } from './publish.ts';
import { readAhead } from './read-ahead.ts';
import { WorkFolder } from './work-folder.ts';
import type { FileStamp } from '../core/list-files.ts';
import { configureCaches, pruneCaches, startCacheUse } from '../cache/registry.ts';
import { prepareHeadlineFont } from '../fonts/headline-font.ts';
import { indexForSearch } from '../search/index-for-search.ts';
import { siteFolders } from '../config/site-root.ts';
import { holdLoadFailures, stopLoading, takeHeldFailures } from '../loaders/held-failures.ts';
import { formatProblems } from '../core/problem.ts';

/**
 * What a build is given rather than reads for itself: where the site is, where it goes, where its
 * caches live, the clock its phase times come from and where its log goes.
 */
export interface BuildEffects {
	/** The Broadsheet project folder: Astro's root, where the build lock is taken. */
	projectRoot: string;
	/** The folder holding `site.config.json`, `content/` and `data/`. */
	siteRoot: string;
	/** Where the site is published. */
	outDir: string;
	/** Astro's cache folder: Broadsheet's caches are in its `broadsheet/`, the work folder in its `dist/`. */
	cacheDir: string;
	/** The time in milliseconds, for the phase times. */
	clock: () => number;
	/** The phase lines and the summary. */
	stdout: LogStream;
	/** The problems and failures. */
	stderr: LogStream;
	/** The folder the output folder is named relative to in messages. */
	cwd: string;
}

/**
 * The effects of a command run in `cwd` (the project folder) with the environment `env`:
 * BROADSHEET_ROOT names the site root, BROADSHEET_OUT_DIR the output folder (`outDir` otherwise,
 * `dist` by default); the caches are where src/config/site-root.ts puts them.
 */
export function effectsFromEnvironment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), outDir = 'dist'): BuildEffects {
	const folders = siteFolders(env, cwd);
	return {
		projectRoot: folders.projectRoot,
		siteRoot: folders.siteRoot,
		outDir: resolve(cwd, env.BROADSHEET_OUT_DIR ?? outDir),
		cacheDir: folders.astroCacheDir,
		clock: () => performance.now(),
		stdout: process.stdout,
		stderr: process.stderr,
		cwd,
	};
}

/** Thrown from Astro's build once invalid content is reported: Astro stops before it bundles anything. */
export class ContentProblemsError extends Error {
	readonly problems: number;

	constructor(problems: number) {
		super(`the content has ${problems === 1 ? '1 problem' : `${problems} problems`}`);
		this.name = 'ContentProblemsError';
		this.problems = problems;
	}
}

/**
 * One run of the pipeline, which the broadsheet() integration (src/build/broadsheet.ts)
 * drives from Astro's hooks: the content is checked while Astro loads, Astro builds into the work
 * folder (src/build/work-folder.ts) only once the content is valid, and the search index is
 * written and the site published (src/build/publish.ts) once Astro is done. A failed or killed
 * build leaves the last good site exactly as it was.
 */
export class BuildRun {
	readonly effects: BuildEffects;
	readonly work: WorkFolder;
	readonly #log: BuildLog;
	#started = 0;
	#checked: Promise<CheckedContent> | undefined;
	#pages = 0;
	#routeFiles: string[] = [];
	/** Set once the content's problems are printed: the build is over, and nothing more is said. */
	reported = false;
	#invalid = false;

	constructor(effects: BuildEffects) {
		this.effects = effects;
		this.work = new WorkFolder(effects.cacheDir, this.#cacheDir);
		this.#log = new BuildLog(effects.stdout, effects.clock);
	}

	get #cacheDir(): string {
		return resolve(this.effects.cacheDir, 'broadsheet');
	}

	/**
	 * Before Astro loads anything: finishes a publish a killed build left, and starts checking the
	 * content on the other core (three seconds at 10,000 stories) while Astro loads its config and
	 * content store. Astro waits for the check before it bundles the site, whose stylesheet holds the
	 * headline font made from the checked content.
	 */
	start(): void {
		if (this.#checked) return;
		const { effects } = this;
		finishInterruptedPublish(this.work.path, effects.outDir, this.#cacheDir);
		// Every cache store of this build lives under its cache folder; every entry the build asks
		// for is marked, and the others are pruned once it has published.
		configureCaches({ root: this.#cacheDir, projectRoot: effects.projectRoot });
		startCacheUse();
		this.#started = effects.clock();
		// Until Astro has loaded the content, the loaders hold what they cannot load (held-failures.ts).
		holdLoadFailures();
		this.#log.start();
		readAhead(this.work.path);
		this.#checked = checkContentInWorker(effects.siteRoot).then(async (content) => {
			if (content.problems.length > 0) {
				this.#invalid = true;
				stopLoading();
				return content;
			}
			const drafts = content.stories - content.published.stories;
			this.#log.phase(`Content checked: ${count(content.editions, 'edition')}, ${count(content.stories, 'story', 'stories')}${
				drafts > 0 ? ` (${count(drafts, 'draft')}, not published)` : ''
			}, ${count(content.datasets, 'dataset')}, ${count(content.charts, 'chart')}`);
			if (content.warnings > 0) this.#log.note(`${count(content.warnings, 'warning')}, which do not stop the build: npm run check lists them`);
			const font = await prepareHeadlineFont(content.headlineCharacters);
			this.#log.phase(`Headline font subset: ${font.characters.length} characters`);
			return content;
		});
		// Awaited by `checkedContent`; this only keeps a failure before then from counting as unhandled.
		this.#checked.catch(() => undefined);
		this.work.prepare();
	}

	/**
	 * The checked content, once valid. Invalid content is reported (every problem, and that the
	 * output folder is unchanged) and ends the run with a {@link ContentProblemsError}.
	 */
	async checkedContent(): Promise<CheckedContent> {
		this.start();
		const content = await this.#checked!;
		if (content.problems.length > 0) {
			if (!this.reported) {
				this.reported = true;
				this.effects.stderr.write(`${formatProblems(content.problems)}\n`);
				this.effects.stderr.write(`\nThe build stopped before publishing anything; ${this.#relativeOut()} is unchanged.\n`);
			}
			throw new ContentProblemsError(content.problems.length);
		}
		return content;
	}

	/** True once the check has found problems, which it may do before Astro loads the content (see the integration's `astro:config:done`). */
	get invalid(): boolean {
		return this.#invalid;
	}

	/**
	 * Before Astro bundles: the content is valid, and the loaders loaded every file. A file the check
	 * passed but a loader could not load (which the check should have caught) stops the build here
	 * with the loader's error.
	 */
	async loadedContent(): Promise<void> {
		await this.checkedContent();
		const [failure] = takeHeldFailures();
		if (failure !== undefined) throw failure;
	}

	bundled(): void {
		this.#log.phase('Bundled');
	}

	rendered(done: number, total: number): void {
		this.#log.progress(done, total);
	}

	/** `rendered` of `total` files were rendered, the rest kept from the last build. */
	generated(rendered: number, total: number): void {
		const kept = total - rendered;
		this.#log.phase(`Rendered ${count(rendered, 'file')}${kept > 0 ? `; ${kept} unchanged since the last build` : ''}`);
	}

	/** Astro is done: `pages` are the HTML pages it made, `files` every file its routes made (pages, feeds, downloads, cards). */
	finished(pages: string[], files: URL[]): void {
		this.#pages = pages.length;
		// Every file is in the work folder: its name is the rest of its URL.
		const folder = pathToFileURL(`${this.work.path}/`).href;
		this.#routeFiles = files.map((file) => {
			if (!file.href.startsWith(folder)) throw new Error(`Astro wrote ${file.href} outside the work folder ${folder}`);
			return decodeURIComponent(file.href.slice(folder.length));
		});
		this.#log.phase('Images and sitemaps');
	}

	/** After Astro and every other integration (the sitemaps): the search index, then the publish. */
	async publish(): Promise<void> {
		const content = await this.checkedContent();
		const collected = this.work.collect(this.#routeFiles);
		const search = await indexForSearch(this.work.path, this.#cacheDir, collected);
		this.#log.phase(`Search index: ${count(search.pages, 'page')}, ${search.indexed} indexed`);
		const files: Map<string, FileStamp> = this.work.finish(this.#routeFiles, collected);
		const published = publishSite(this.work.path, files, this.effects.outDir, this.#cacheDir);
		pruneCaches();
		this.#log.phase(`Published: ${count(published.copied, 'file')} copied${published.removed > 0 ? `, ${published.removed} removed` : ''}`);
		this.effects.stdout.write(
			`Built ${this.#relativeOut()} in ${formatSeconds(this.effects.clock() - this.#started)}: ${count(this.#pages, 'page')}, ${count(content.published.stories, 'story', 'stories')}, ` +
				`${count(content.published.datasets, 'dataset')}, ${count(content.published.charts, 'chart')}, ${formatSize(published.bytes)}.\n`,
		);
	}

	/**
	 * After Astro failed: when the content has problems (Astro may trip over them on its own while it
	 * loads the content), they are what is reported; otherwise Astro's error. The work folder is left
	 * as it is: the next build starts by removing what this one wrote.
	 */
	async failed(error: unknown): Promise<void> {
		takeHeldFailures();
		if (!this.reported) await this.checkedContent().catch(() => undefined);
		if (this.reported) return;
		this.effects.stderr.write(`\nThe build failed: ${error instanceof Error ? error.message : String(error)}\n`);
		this.effects.stderr.write(`${this.#relativeOut()} is unchanged.\n`);
	}

	#relativeOut(): string {
		const { outDir, cwd } = this.effects;
		return outDir.startsWith(cwd) ? outDir.slice(cwd.length + 1) || '.' : outDir;
	}
}

/** How many builds this process has run; each one's bundle is loaded as its own modules. */
const BUILDS = Symbol.for('broadsheet.builds');

/**
 * Makes the next build load Astro's bundle (its `.prerender/` chunks) as new modules. A chunk
 * whose code is unchanged keeps its file name from one build to the next, and Node would hand a
 * second build in the same process the modules the first one loaded, with what they read and
 * remember (the site's config, the edition index, the social cards drawn ahead). Adding the
 * build's number to their addresses gives each build its own. The file names, which Astro's
 * incremental build compares, are unchanged.
 */
function loadBundleAfresh(): void {
	const slot = globalThis as Record<symbol, number | undefined>;
	if (slot[BUILDS] === undefined) {
		registerHooks({
			resolve(specifier, context, nextResolve) {
				const resolved = nextResolve(specifier, context);
				return resolved.url.startsWith('file:') && resolved.url.includes('/.prerender/') && !resolved.url.includes('?')
					? { ...resolved, url: `${resolved.url}?build=${slot[BUILDS]}` }
					: resolved;
			},
		});
	}
	slot[BUILDS] = (slot[BUILDS] ?? 0) + 1;
}

/**
 * Runs the whole pipeline in this process: Astro's `build()`, whose broadsheet() integration
 * (astro.config.mjs) checks, builds, indexes and publishes, all under the project's build lock (a
 * second build started meanwhile would otherwise write the same work folder, or publish an old
 * site over this one). Returns the exit code; the problems and failures are already printed.
 */
export function buildSite(effects: BuildEffects = effectsFromEnvironment()): Promise<number> {
	return withBuildLock(effects.projectRoot, async () => {
		const run = new BuildRun(effects);
		setCurrentBuildRun(run);
		try {
			run.start();
			loadBundleAfresh();
			process.env.ASTRO_TELEMETRY_DISABLED = '1';
			const { build } = await import('astro');
			await build({
				root: effects.projectRoot,
				// Astro's own log is a line per file; at "warn" only what needs attention gets through, and
				// the phase lines say the rest.
				logLevel: process.env.BROADSHEET_LOG_LEVEL === 'debug' ? 'debug' : 'warn',
			});
			return 0;
		} catch (error) {
			await run.failed(error);
			// Astro saves its content store half a second after the last change to it
			// (SAVE_DEBOUNCE_MS in astro/dist/content/mutable-data-store.js) and waits for that save at
			// the end of its content sync; a sync that stopped part-way leaves the save pending. Were
			// this process's next build to start before it, the failed build's store would be written
			// over the one the next build loaded, and its pages rendered from content that is no longer
			// there. Invalid content stops the build before any loader runs, and Broadsheet's loaders
			// never stop the sync (held-failures.ts: what they cannot load stops the build once the sync,
			// and its save, are over); after any other failure, which may come from Astro's sync itself,
			// the lock is held until a pending save is done.
			if (!stoppedForContentProblems(error)) await sleep(ASTRO_STORE_SAVE_MS);
			return 1;
		} finally {
			if (currentBuildRun() === run) setCurrentBuildRun(undefined);
		}
	});
}

/**
 * Whether Astro stopped for the content check's problems: at an integration hook, or (wrapped by
 * Astro as the cause of its own error) while it compiled the content config (broadsheet.ts,
 * `stopOnceInvalid`); either way before any loader ran.
 */
function stoppedForContentProblems(error: unknown): boolean {
	for (let cause = error; cause instanceof Error; cause = cause.cause) if (cause.name === 'ContentProblemsError') return true;
	return false;
}

/** Astro's delay before it saves a changed content store (500 ms), and a margin. */
const ASTRO_STORE_SAVE_MS = 600;

/** `1 story`, `4 stories`. */
function count(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
