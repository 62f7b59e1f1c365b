import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDifferences, hashFiles } from '../../helpers/file-hashes.ts';
import { buildEnvironment, buildSite, copySampleSite, editFile, projectRoot, type BuildResult } from '../../helpers/site-fixture.ts';

/** `npx astro build`, Astro's own command, for the site at `root` into `outDir`. */
function astroBuild(root: string, outDir: string): Promise<BuildResult> {
	return new Promise((resolve) => {
		execFile(
			join(projectRoot, 'node_modules/.bin/astro'),
			['build'],
			{ cwd: projectRoot, env: buildEnvironment({ BROADSHEET_ROOT: root, BROADSHEET_OUT_DIR: outDir, NO_COLOR: '1' }), maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
		);
	});
}

/** The lines naming problems, as both commands print them. */
const problemLines = (output: string) => output.split('\n').filter((line) => line.startsWith('  content/') || line.startsWith('Broadsheet found'));

let root: string;
beforeAll(async () => {
	root = await copySampleSite('broadsheet-astro-build-');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('astro build runs the same pipeline as npm run build (the broadsheet() integration)', () => {
	it('publishes the same validated site: search index, font subset, cards, sitemaps, feeds', async () => {
		const astro = await astroBuild(root, join(root, 'dist-astro'));
		expect(astro.code, astro.stderr).toBe(0);
		const npm = await buildSite(root, join(root, 'dist-npm'));
		expect(npm.code, npm.stderr).toBe(0);
		const [fromAstro, fromNpm] = await Promise.all([hashFiles(join(root, 'dist-astro')), hashFiles(join(root, 'dist-npm'))]);
		expect(hashDifferences(fromAstro, fromNpm)).toEqual([]);
		for (const file of ['pagefind/pagefind.js', 'sitemap-index.xml', 'feeds/all.xml', 'og/2024-09-18/erqi-louyuan-zhili.png']) expect(fromAstro.has(file), file).toBe(true);
		expect([...fromAstro.keys()].some((file) => /^_astro\/.*\.woff2$/.test(file) || /headline-[0-9a-f]+\.woff2$/.test(file))).toBe(true);
	});

	it('fails on bad content with the same message as npm run build, and leaves the published site as it was', async () => {
		const before = await hashFiles(join(root, 'dist-astro'));
		await editFile(root, 'content/2024-09-18/erqi-louyuan-zhili.mdx', (text) => text.replace(/^page: \d+$/m, 'page: 7'));
		const astro = await astroBuild(root, join(root, 'dist-astro'));
		const npm = await buildSite(root, join(root, 'dist-npm'));
		expect(astro.code).toBe(1);
		expect(npm.code).toBe(1);
		expect(problemLines(npm.stderr)).toHaveLength(2);
		expect(problemLines(astro.stdout + astro.stderr)).toEqual(problemLines(npm.stderr));
		// The problems are the whole report: Astro does not add that a hook failed.
		for (const output of [npm.stdout + npm.stderr, astro.stdout + astro.stderr]) expect(output).not.toMatch(/\[ERROR\]|unhandled error/);
		expect(hashDifferences(before, await hashFiles(join(root, 'dist-astro')))).toEqual([]);
	});
});
