/**
 * `npm run bench -- --articles N`: generates a synthetic archive of N stories, builds it with
 * Broadsheet and, in the same run and on the same files, with a plain Astro + MDX baseline site;
 * then edits one story and publishes again. Prints wall time, pages per second, peak memory and
 * bytes per story page for each build, and ends with one summary line:
 *
 *   bench articles=N pages_per_s=X baseline_pages_per_s=Y ratio=X/Y peak_rss_mb=Z rebuild_one_s=W
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
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBaselineSite } from './baseline-site.ts';
import { editOneArticle, generateArchive } from './generate.ts';
import { buildEnvironment, measureCommand, type Measurement } from './measure.ts';
import { listHtmlPages, weighPages, type PageWeight } from './page-weight.ts';
import { loadStoryComponents } from './story-components.ts';

/** The Broadsheet checkout being measured: the one this script belongs to. */
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const MB = 1024 * 1024;

/** One measured build and what it wrote. */
interface BuildReport {
	name: string;
	measurement: Measurement;
	pages: number;
	storyPages: number;
	weight?: PageWeight;
}

function machine(): string {
	const [one, five] = loadavg();
	return `${cpus().length} cores, load ${one.toFixed(2)}/${five.toFixed(2)} (1/5 min), ${(freemem() / 1024 ** 3).toFixed(1)} of ${(totalmem() / 1024 ** 3).toFixed(1)} GB free, Node ${process.version}`;
}

function tail(file: string, lines = 30): string {
	return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}

/** The lock scripts/build.ts holds around Astro (scripts/lib/build-lock.ts): other builds of the project wait for it. */
const BUILD_LOCK_OWNER = join(projectRoot, '.astro', 'build.lock', 'pid');

/** The pid holding the project's build lock, if any. */
function lockOwner(): number | undefined {
	try {
		return Number(readFileSync(BUILD_LOCK_OWNER, 'utf8')) || undefined;
	} catch {
		return undefined;
	}
}

