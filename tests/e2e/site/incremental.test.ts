import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDifferences, hashFiles } from '../../helpers/file-hashes.ts';
import { buildSite, copySampleSite, editFile } from '../../helpers/site-fixture.ts';

/**
 * Incremental builds (experimental.incrementalBuild with a cacheKey per page, into a work folder
 * kept between builds): after an edit, a rebuild renders what the edit shows on, keeps the rest,
 * and publishes what changed. A key that misses something would publish a stale page; these edits
 * each reach pages other than their own, and the site they leave is the one a fresh build makes.
 */

const EDITION = '2024-09-18';
const ERQI = `content/${EDITION}/erqi-louyuan-zhili.mdx`;
const XINGYANG = `content/${EDITION}/xingyang-zhongqiu-lvyou.mdx`;
const ZHONGYUAN = `content/${EDITION}/zhongyuan-zhengwu-fuwu.mdx`;
const page = (path: string) => join(out, path, 'index.html');

let root: string;
let out: string;

async function rebuild(): Promise<{ stdout: string; changed: string[] }> {
	const before = await hashFiles(out);
	const result = await buildSite(root, out);
	expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
	// "differs: 2024-09-18/index.html" → "2024-09-18/index.html"
	return { stdout: result.stdout, changed: hashDifferences(before, await hashFiles(out)).map((line) => line.replace(/^[^:]+: /, '')) };
}

beforeAll(async () => {
	root = await copySampleSite('broadsheet-incremental-');
	out = join(root, 'dist');
	const first = await buildSite(root, out);
	expect(first.code, `${first.stdout}\n${first.stderr}`).toBe(0);
}, 300_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a rebuild after an edit', () => {
	it('with nothing changed keeps every page of the last build and publishes the same site', async () => {
		const { stdout, changed } = await rebuild();
		expect(stdout).toMatch(/✓ Rendered \d+ files?; \d+ unchanged since the last build \(/);
		expect(stdout).toMatch(/✓ Published: \d+ files? copied \(/);
		expect(changed).toEqual([]);
	}, 300_000);

	it('after a correction to one story’s text renders that story’s page, not its neighbours', async () => {
		await editFile(root, ERQI, (text) => `${text.trimEnd()}本段为测试增补。\n`);
		const { changed } = await rebuild();
		expect(await readFile(page(`${EDITION}/05/erqi-louyuan-zhili`), 'utf8')).toContain('本段为测试增补。');
		const pages = changed.filter((file) => file.endsWith('.html'));
		expect(pages).toContain(`${EDITION}/05/erqi-louyuan-zhili/index.html`);
		expect(pages).not.toContain(`${EDITION}/05/xingyang-zhongqiu-lvyou/index.html`);
		expect(pages).not.toContain(`${EDITION}/index.html`);
	}, 300_000);

	it('after a headline changes shows it on the edition, its page, the feeds and the neighbouring stories', async () => {
		await editFile(root, XINGYANG, (text) => text.replace(/^headline: .*$/m, 'headline: 中秋假期荥阳接待游客 测试标题'));
		const { changed } = await rebuild();
		// The story's social card shows the headline too.
		expect(changed).toContain(`og/${EDITION}/xingyang-zhongqiu-lvyou.png`);
		for (const path of [EDITION, `${EDITION}/05`, `${EDITION}/05/zhongmou-zhongqiu-lvyou`, `${EDITION}/05/erqi-louyuan-zhili`]) {
			expect(await readFile(page(path), 'utf8'), path).toContain('中秋假期荥阳接待游客 测试标题');
		}
		expect(await readFile(join(out, 'feeds/all.xml'), 'utf8')).toContain('中秋假期荥阳接待游客 测试标题');
	}, 300_000);

	it('after a dataset changes shows it on the stories that use it and on its own page', async () => {
		await editFile(root, 'data/mid-autumn-tourism-2024.json', (text) => text.replace(/"title": "[^"]*"/, '"title": "测试数据集标题"'));
		await rebuild();
		for (const path of [`${EDITION}/05/xingyang-zhongqiu-lvyou`, 'data/mid-autumn-tourism-2024', 'data']) {
			expect(await readFile(page(path), 'utf8'), path).toContain('测试数据集标题');
		}
	}, 300_000);

	it('after the site is renamed shows the new name on every page', async () => {
		await editFile(root, 'site.config.json', (text) => text.replace(/"name": "[^"]*"/, '"name": "测试晚报"'));
		await rebuild();
		for (const path of ['', EDITION, `${EDITION}/05`, `${EDITION}/05/erqi-louyuan-zhili`, 'data/mid-autumn-tourism-2024']) {
			expect(await readFile(page(path), 'utf8'), path || '/').toContain('测试晚报');
		}
	}, 300_000);

	it('after a story is taken back to draft removes its page, its card, its dataset’s page and their folders from the published site', async () => {
		await editFile(root, ZHONGYUAN, (text) => text.replace(/^publishedAt: .*$/m, (line) => `${line}\ndraft: true`));
		const { changed } = await rebuild();
		expect(changed).toContain(`${EDITION}/05/zhongyuan-zhengwu-fuwu/index.html`);
		// Its dataset serves no other story: the dataset is not published either.
		for (const gone of [`${EDITION}/05/zhongyuan-zhengwu-fuwu`, `og/${EDITION}/zhongyuan-zhengwu-fuwu.png`, 'data/zhongyuan-government-services']) {
			expect(existsSync(join(out, gone)), gone).toBe(false);
		}
		expect(await readFile(join(out, 'sitemap-0.xml'), 'utf8')).not.toContain('zhongyuan-zhengwu-fuwu');
	}, 300_000);

	it('after a correction shows it on the story, the 更正 page and the corrections feed', async () => {
		await editFile(root, ERQI, (text) => text.replace(/^publishedAt: .*$/m, (line) => `${line}\ncorrections:\n  - date: "2024-09-20T09:00:00+08:00"\n    text: 测试用更正。`));
		const { changed } = await rebuild();
		expect(changed).toEqual(expect.arrayContaining([`${EDITION}/05/erqi-louyuan-zhili/index.html`, 'corrections/index.html', 'feeds/corrections.xml']));
		for (const path of [`${EDITION}/05/erqi-louyuan-zhili`, 'corrections']) expect(await readFile(page(path), 'utf8'), path).toContain('测试用更正。');
		expect(await readFile(join(out, 'feeds/corrections.xml'), 'utf8')).toContain('测试用更正。');
	}, 300_000);

	it('after all these edits publishes the site a build from nothing makes of the same content', async () => {
		const fresh = await mkdtemp(join(tmpdir(), 'broadsheet-incremental-fresh-'));
		try {
			for (const name of ['site.config.json', 'content', 'data']) await cp(join(root, name), join(fresh, name), { recursive: true });
			const result = await buildSite(fresh, join(fresh, 'dist'));
			expect(result.code, result.stderr).toBe(0);
			// The search index differs by design: corrections are indexed in a part of their own.
			const site = async (folder: string) => new Map([...(await hashFiles(folder))].filter(([file]) => !file.startsWith('pagefind/')));
			expect(hashDifferences(await site(out), await site(join(fresh, 'dist')))).toEqual([]);
		} finally {
			await rm(fresh, { recursive: true, force: true });
		}
	}, 300_000);
});
