import fs, { existsSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDifferences, hashFiles } from '../../helpers/file-hashes.ts';
import { builtPhotoSiteUnderPaper, copyBuiltSample, PAPER } from '../../helpers/shared-site.ts';
import { buildSite, copySampleSiteWithPhoto, editFile, startBuild } from '../../helpers/site-fixture.ts';

const fixtures: string[] = [];

/** Makes a build stop itself once it has written a given page (see the module). */
const STOP_AT_PAGE = fileURLToPath(new URL('../../helpers/stop-at-page.ts', import.meta.url));

/** Whether the process is stopped (SIGSTOP), from its state in /proc. */
const stopped = (pid: number) => readFile(`/proc/${pid}/stat`, 'utf8').then((stat) => stat.slice(stat.lastIndexOf(')') + 2).startsWith('T'), () => false);
afterAll(async () => {
	for (const root of fixtures) await rm(root, { recursive: true, force: true });
});

/** A copy of the sample with a photo, so Astro's image service (AVIF, WebP, JPEG) is in the output too. */
async function sampleWithPhoto(): Promise<string> {
	const root = await copySampleSiteWithPhoto();
	fixtures.push(root);
	return root;
}

describe('deterministic builds', () => {
	it('the same site built twice, from two folders, is byte-identical file by file', async () => {
		// The run's build of the sample with a photo under /paper/, and another one here.
		const shared = await builtPhotoSiteUnderPaper();
		const root = await sampleWithPhoto();
		const result = await buildSite(root, join(root, 'dist'), PAPER);
		expect(result.code, result.stderr).toBe(0);
		const [first, second] = await Promise.all([shared.dist, join(root, 'dist')].map((dist) => hashFiles(dist)));
		expect([...first.keys()].filter((file) => file.endsWith('.avif')).length).toBeGreaterThanOrEqual(3);
		expect(hashDifferences(first, second)).toEqual([]);
	});
});