async function measuredBuild(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<Measurement> {
	console.log(`\n${name}: building… (${machine()})`);
	// Another build of the project (another person's, or the tests') makes this one wait for the lock,
	// and the wait would count as build time: start when the lock is free, and say if it was taken meanwhile.
	for (let waited = 0; lockOwner() !== undefined && waited < 600; waited++) await new Promise((resolve) => setTimeout(resolve, 1000));
	let contended = 0;
	const probe = (pids: Set<number>) => {
		const owner = lockOwner();
		if (owner !== undefined && !pids.has(owner)) contended++;
	};
	const measurement = await measureCommand(command, args, { cwd, env, logFile, probe });
	if (contended > 0) console.warn(`${name}: another build held the project's build lock for about ${(contended / 10).toFixed(1)} s of this build; its time is inflated`);
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

function row(report: BuildReport, baseline?: BuildReport): string {
	const { measurement, pages, storyPages } = report;
	const pagesPerSecond = pages / measurement.wallSeconds;
	const ratio = baseline ? (pagesPerSecond / (baseline.pages / baseline.measurement.wallSeconds)).toFixed(2) : '';
	return [
		report.name.padEnd(12),
		measurement.wallSeconds.toFixed(1).padStart(7),
		String(pages).padStart(7),
		pagesPerSecond.toFixed(1).padStart(8),
		(storyPages / measurement.wallSeconds).toFixed(1).padStart(12),
		(measurement.peakTreeRssBytes / MB).toFixed(0).padStart(9),
		(measurement.maxProcessRssBytes ? (measurement.maxProcessRssBytes / MB).toFixed(0) : '—').padStart(10),
		ratio.padStart(8),
	].join(' ');
}

function weightLine(report: BuildReport): string {
	const w = report.weight;
	if (!w || w.pages === 0) return `${report.name}: no story pages found`;
	const total = w.html + w.css + w.js + w.fonts + w.other;
	return `${report.name.padEnd(12)} html ${w.html} B, css ${w.css} B, js ${w.js} B, fonts ${w.fonts} B, other ${w.other} B; total ${total} B (${w.pages} pages weighed)`;
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
		const page = join(outDir, paths[index], 'index.html');
		if (!existsSync(page) || !readFileSync(page, 'utf8').includes(firstParagraph.slice(0, 40))) wrong.push(ids[index]);
	}
	return wrong;
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
	const components = await loadStoryComponents(values.components);

	console.log(`Broadsheet bench in ${work}\nproject: ${projectRoot}\nmachine: ${machine()}`);
	const generated = performance.now();
	const manifest = await generateArchive({ articles, out: site, seed: values.seed === undefined ? undefined : Number(values.seed), components });
	console.log(
		`Generated ${manifest.articles} stories, ${manifest.editions} editions, ${manifest.datasets} datasets in ${((performance.now() - generated) / 1000).toFixed(1)} s.`,
	);

	const node = process.execPath;
	const broadsheetOut = join(work, 'broadsheet-dist');
	const broadsheetEnv = buildEnvironment({ BROADSHEET_ROOT: site, BROADSHEET_OUT_DIR: broadsheetOut, ...extraEnv });
	const broadsheetArgs = [join(projectRoot, 'scripts/build.ts')];
	const reports: BuildReport[] = [];

	// Builds run in the project folder, as `npm run build` does (src/lib/site-root.ts takes it from the current folder).
	const broadsheet = await measuredBuild('broadsheet', node, broadsheetArgs, projectRoot, broadsheetEnv, join(work, 'broadsheet.log'));
	const broadsheetPages = listHtmlPages(broadsheetOut);
	const wrongBroadsheet = checkStoryText(site, broadsheetOut, manifest.articleIds, manifest.articlePaths);
	if (wrongBroadsheet.length > 0) console.error(`broadsheet: ${wrongBroadsheet.length} sampled story pages lack their text, e.g. ${wrongBroadsheet[0]}`);
	reports.push({
		name: 'broadsheet',
		measurement: broadsheet,
		pages: broadsheetPages.length,
		storyPages: manifest.articlePaths.filter((path) => existsSync(join(broadsheetOut, path, 'index.html'))).length,
		weight: weighPages(broadsheetOut, manifest.articlePaths),
	});

	let baseline: BuildReport | undefined;
	if (!values['skip-baseline']) {
		const baselineRoot = join(work, 'baseline');
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
			pages: listHtmlPages(baselineOut).length,
			storyPages: storyPaths.filter((path) => existsSync(join(baselineOut, path, 'index.html'))).length,
			weight: weighPages(baselineOut, storyPaths),
		};
		reports.unshift(baseline);
	}

	let rebuildSeconds = Number.NaN;
	if (!values['skip-rebuild']) {
		const note = '（本报编辑部更正补记）';
		await editOneArticle(site, manifest.editTarget, note);
		const rebuild = await measuredBuild('rebuild-one', node, broadsheetArgs, projectRoot, broadsheetEnv, join(work, 'rebuild.log'));
		rebuildSeconds = rebuild.wallSeconds;
		const editedPath = manifest.articlePaths[manifest.articleIds.indexOf(manifest.editTarget)];
		const editedPage = join(broadsheetOut, editedPath, 'index.html');
		const published = existsSync(editedPage) && readFileSync(editedPage, 'utf8').includes(note);
		if (!published) console.error(`rebuild-one: the edit to ${manifest.editTarget} is not in ${editedPath}index.html`);
		reports.push({ name: 'rebuild-one', measurement: rebuild, pages: listHtmlPages(broadsheetOut).length, storyPages: manifest.articles });
	}

	console.log(`\n${'build'.padEnd(12)} ${'wall s'.padStart(7)} ${'pages'.padStart(7)} ${'pages/s'.padStart(8)} ${'story pg/s'.padStart(12)} ${'tree MB'.padStart(9)} ${'largest MB'.padStart(10)} ${'vs base'.padStart(8)}`);
	for (const report of reports) console.log(row(report, report === baseline ? undefined : baseline));
	console.log('\nbytes per story page (HTML, and the CSS, JS and fonts it links):');
	for (const report of reports) if (report.weight) console.log(weightLine(report));
	console.log(`\nmachine after: ${machine()}`);

	const pagesPerSecond = reports.find((r) => r.name === 'broadsheet')!.pages / broadsheet.wallSeconds;
	const baselinePerSecond = baseline ? baseline.pages / baseline.measurement.wallSeconds : Number.NaN;
	console.log(
		`bench articles=${articles} pages_per_s=${pagesPerSecond.toFixed(1)} baseline_pages_per_s=${baselinePerSecond.toFixed(1)} ` +
			`ratio=${(pagesPerSecond / baselinePerSecond).toFixed(2)} peak_rss_mb=${(broadsheet.peakTreeRssBytes / MB).toFixed(0)} ` +
			`rebuild_one_s=${rebuildSeconds.toFixed(1)}`,
	);
	if (!values.keep && !values.work) await rm(work, { recursive: true, force: true });
	else console.log(`kept ${work}`);
}

await main();
