import { mkdtemp, rm } from 'node:fs/promises';
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
		/** Where the fixture sites built once for the run live, with their records (tests/helpers/shared-site.ts). */
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
		// The sites built once for the run, with their records (tests/helpers/shared-site.ts).
		await rm(shared, { recursive: true, force: true });
	};
}
