import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copySampleSite, projectRoot } from '../../helpers/site-fixture.ts';

/**
 * A site in a folder beside the project whose path begins with the project's (`/srv/paper-site`,
 * built from `/srv/paper`): Astro takes its work folder to be inside the folder the build runs in
 * and bundles the pages there, outside the project, where the bundle's packages must still resolve
 * (linkPackagesBesideWorkFolder in src/build/work-folder.ts). The folder is made beside the project
 * and removed after the test.
 */
let root: string;
beforeAll(async () => {
	root = await copySampleSite(`${projectRoot.replace(/\/$/, '')}-site-`);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a site in a folder whose path begins with the project’s', () => {
	it('builds, and publishes the sample', async () => {
		expect(root.startsWith(projectRoot.replace(/\/$/, ''))).toBe(true);
		const result = await buildSite(root, join(root, 'dist'));
		expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
		expect(existsSync(join(root, 'dist/2024-09-18/05/erqi-louyuan-zhili/index.html'))).toBe(true);
		// Astro's bundle is gone from the work folder, and nothing of it was published.
		expect(existsSync(join(root, '.astro-cache/dist/.prerender'))).toBe(false);
		expect(existsSync(join(root, 'dist/.prerender'))).toBe(false);
	}, 300_000);
});
