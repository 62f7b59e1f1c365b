import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { hashFiles } from '../../helpers/file-hashes.ts';
import { builtPhotoSiteUnderPaper, copySharedSite, PAPER } from '../../helpers/shared-site.ts';
import { buildSite, editFile } from '../../helpers/site-fixture.ts';

const dist = inject('sampleDist');
const page = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');
/** The text a reader sees: tags dropped, entities decoded for the characters the sample uses. */
const visibleText = (html: string) =>
	html
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

const hashTree = async (folder: string) => JSON.stringify([...(await hashFiles(folder))].sort());

const fixtures: string[] = [];
afterAll(async () => {
	for (const root of fixtures) await rm(root, { recursive: true, force: true });
});

describe('the built sample edition', () => {
	it('has the front page, edition, page, article, dataset, archive and 404 pages', async () => {
		for (const path of [
			'',
			'2024-09-18',
			'2024-09-18/05',
			'2024-09-18/05/erqi-louyuan-zhili',
			'2024-09-18/05/zhongmou-zhongqiu-lvyou',
			'2024-09-18/05/xingyang-zhongqiu-lvyou',
			'2024-09-18/05/zhongyuan-zhengwu-fuwu',
			'data',
			'data/erqi-governance',
			'data/mid-autumn-tourism-2024',
			'data/zhongyuan-government-services',
			'archive',
		]) {
			expect(existsSync(join(dist, path, 'index.html')), path).toBe(true);
		}
		expect(existsSync(join(dist, '404.html'))).toBe(true);
	});

	it('front page shows the edition date with its weekday, the page list and the lead stories', async () => {
		const text = visibleText(await page(''));
		expect(text).toContain('2024年9月18日 星期三');
		expect(text).toContain('第05版：区县新闻');
		expect(text).toContain('靶向施策提升楼院治理水平');
		expect(text).toContain('二七区723个楼院实现“三类组织”全覆盖');
		expect(text).toContain('示例假定');
	});

	it('article page shows kicker, headline, byline, section headings, caption and citation line verbatim', async () => {
		const html = await page('2024-09-18/05/erqi-louyuan-zhili');
		const text = visibleText(html);
		for (const expected of [
			'靶向施策提升楼院治理水平',
			'二七区723个楼院实现“三类组织”全覆盖',
			'建强组织 筑牢治理“主阵地”',
			'织密网格 畅通治理“大动脉”',
			'汇聚力量 激发治理“活细胞”',
			'建章立制 激活自治“内动力”',
			'福华街街道七一三社区为老人庆生',
			'做到楼院事网格办、有问题网格解。',
			'《示例日报》（2024年9月18日 05版）',
			'占位图',
		]) {
			expect(text).toContain(expected);
		}
		// Each name is an element of its own, so that it never breaks across lines.
		expect(html.replace(/<[^>]+>/g, '')).toContain('记者 刘伟平 朱翔宇 通讯员 卢博 王焱 文/图');
		expect(html).toMatch(/<html lang="zh-CN"/);
		// The sample gives no time of publication: the date alone.
		expect(html).toContain('发布 <time datetime="2024-09-18">2024年9月18日</time>');
		// The only script is JSON-LD data, which browsers do not run.
		expect(html.match(/<script(?! type="application\/ld\+json")/g)).toBeNull();
	});

	it('tourism stories carry their column and dateline with the byline in brackets, run into the first paragraph', async () => {
		// Inline elements (the dateline, each name) taken out: the text as it reads.
		const text = (await page('2024-09-18/05/zhongmou-zhongqiu-lvyou')).replace(/<[^>]+>/g, '');
		expect(text).toContain('文旅看台');
		expect(text).toContain('本报讯（记者 张朝晖 通讯员 韩梦 许莉萍 徐少杰）中牟县智慧旅游大数据监测');
		expect((await page('2024-09-18/05/xingyang-zhongqiu-lvyou')).replace(/<[^>]+>/g, '')).toContain('本报讯（记者 史治国）今年中秋假期');
	});

	it('article pages link to the previous and next story of the edition', async () => {
		const html = await page('2024-09-18/05/zhongmou-zhongqiu-lvyou');
		expect(html).toMatch(/href="\/2024-09-18\/05\/erqi-louyuan-zhili\/" rel="prev"/);
		expect(html).toMatch(/href="\/2024-09-18\/05\/xingyang-zhongqiu-lvyou\/" rel="next"/);
	});

	it('dataset page lists every figure with its printed form and a link to its story', async () => {
		const html = await page('data/mid-autumn-tourism-2024');
		const text = visibleText(html);
		expect(text).toContain('40.389万人次');
		expect(text).toContain('3440.67万元');
		expect(text).toContain('近30万人次');
		expect(html).toContain('href="/2024-09-18/05/xingyang-zhongqiu-lvyou/"');
	});

	it('archive lists the edition by date', async () => {
		expect(visibleText(await page('archive'))).toContain('2024年9月18日 星期三');
	});

	it('loads JavaScript on the search page only', async () => {
		const pages = (await readdir(dist, { recursive: true })).map(String).filter((file) => file.endsWith('.html'));
		const withScripts: string[] = [];
		for (const file of pages) {
			const html = await readFile(join(dist, file), 'utf8');
			if (/<script(?! type="application\/ld\+json")/.test(html)) withScripts.push(file);
		}
		expect(withScripts).toEqual(['search/index.html']);
	});
});

