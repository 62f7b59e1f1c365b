import { cp, mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { buildSite, copySampleSiteWithPhoto, type BuildResult } from './site-fixture.ts';

/** A fixture site built once in a test run: its root (with its caches), its output and what the build printed. */
export interface SharedSite {
	root: string;
	dist: string;
	result: BuildResult;
}

/** How long a test file waits for another one's build of a shared site. */
const WAIT_MS = 600_000;

/**
 * The fixture site `name`, made by `make` (which returns its root) and built (with the build's
 * extra environment `env`, as {@link buildSite} takes it) once for the whole
 * test run: the first test file to ask builds it, the others wait for that build and read the
 * same folders (the archive fixture is read by three files, each of which built its own copy).
 * Files that only read the site share it; one that changes it takes {@link copySharedSite}.
 * A site that did not build is an error, with the build's output, in every file that asks for it.
 * The sites live in the run's folder of shared sites, which its global setup removes when the run ends (`tests/global-setup.ts`).
 */
export async function sharedSite(name: string, make: () => Promise<string>, env: Record<string, string> = {}): Promise<SharedSite> {
	const folder = inject('sharedSites');
	const record = join(folder, `${name}.json`);
	try {
		await mkdir(join(folder, `${name}.building`));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		return waitForSite(name, record);
	}
	let site: SharedSite | { error: string };
	try {
		// The site outlives the test file that made it, whose temporary folders go with its tests
		// (tests/setup-caches.ts): it moves beside the records, which the run's global setup removes.
		const root = join(folder, name);
		await rename(await make(), root);
		const dist = join(root, 'dist');
		site = { root, dist, result: await buildSite(root, dist, env) };
	} catch (error) {
		site = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
	}
	await writeFile(`${record}.partial`, JSON.stringify(site));
	await rename(`${record}.partial`, record);
	return built(name, site);
}

/** The site, or an error with its build's output when it could not be made or did not build. */
function built(name: string, site: SharedSite | { error: string }): SharedSite {
	if ('error' in site) throw new Error(`The shared site ${name} could not be made: ${site.error}`);
	if (site.result.code !== 0) throw new Error(`The shared site ${name} did not build:\n${site.result.stdout}\n${site.result.stderr}`);
	return site;
}

async function waitForSite(name: string, record: string): Promise<SharedSite> {
	const started = Date.now();
	for (;;) {
		let text: string | undefined;
		try {
			text = await readFile(record, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
		if (text !== undefined) return built(name, JSON.parse(text) as SharedSite | { error: string });
		if (Date.now() - started > WAIT_MS) throw new Error(`The shared site ${name} was not built within ${WAIT_MS / 1000} s by the test file building it.`);
		await sleep(100);
	}
}

/**
 * A copy of a built site (content, output and caches, with the files' times, which the caches
 * compare) for a test file that changes it; removed by the caller.
 */
export async function copySharedSite(site: { root: string }, prefix: string): Promise<{ root: string; dist: string }> {
	const root = await mkdtemp(join(tmpdir(), prefix));
	await cp(site.root, root, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
	return { root, dist: join(root, 'dist') };
}

/** A copy of the sample as the global setup built it (tests/global-setup.ts), for a file that starts from a built sample. */
export function copyBuiltSample(prefix: string): Promise<{ root: string; dist: string }> {
	return copySharedSite({ root: inject('sampleRoot') }, prefix);
}

/**
 * The sample with a photo (copySampleSiteWithPhoto), built under the base path /paper/: Astro's
 * image service and a sub-path in one build, which the build, link and determinism tests read.
 */
export function builtPhotoSiteUnderPaper(): Promise<SharedSite> {
	return sharedSite('photo-under-paper', () => copySampleSiteWithPhoto(), PAPER);
}

/** The environment of a build under /paper/. */
export const PAPER = { BROADSHEET_BASE: '/paper/' };