describe('atomic builds', () => {
	let root: string;
	let outDir: string;
	let good: Map<string, string>;

	beforeAll(async () => {
		// The sample as the run's global setup built it: the last good site, with its caches.
		({ root, dist: outDir } = await copyBuiltSample('broadsheet-atomic-'));
		fixtures.push(root);
		good = await hashFiles(outDir);
	});

	it('a build killed while it writes pages leaves dist/ byte-identical, and a build of the content as it was publishes the same site', async () => {
		// A new name shows on every page, so the build writes every page again.
		const renamed = (text: string) => text.replace(/"name": "[^"]*"/, '"name": "测试晚报"');
		const config = await readFile(join(root, 'site.config.json'), 'utf8');
		await editFile(root, 'site.config.json', renamed);
		// The build stops itself once it has written a page with the new name into the work folder,
		// where Astro builds (tests/helpers/stop-at-page.ts), and is killed there.
		const build = startBuild(root, outDir, { NODE_OPTIONS: `--import=${STOP_AT_PAGE}`, BROADSHEET_TEST_STOP_AT: '测试晚报' });
		const exited = once(build, 'exit');
		while (build.exitCode === null && !(await stopped(build.pid!))) await sleep(5);
		build.kill('SIGKILL');
		const [, signal] = await exited;
		expect(signal, 'the build ended before it wrote the front page, so it could not be killed part-way').toBe('SIGKILL');
		expect(hashDifferences(good, await hashFiles(outDir))).toEqual([]);

		// Back to the content of the good site: the pages the killed build wrote must not be taken
		// for the good site's, which Astro's record of the last build still describes.
		await writeFile(join(root, 'site.config.json'), config);
		const result = await buildSite(root, outDir);
		expect(result.code, result.stderr).toBe(0);
		expect(hashDifferences(good, await hashFiles(outDir))).toEqual([]);
		expect(existsSync(`${outDir}.staging`)).toBe(false);
	});

	it('a build started at once after builds the content check stopped publishes the content as it is now', async () => {
		// The first break is valid to the dataset schema (the check refuses it), the second no longer
		// parses. The check stops both builds before Astro's loaders run, so neither leaves Astro a
		// store to save; the next test reaches a build that fails once they have.
		const TOURISM = 'data/mid-autumn-tourism-2024.json';
		const pristine = await readFile(join(root, TOURISM), 'utf8');
		const breaks = [
			pristine.replace(/"xingyang-revenue",\n(\s*)"xingyang-visitors"\n/, '"xingyang-revenue",\n$1"xingyang-guests"\n'),
			pristine.replace('"place": "中牟县",\n      "metric": "visitors"', '"metric": "visitors"'),
		];
		for (const broken of breaks) expect(broken).not.toBe(pristine);
		for (let round = 0; round < 2; round++) {
			for (const broken of breaks) {
				await writeFile(join(root, TOURISM), broken);
				expect((await buildSite(root, outDir)).code).not.toBe(0);
			}
			await writeFile(join(root, TOURISM), pristine);
			const result = await buildSite(root, outDir);
			expect(result.code, result.stderr).toBe(0);
		}
		expect(hashDifferences(good, await hashFiles(outDir))).toEqual([]);
	});

	it('a build started at once after one that failed once Astro had loaded changed content publishes the content as it is now', async () => {
		// A story the check passes but this thread cannot read (a disk error, say): the loaders load the
		// other edited story into Astro's store and the build stops once the load is over. The next
		// build, started at once, must render the story as it is again, not as the failed build's store
		// and kept compilations hold it. The check reads in a thread of its own, which this does not touch.
		const EDITED = 'content/2024-09-18/erqi-louyuan-zhili.mdx';
		const UNREADABLE = 'content/2024-09-18/zhongmou-zhongqiu-lvyou.mdx';
		const pristine = await readFile(join(root, EDITED), 'utf8');
		const edited = pristine.replace(/(\n\n)([^\n<>{}#-])/, '$1这句话只在失败的构建里。$2');
		expect(edited).not.toBe(pristine);
		await writeFile(join(root, EDITED), edited);
		await editFile(root, UNREADABLE, (text) => `${text}\n`);
		const read = fs.readFileSync;
		fs.readFileSync = ((path: Parameters<typeof read>[0], ...rest: unknown[]) => {
			if (String(path).endsWith(UNREADABLE)) throw Object.assign(new Error(`EIO: i/o error, read '${String(path)}'`), { code: 'EIO' });
			return (read as (...args: unknown[]) => unknown)(path, ...rest);
		}) as typeof read;
		syncBuiltinESMExports();
		const failed = await buildSite(root, outDir).finally(() => {
			fs.readFileSync = read;
			syncBuiltinESMExports();
		});
		expect(failed.code).not.toBe(0);
		expect(failed.stderr).toContain('EIO');
		expect(hashDifferences(good, await hashFiles(outDir))).toEqual([]);

		await writeFile(join(root, EDITED), pristine);
		await editFile(root, UNREADABLE, (text) => text.slice(0, -1));
		const result = await buildSite(root, outDir);
		expect(result.code, result.stderr).toBe(0);
		expect(hashDifferences(good, await hashFiles(outDir))).toEqual([]);
	});

	it('a build killed between moving dist/ aside and moving the new site in is undone by the next build, even one that fails', async () => {
		// What a kill between the two renames of the swap leaves: no dist/, the last good site in
		// dist.previous, and a new site in dist.staging. It cannot be hit reliably by a real kill.
		await rename(outDir, `${outDir}.previous`);
		await mkdir(`${outDir}.staging`);
		await writeFile(`${outDir}.staging/index.html`, '<!doctype html><title>half a site</title>');
		await editFile(root, 'content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx', (text) => text.replace('page: 5', 'page: 9'));

		const result = await buildSite(root, outDir);
		expect(result.code).not.toBe(0);
		expect(hashDifferences(good, await hashFiles(outDir))).toEqual([]);
		expect(existsSync(`${outDir}.previous`)).toBe(false);
		expect(existsSync(`${outDir}.staging`)).toBe(false);
	});
});