describe('building', () => {
	it('a site built under a sub-path links every page and asset under it', async () => {
		const { root } = await builtPhotoSiteUnderPaper();
		const html = await readFile(join(root, 'dist/2024-09-18/05/erqi-louyuan-zhili/index.html'), 'utf8');
		const urls = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((match) => match[1]).filter((url) => url.startsWith('/'));
		expect(urls.length).toBeGreaterThan(5);
		for (const url of urls) expect(url).toMatch(/^\/paper\//);
		expect(html).toContain('<link rel="canonical" href="https://example.org/paper/2024-09-18/05/erqi-louyuan-zhili/">');
		expect(html).toContain('"image":["https://example.org/paper/og/2024-09-18/erqi-louyuan-zhili.png"]');

		// Feeds, sitemaps and robots.txt point under the sub-path too.
		for (const file of ['feeds/all.xml', 'sitemap-0.xml', 'news-sitemap.xml', 'robots.txt']) {
			const text = await readFile(join(root, 'dist', file), 'utf8');
			const links = [...text.matchAll(/https:\/\/example\.org[^\s<"]*/g)].map((match) => match[0]);
			expect(links.length, file).toBeGreaterThan(0);
			for (const link of links) expect(link, file).toMatch(/^https:\/\/example\.org\/paper\//);
		}
		expect(existsSync(join(root, 'dist/pagefind/pagefind.js'))).toBe(true);
		const search = await readFile(join(root, 'dist/search/index.html'), 'utf8');
		expect(search).toContain('data-pagefind="/paper/pagefind/pagefind.js"');
	});

	it('an invalid story fails the build naming file and field, and leaves the last good site untouched', async () => {
		const { root, dist: outDir } = await copySharedSite(await builtPhotoSiteUnderPaper(), 'broadsheet-build-invalid-');
		fixtures.push(root);
		const before = await hashTree(outDir);

		await editFile(root, 'content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx', (text) => text.replace('page: 5', 'page: 9'));
		const result = await buildSite(root, outDir, PAPER);
		expect(result.code).not.toBe(0);
		expect(result.stderr).toContain('content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:3  page  received 9');
		expect(await hashTree(outDir)).toBe(before);
		expect(existsSync(`${outDir}.staging`)).toBe(false);
	});

	it('a story that breaks while Astro renders it fails the build and leaves the last good site untouched', async () => {
		const { root, dist: outDir } = await copySharedSite(await builtPhotoSiteUnderPaper(), 'broadsheet-build-render-');
		fixtures.push(root);
		const before = await hashTree(outDir);

		// Valid MDX that only fails at render time: a component that was never provided.
		await editFile(root, 'content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx', (text) => `${text}\n<NoSuchComponent />\n`);
		const result = await buildSite(root, outDir, PAPER);
		expect(result.code).not.toBe(0);
		expect(`${result.stdout}${result.stderr}`).toContain('NoSuchComponent');
		expect(await hashTree(outDir)).toBe(before);
	});

	it('a story with a photo gets responsive images with its alt text through Astro’s image service', async () => {
		const { dist: outDir } = await builtPhotoSiteUnderPaper();
		const html = await readFile(join(outDir, '2024-09-18/05/erqi-louyuan-zhili/index.html'), 'utf8');
		expect(html).toContain('<picture>');
		expect(html).toMatch(/<source srcset="[^"]+ 360w,[^"]+ 720w,[^"]+ 1080w" type="image\/avif"/);
		expect(html).toMatch(/<img[^>]+alt="测试用的纯色图片"/);
		expect(html).toContain('福华街街道七一三社区为老人庆生');
		expect(html).not.toContain('占位图');
		const images = (await readdir(join(outDir, '_astro'))).filter((file) => /\.(avif|webp|jpg)$/.test(file));
		expect(images.length).toBeGreaterThanOrEqual(6);
	});
});
