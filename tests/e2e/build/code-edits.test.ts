import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../../bench/project-copy.ts';
import { hashDifferences, hashFiles } from '../../helpers/file-hashes.ts';
import { copyBuiltSample } from '../../helpers/shared-site.ts';
import { buildEnvironment, projectRoot, type BuildResult } from '../../helpers/site-fixture.ts';

/**
 * Every cache is keyed on the code that made its entries (src/cache/registry.ts): after an
 * edit to that code, an incremental build must publish exactly what a build from nothing publishes.
 * The edits are made to a copy of the project's code (its node_modules linked), each one an edit
 * that changes what readers see; a cache serving what the old code made would publish the old.
 */

let code: string;
let site: string;

/**
 * Builds each site root with the copy's code into `<root>/dist`, keeping its caches (`<root>/.astro-cache`),
 * one after the other in one process (tests/helpers/build-sites.ts, run from the copy); returns
 * each build's published files' hashes and log.
 */
async function built(...roots: string[]): Promise<{ files: Map<string, string>; log: string }[]> {
	const results = await new Promise<BuildResult[]>((resolve, reject) => {
		execFile(
			process.execPath,
			[join(code, 'tests/helpers/build-sites.ts'), ...roots],
			{ cwd: code, env: buildEnvironment({}), maxBuffer: 64 * 1024 * 1024, timeout: 400_000 },
			(error, stdout, stderr) => {
				try {
					if (error) throw error;
					resolve(JSON.parse(stdout) as BuildResult[]);
				} catch (failure) {
					reject(new Error(`The builds of ${roots.join(', ')} did not report: ${(failure as Error).message}\n${stdout}\n${stderr}`));
				}
			},
		);
	});
	const builds = [];
	for (const [index, result] of results.entries()) {
		expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
		// The search index differs by design after an incremental build: changed pages are indexed in a part of their own.
		const files = await hashFiles(join(roots[index]!, 'dist'));
		builds.push({ files: new Map([...files].filter(([file]) => !file.startsWith('pagefind/'))), log: result.stdout });
	}
	return builds;
}

/** Replaces `from` by `to` in a file of the code copy, failing when `from` is not there (the edit would test nothing). */
async function editCode(file: string, from: string, to: string): Promise<void> {
	const path = join(code, file);
	const text = await readFile(path, 'utf8');
	expect(text, `${file} no longer holds ${JSON.stringify(from)}: the test needs a new edit`).toContain(from);
	await writeFile(path, text.replace(from, to));
}

/**
 * After an edit: a build from nothing of the same content with the same code, and then, in the same
 * process, the incremental build of the kept site (that process starts with nothing in memory, and
 * the build from nothing keeps what it made in a cache folder of its own). Returns how the edit changed
 * the published site, and the incremental build's log.
 */
async function rebuildAndCompare(): Promise<{ changed: string[]; log: string }> {
	const before = new Map([...(await hashFiles(join(site, 'dist')))].filter(([file]) => !file.startsWith('pagefind/')));
	const fresh = await mkdtemp(join(tmpdir(), 'broadsheet-code-edit-fresh-'));
	try {
		for (const name of ['site.config.json', 'content', 'data']) await cp(join(site, name), join(fresh, name), { recursive: true });
		const [fromNothing, incremental] = await built(fresh, site);
		expect(hashDifferences(incremental!.files, fromNothing!.files)).toEqual([]);
		return { changed: hashDifferences(before, incremental!.files), log: incremental!.log };
	} finally {
		await rm(fresh, { recursive: true, force: true });
	}
}

beforeAll(async () => {
	code = await mkdtemp(join(tmpdir(), 'broadsheet-code-edit-code-'));
	await copyProject(projectRoot, code);
	// The sample as the run's global setup built it, with its caches: made by the project's code, which
	// the copy's is until the first edit.
	({ root: site } = await copyBuiltSample('broadsheet-code-edit-site-'));
}, 300_000);

afterAll(async () => {
	await rm(code, { recursive: true, force: true });
	await rm(site, { recursive: true, force: true });
});

