import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, copySampleSite } from './helpers/site-fixture.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The sample edition built once for all tests that only read the output. */
		sampleDist: string;
		/** Its site root, with its caches, to copy (tests/helpers/shared-site.ts). */
		sampleRoot: string;
		/** Where the fixture sites built once for the run record themselves (tests/helpers/shared-site.ts). */
		sharedSites: string;
	}
}

/** Builds the sample edition once into a temporary folder; tests that only read `dist/` share it. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
	const root = await copySampleSite('broadsheet-sample-');
	const outDir = join(root, 'dist');
	const result = await buildSite(root, outDir);
	if (result.code !== 0) throw new Error(`The sample edition did not build:\n${result.stdout}\n${result.stderr}`);
	project.provide('sampleDist', outDir);
	project.provide('sampleRoot', root);
	const shared = await mkdtemp(join(tmpdir(), 'broadsheet-shared-sites-'));
	project.provide('sharedSites', shared);
	return async () => {
		await rm(root, { recursive: true, force: true });
		await removeSharedSites(shared);
	};
}

/** Removes the sites built once for the run (tests/helpers/shared-site.ts), each named by its record, and the records. */
async function removeSharedSites(folder: string): Promise<void> {
	for (const file of await readdir(folder)) {
		if (!file.endsWith('.json')) continue;
		const { root } = JSON.parse(await readFile(join(folder, file), 'utf8')) as { root?: string };
		if (root) await rm(root, { recursive: true, force: true });
	}
	await rm(folder, { recursive: true, force: true });
}
