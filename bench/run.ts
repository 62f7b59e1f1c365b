/**
 * `npm run bench -- --articles N`: generates a synthetic archive of N stories and builds it, with a
 * copy of the project's code (project-copy.ts): with Broadsheet cold (empty caches, no output
 * folder) and warm (a fresh output folder with the caches of the cold build, as CI builds a fresh
 * checkout with its cache restored); three times more, each after editing one story (output and
 * caches kept, as the newsroom republishes a correction); once after a change to the story
 * layout's markup and the stylesheet (caches kept); then a plain Astro + MDX baseline over the
 * same files; and once more after editing a story, now that the baseline has pushed the archive
 * out of the operating system's cache. Prints wall time, pages per second, peak memory, where each
 * Broadsheet build's time goes, and bytes per story page, and ends with
 *
 *   bench articles=N cold_pages_per_s=X baseline_pages_per_s=Y cold_ratio=X/Y warm_ratio=W/Y template_change_s=T rebuild_one_s=R peak_rss_mb=Z
 *
 * where `rebuild_one_s` is the median of the three corrections after the warm build and the peak
 * RSS the largest of all Broadsheet builds; a line `rebuild_after_baseline_s=W` gives the
 * correction after the baseline.
 *
 * Pages are the HTML files a build writes (Broadsheet writes edition, 版面, dataset and archive
 * pages besides the stories; the baseline writes the stories and one index); story pages per
 * second are printed too. Memory: see measure.ts. Timings on a shared machine are noisy: compare
 * only with the baseline of the same run.
 *
 * Options: --articles N (2000), --seed S, --components bound|plain|module.ts (story-components.ts),
 * --work DIR (default: a new temporary folder, removed afterwards unless --keep), --keep,
 * --skip-baseline, --skip-rebuild, --env KEY=VALUE (repeatable; passed to the Broadsheet builds).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { folderSize, formatSize } from '../src/build/build-log.ts';
import { listPages } from '../src/tools/built-site.ts';
import { formatMeanWeight, meanWeight, weighPages, type MeanWeight } from '../src/tools/page-weight.ts';
import { writeBaselineSite } from './baseline-site.ts';
import { formatPhaseTable, parseBuildPhases, type BuildPhases } from './build-phases.ts';
import { editOneArticle, generateArchive } from './generate.ts';
import { buildEnvironment, measureCommand, type Measurement } from './measure.ts';
import { changeStoryTemplate, copyProject, TEMPLATE_MARK } from './project-copy.ts';
import { loadStoryComponents } from './story-components.ts';

/** The Broadsheet checkout being measured: the one this script belongs to. */
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const MB = 1024 * 1024;

/** The cache folder of a site outside the project (src/config/site-root.ts), which CI keeps between runs. */
const CACHE_FOLDER = '.astro-cache';

/** Story pages weighed per build, spread over the archive: enough for a stable mean, quick at any size. */
const WEIGHED_PAGES = 200;

/** One measured build and what it wrote. */
interface BuildReport {
	name: string;
	measurement: Measurement;
	pages: number;
	storyPages: number;
	weight?: MeanWeight;
	/** A Broadsheet build's phases, from its log. */
	phases?: BuildPhases;
}

function machine(): string {
	const [one, five] = loadavg();
	return `${cpus().length} cores, load ${one.toFixed(2)}/${five.toFixed(2)} (1/5 min), ${(freemem() / 1024 ** 3).toFixed(1)} of ${(totalmem() / 1024 ** 3).toFixed(1)} GB free, Node ${process.version}`;
}

function tail(file: string, lines = 30): string {
	return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}