describe('an incremental build after an edit to the code publishes what a build from nothing publishes', () => {
	it('after an edit to a schema (a headline transformed as it is parsed)', async () => {
		await editCode('src/schemas/article.ts', 'headline: text(),', 'headline: text().transform((value) => `${value}（测试）`),');
		const { changed } = await rebuildAndCompare();
		expect(changed).toEqual(expect.arrayContaining(['differs: 2024-09-18/05/erqi-louyuan-zhili/index.html', 'differs: og/2024-09-18/erqi-louyuan-zhili.png']));
	}, 600_000);

	it('after an edit to a formatter the schemas import (an axis’s zero printed 0.0)', async () => {
		// Figures the stories print are checked against the stories' sentences; axis ticks are not.
		await editCode('src/figures/figures.ts', "if (value === 0) return '0';", "if (value === 0) return '0.0';");
		await editCode('src/figures/figures.ts', 'return tickFormat(maximumFractionDigits).format(value === 0 ? 0 : value);', "return value === 0 ? '0.0' : tickFormat(maximumFractionDigits).format(value);");
		const { changed } = await rebuildAndCompare();
		expect(changed).toEqual(expect.arrayContaining(['differs: data/erqi-governance/organisations.png', 'differs: 2024-09-18/05/erqi-louyuan-zhili/index.html']));
	}, 600_000);

	it('after an edit to a chart renderer (taller bars)', async () => {
		await editCode('src/charts/horizontal-bar.ts', 'const BAR_HEIGHT = 16;', 'const BAR_HEIGHT = 19;');
		const { changed } = await rebuildAndCompare();
		expect(changed).toEqual(expect.arrayContaining(['differs: data/erqi-governance/organisations.png']));
	}, 600_000);

	it('after an edit to the social card’s design (another accent colour)', async () => {
		await editCode('src/social/social-card.ts', "const ACCENT = '#a61b1b';", "const ACCENT = '#1b4fa6';");
		const { changed } = await rebuildAndCompare();
		expect(changed).toEqual(expect.arrayContaining(['differs: og/2024-09-18/erqi-louyuan-zhili.png']));
	}, 600_000);

	it('after an edit to the layouts (a line added to every page’s head, and to every story page after the story), indexing no story for search again', async () => {
		await editCode('src/layouts/BaseLayout.astro', '\t<head>\n', '\t<head>\n\t\t<meta name="x-code-edit" content="1" />\n');
		await editCode('src/pages/[edition]/[page]/[article].astro', '\t</article>\n', '\t\t<p class="x-code-edit">版式调整</p>\n\t</article>\n');
		const { changed, log } = await rebuildAndCompare();
		expect(changed).toEqual(expect.arrayContaining(['differs: index.html', 'differs: 2024-09-18/05/erqi-louyuan-zhili/index.html']));
		expect(log).toMatch(/Search index: \d+ pages, 0 indexed/);
	}, 600_000);

	it('after these edits, the caches hold only what the last build used', async () => {
		// Each edit made new cards, chart PNGs, charts drawn for pages, story bodies and checks; the ones the old code made are gone.
		const entries = async (store: string, ending: string) => (await readdir(join(site, '.astro-cache/broadsheet', store), { recursive: true })).filter((name) => name.endsWith(ending));
		expect(await entries('cards', '.png')).toHaveLength(4);
		expect(await entries('chart-png', '.png')).toHaveLength(4);
		// A folder for each of the sample's three datasets, a file for each drawing: its four charts' layouts on
		// their dataset's page and in the stories placing them, and the thumbnails of the page schematics showing them.
		const charts = await entries('charts', '.json');
		expect(new Set(charts.map((name) => dirname(name))).size).toBe(3);
		expect(charts).toHaveLength(13);
		expect(await entries('stories', '.html')).toHaveLength(4);
		expect(await entries('checks', '.dataset')).toHaveLength(3);
		expect(await entries('fonts', '.woff2')).toHaveLength(1);
	});
});