async function measuredBuild(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<Measurement> {
	console.log(`\n${name}: building… (${machine()})`);
	// Broadsheet's builds run in the bench's own copy of the code, so no other build of the
	// checkout shares their .astro/ folder; other work on the machine still competes for its cores.
	const measurement = await measureCommand(command, args, { cwd, env, logFile });
	if (measurement.code !== 0) {
		console.error(`${name} failed with exit code ${measurement.code}; the end of ${logFile}:\n${tail(logFile)}`);
		// A failed build's time means nothing: the summary shows it as NaN rather than as a fast build.
		return { ...measurement, wallSeconds: Number.NaN };
	}
	console.log(
		`${name}: ${measurement.wallSeconds.toFixed(1)} s, peak RSS ${(measurement.peakTreeRssBytes / MB).toFixed(0)} MB (process tree)` +
			(measurement.maxProcessRssBytes ? `, ${(measurement.maxProcessRssBytes / MB).toFixed(0)} MB (largest process)` : ''),
	);
	return measurement;
}

/** A Broadsheet build's phases from its log; warns when a build that succeeded printed none, which means the log's format changed. */
function readPhases(name: string, logFile: string, measurement: Measurement): BuildPhases {
	const phases = parseBuildPhases(existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
	if (measurement.code === 0 && (phases.phases.length === 0 || phases.builtSeconds === undefined)) {
		console.warn(`${name}: ${logFile} has no "✓ <phase> (N s)" lines or no "Built … in N s" line; bench/build-phases.ts no longer reads scripts/build.ts's log`);
	}
	return phases;
}

function pagesPerSecond(report: BuildReport): number {
	return report.pages / report.measurement.wallSeconds;
}

function row(report: BuildReport, baseline?: BuildReport): string {
	const { measurement, pages, storyPages } = report;
	const ratio = baseline ? (pagesPerSecond(report) / pagesPerSecond(baseline)).toFixed(2) : '';
	return [
		report.name.padEnd(14),
		measurement.wallSeconds.toFixed(1).padStart(7),
		String(pages).padStart(7),
		pagesPerSecond(report).toFixed(1).padStart(8),
		(storyPages / measurement.wallSeconds).toFixed(1).padStart(12),
		(measurement.peakTreeRssBytes / MB).toFixed(0).padStart(9),
		(measurement.maxProcessRssBytes ? (measurement.maxProcessRssBytes / MB).toFixed(0) : '—').padStart(10),
		ratio.padStart(8),
	].join(' ');
}

function weightLine(report: BuildReport): string {
	const weight = report.weight;
	if (!weight || weight.pages === 0) return `${report.name.padEnd(14)} no story pages found`;
	const missing = weight.pagesWithMissing > 0 ? `; ${weight.pagesWithMissing} load files that are not in the build` : '';
	return `${report.name.padEnd(14)} ${formatMeanWeight(weight)} (${weight.pages} pages weighed${missing})`;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The HTML files a build wrote; none when it failed before writing its output folder. */
function countPages(outDir: string): number {
	return existsSync(outDir) ? listPages(outDir).length : 0;
}

/** Up to `limit` items spread evenly over a list, first included: a sample of an archive that spans its years. */
function spread<T>(items: readonly T[], limit: number): T[] {
	const step = Math.max(1, Math.floor(items.length / limit));
	const chosen: T[] = [];
	for (let index = 0; index < items.length && chosen.length < limit; index += step) chosen.push(items[index]);
	return chosen;
}

/** The story pages of a build that exist, as `<path>index.html` relative to the output folder. */
function storyPageFiles(outDir: string, paths: readonly string[]): string[] {
	return paths.map((path) => `${path}index.html`).filter((file) => existsSync(join(outDir, file)));
}

/** The mean weight of up to WEIGHED_PAGES story pages (src/tools/page-weight.ts, as `npm run weight` weighs a page). */
async function weighStoryPages(outDir: string, paths: readonly string[]): Promise<MeanWeight> {
	const files = storyPageFiles(outDir, paths);
	return meanWeight(files.length === 0 ? [] : await weighPages(outDir, spread(files, WEIGHED_PAGES)));
}

/**
 * Checks that sampled story pages hold their own story's text: a build that raced another build of
 * the same project (Astro keeps content-modules.mjs in the project's shared .astro/ folder) can
 * succeed and still publish the wrong bodies.
 */
function checkStoryText(site: string, outDir: string, ids: readonly string[], paths: readonly string[], samples = 50): string[] {
	const wrong: string[] = [];
	const step = Math.max(1, Math.floor(ids.length / samples));
	for (let index = 0; index < ids.length; index += step) {
		const source = readFileSync(join(site, 'content', `${ids[index]}.mdx`), 'utf8');
		const firstParagraph = source.split(/\n---\n/)[1].trim().split('\n')[0];
		// The longest run of Chinese characters: a page prints the paragraph's punctuation full-width and its figures as markup.
		const words = (firstParagraph.match(/\p{Script=Han}+/gu) ?? []).reduce((longest, run) => (run.length > longest.length ? run : longest), '');
		const page = join(outDir, paths[index], 'index.html');
		if (!existsSync(page) || !readFileSync(page, 'utf8').includes(words || firstParagraph.slice(0, 40))) wrong.push(ids[index]);
	}
	return wrong;
}

/** Removes an output folder and the staging and previous folders scripts/build.ts keeps beside it. */
async function removeOutput(outDir: string): Promise<void> {
	for (const folder of [outDir, `${outDir}.staging`, `${outDir}.previous`]) await rm(folder, { recursive: true, force: true });
}

/**
 * Makes the site folder what CI has after checking out the repository and restoring its cache:
 * the files the generator wrote (`checkedIn`) and the cache folder; anything else a build left in
 * the site folder goes. Returns what was removed.
 */
async function restoreCheckout(site: string, checkedIn: ReadonlySet<string>): Promise<string[]> {
	const removed: string[] = [];
	for (const entry of await readdir(site)) {
		if (checkedIn.has(entry) || entry === CACHE_FOLDER) continue;
		await rm(join(site, entry), { recursive: true, force: true });
		removed.push(entry);
	}
	return removed;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			articles: { type: 'string', default: '2000' },
			seed: { type: 'string' },
			components: { type: 'string' },
			work: { type: 'string' },
			keep: { type: 'boolean', default: false },
			'skip-baseline': { type: 'boolean', default: false },
			'skip-rebuild': { type: 'boolean', default: false },
			env: { type: 'string', multiple: true, default: [] },
		},
	});
	const articles = Number(values.articles);
	const extraEnv = Object.fromEntries(
		values.env.map((pair) => {
			const at = pair.indexOf('=');
			if (at < 1) throw new Error(`invalid --env: ${pair} (expected KEY=VALUE)`);
			return [pair.slice(0, at), pair.slice(at + 1)];
		}),
	);
	const work = values.work ? resolve(values.work) : await mkdtemp(join(tmpdir(), 'broadsheet-bench-'));
	const site = join(work, 'site');
	const baselineRoot = join(work, 'baseline');
	const broadsheetOut = join(work, 'broadsheet-dist');
	const projectCopy = join(work, 'project');
	const components = await loadStoryComponents(values.components);

	console.log(`Broadsheet bench in ${work}\nproject: ${projectRoot}\nmachine: ${machine()}`);
	// A --work folder used before holds the last run's caches and stories: the cold build must start from nothing.
	for (const folder of [site, baselineRoot, projectCopy]) await rm(folder, { recursive: true, force: true });
	await removeOutput(broadsheetOut);
	await copyProject(projectRoot, projectCopy);
	const generated = performance.now();
	const manifest = await generateArchive({ articles, out: site, seed: values.seed === undefined ? undefined : Number(values.seed), components });
	const checkedIn = new Set(await readdir(site));
	console.log(
		`Generated ${manifest.articles} stories, ${manifest.editions} editions, ${manifest.datasets} datasets in ${((performance.now() - generated) / 1000).toFixed(1)} s.`,
	);

	const node = process.execPath;
	const broadsheetEnv = buildEnvironment({ BROADSHEET_ROOT: site, BROADSHEET_OUT_DIR: broadsheetOut, ...extraEnv });
	const broadsheetArgs = [join(projectCopy, 'scripts/build.ts')];
	const reports: BuildReport[] = [];

	/** Builds the archive with Broadsheet, checks the story pages hold their text, and reports the build. */
	const broadsheetBuild = async (name: string, options: { weigh: boolean }): Promise<BuildReport> => {
		const logFile = join(work, `${name}.log`);
		// Builds run in the copy's folder, as `npm run build` runs in the project's (src/config/site-root.ts takes it from the current folder).
		const measurement = await measuredBuild(name, node, broadsheetArgs, projectCopy, broadsheetEnv, logFile);
		const wrong = checkStoryText(site, broadsheetOut, manifest.articleIds, manifest.articlePaths);
		if (wrong.length > 0) console.error(`${name}: ${wrong.length} sampled story pages lack their text, e.g. ${wrong[0]}`);
		const report: BuildReport = {
			name,
			measurement,
			pages: countPages(broadsheetOut),
			storyPages: storyPageFiles(broadsheetOut, manifest.articlePaths).length,
			weight: options.weigh ? await weighStoryPages(broadsheetOut, manifest.articlePaths) : undefined,
			phases: readPhases(name, logFile, measurement),
		};
		reports.push(report);
		return report;
	};

	// 1. Cold: no caches (the site folder was just generated) and no output folder.
	const cold = await broadsheetBuild('cold', { weigh: true });

	// 2. Warm: what CI does on a fresh checkout with its cache restored — a new output folder, the
	// same content, and of everything the cold build wrote only `<site>/.astro-cache`.
	await removeOutput(broadsheetOut);
	const removed = await restoreCheckout(site, checkedIn);
	const cacheFolder = join(site, CACHE_FOLDER);
	console.log(
		`\nwarm: removed ${broadsheetOut}${removed.length > 0 ? ` and ${removed.map((entry) => join(site, entry)).join(', ')}` : ''}; ` +
			(existsSync(cacheFolder) ? `kept ${cacheFolder} (${formatSize(await folderSize(cacheFolder))})` : `${cacheFolder} does not exist: the warm build starts cold too`),
	);
	const warm = await broadsheetBuild('warm', { weigh: true });

	// 3. Corrections: one story edited, published output and caches kept, as the newsroom
	// republishes a correction after its last build; three of them, one story each, as timings
	// on a shared machine vary by a second or more from one build to the next.
	const correct = async (name: string, story: string): Promise<BuildReport> => {
		const note = `（本报编辑部更正补记：${name}）`;
		await editOneArticle(site, story, note);
		const report = await broadsheetBuild(name, { weigh: false });
		const editedPath = manifest.articlePaths[manifest.articleIds.indexOf(story)];
		const editedPage = join(broadsheetOut, editedPath, 'index.html');
		if (!existsSync(editedPage) || !readFileSync(editedPage, 'utf8').includes(note)) console.error(`${name}: the edit to ${story} is not in ${editedPath}index.html`);
		return report;
	};
	const corrections: BuildReport[] = [];
	if (!values['skip-rebuild']) {
		for (const [index, story] of manifest.editTargets.entries()) corrections.push(await correct(`rebuild-${index + 1}`, story));
	}

	// 4. A template change: the story layout's markup and the stylesheet, caches and output kept,
	// as after a designer's change; every page's HTML changes (the stylesheet's name is in it).
	await changeStoryTemplate(projectCopy);
	const templateChange = await broadsheetBuild('template', { weigh: false });
	const templatePage = join(broadsheetOut, manifest.articlePaths[0], 'index.html');
	if (!existsSync(templatePage) || !readFileSync(templatePage, 'utf8').includes(TEMPLATE_MARK)) console.error(`template: the changed layout is not in ${manifest.articlePaths[0]}index.html`);

	// 5. Baseline: a plain Astro + MDX site over the same story files.
	let baseline: BuildReport | undefined;
	if (!values['skip-baseline']) {
		await writeBaselineSite({ root: baselineRoot, contentDir: join(site, 'content'), projectRoot, componentNames: components.names });
		const baselineOut = join(baselineRoot, 'dist');
		const measurement = await measuredBuild(
			'baseline',
			node,
			[join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
			baselineRoot,
			buildEnvironment({}),
			join(work, 'baseline.log'),
		);
		const storyPaths = manifest.articleIds.map((id) => `${id}/`);
		const wrongBaseline = checkStoryText(site, baselineOut, manifest.articleIds, storyPaths);
		if (wrongBaseline.length > 0) console.error(`baseline: ${wrongBaseline.length} sampled story pages lack their text, e.g. ${wrongBaseline[0]}`);
		baseline = {
			name: 'baseline',
			measurement,
			pages: countPages(baselineOut),
			storyPages: storyPageFiles(baselineOut, storyPaths).length,
			weight: await weighStoryPages(baselineOut, storyPaths),
		};
		reports.unshift(baseline);
	}

	// 6. One more correction, after the baseline build: a build of another site, which has pushed
	// this one's files out of the operating system's cache, as other work on the machine would.
	const afterBaseline = !values['skip-rebuild'] && baseline ? await correct('rebuild-after', manifest.editTargets[0]) : undefined;

	console.log(`\n${'build'.padEnd(14)} ${'wall s'.padStart(7)} ${'pages'.padStart(7)} ${'pages/s'.padStart(8)} ${'story pg/s'.padStart(12)} ${'tree MB'.padStart(9)} ${'largest MB'.padStart(10)} ${'vs base'.padStart(8)}`);
	for (const report of reports) console.log(row(report, report === baseline ? undefined : baseline));

	const broadsheetReports = reports.filter((report) => report.phases);
	console.log(`\nwhere the time goes (seconds, from the "✓ <phase> (N s)" lines scripts/build.ts prints; logs in ${work}):`);
	console.log(formatPhaseTable(broadsheetReports.map((report) => ({ build: report.name, wallSeconds: report.measurement.wallSeconds, phases: report.phases! }))));

	console.log(`\nbytes per story page, raw / gzip (HTML, and the CSS, JS, fonts and images a first visit loads; src/tools/page-weight.ts):`);
	for (const report of reports) if (report.weight) console.log(weightLine(report));
	console.log(`\nmachine after: ${machine()}`);

	const baselinePerSecond = baseline ? pagesPerSecond(baseline) : Number.NaN;
	// A failed build's peak still counts: it is memory the machine had to have.
	const peakRss = Math.max(...broadsheetReports.map((report) => report.measurement.peakTreeRssBytes));
	console.log(
		`bench articles=${articles} cold_pages_per_s=${pagesPerSecond(cold).toFixed(1)} baseline_pages_per_s=${baselinePerSecond.toFixed(1)} ` +
			`cold_ratio=${(pagesPerSecond(cold) / baselinePerSecond).toFixed(2)} warm_ratio=${(pagesPerSecond(warm) / baselinePerSecond).toFixed(2)} ` +
			`template_change_s=${templateChange.measurement.wallSeconds.toFixed(1)} ` +
			`rebuild_one_s=${median(corrections.map((report) => report.measurement.wallSeconds)).toFixed(1)} peak_rss_mb=${(peakRss / MB).toFixed(0)}`,
	);
	if (afterBaseline) console.log(`rebuild_after_baseline_s=${afterBaseline.measurement.wallSeconds.toFixed(1)} (one more correction, after the baseline build pushed the archive out of the page cache)`);
	if (!values.keep && !values.work) await rm(work, { recursive: true, force: true });
	else console.log(`kept ${work}`);
}

await main();
