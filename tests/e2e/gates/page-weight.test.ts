import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { articleHtmlCssBudget, formatMeanWeight, meanWeight, weighPages, weighSite, type PageWeight } from '../../../src/tools/page-weight.ts';
import { projectRoot } from '../../helpers/site-fixture.ts';

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('page weight of the built sample', () => {
	const dist = inject('sampleDist');
	let weights: PageWeight[];

	beforeAll(async () => {
		weights = await weighSite(dist);
	});

	it('weighs every page with its stylesheet', () => {
		const article = weights.find((weight) => weight.route === '2024-09-18/05/erqi-louyuan-zhili/');
		expect(article?.kind).toBe('article');
		// The budget below means something only if the CSS was found and followed.
		expect(article?.bytes.css.gzip).toBeGreaterThan(1000);
		expect(weights.filter((weight) => weight.missing.length > 0).map((weight) => `${weight.route}: ${weight.missing.join(', ')}`)).toEqual([]);
	});

	it('no page but search runs JavaScript', () => {
		const scripted = weights.filter((weight) => weight.kind !== 'search' && weight.scripts.length > 0);
		expect(scripted.map((weight) => `${weight.route}: ${weight.scripts.join(', ')}`)).toEqual([]);
	});

	it(`every article page's HTML and CSS fit in ${kilobytes(articleHtmlCssBudget)} gzipped`, () => {
		const articles = weights.filter((weight) => weight.kind === 'article');
		expect(articles.length).toBeGreaterThanOrEqual(4);
		const over = articles
			.map((weight) => ({ route: weight.route, gzip: weight.bytes.html.gzip + weight.bytes.css.gzip }))
			.filter((article) => article.gzip > articleHtmlCssBudget);
		expect(over.map((article) => `${article.route}: ${kilobytes(article.gzip)}`)).toEqual([]);
	});

	it('node scripts/page-weight.ts prints a line per page', async () => {
		const { stdout } = await promisify(execFile)(process.execPath, [join(projectRoot, 'scripts/page-weight.ts'), dist]);
		expect(stdout).toMatch(/^2024-09-18\/05\/erqi-louyuan-zhili\/\s+[\d.]+ \/ [\d.]+\s/m);
		expect(stdout).toMatch(/^\(front page\)\s/m);
	});
});

describe('weighSite', () => {
	let dist: string;
	let page: PageWeight;

	beforeAll(async () => {
		dist = await mkdtemp(join(tmpdir(), 'broadsheet-weight-'));
		await mkdir(join(dist, '_astro'));
		const file = (name: string, bytes: number) => writeFile(join(dist, name), 'x'.repeat(bytes));
		await file('_astro/photo-360.avif', 100);
		await file('_astro/photo-720.avif', 700);
		await file('_astro/photo-720.jpg', 5000);
		await file('_astro/font.woff2', 300);
		await file('_astro/font.woff', 900);
		await writeFile(join(dist, '_astro/site.css'), '@font-face { font-family: H; src: url(font.woff2) format("woff2"), url(font.woff) format("woff"); }');
		await writeFile(
			join(dist, 'index.html'),
			`<!doctype html><html><head><link rel="canonical" href="https://example.org/">
			<link rel="stylesheet" href="/_astro/site.css">
			<script type="application/ld+json">{"url": "https://example.org/"}</script></head>
			<body><picture><source srcset="/_astro/photo-360.avif 360w, /_astro/photo-720.avif 720w" type="image/avif">
			<img src="/_astro/photo-720.jpg" alt=""></picture><script>console.log(1)</script></body></html>`,
		);
		[page] = await weighSite(dist);
	});

	afterAll(() => rm(dist, { recursive: true, force: true }));

	it('counts the largest candidate of the <source> a browser picks, not the fallback <img>', () => {
		expect(page.bytes.images.raw).toBe(700);
	});

	it('counts the first font of each @font-face, and the CSS that names it', () => {
		expect(page.bytes.fonts.raw).toBe(300);
		expect(page.bytes.css.raw).toBeGreaterThan(50);
	});

	it('counts inline scripts as JavaScript, and JSON-LD as not', () => {
		expect(page.scripts).toEqual(['inline (14 bytes)']);
		expect(page.bytes.js.raw).toBe(14);
	});
});

describe('weighPages and meanWeight', () => {
	let dist: string;

	beforeAll(async () => {
		dist = await mkdtemp(join(tmpdir(), 'broadsheet-weight-'));
		await mkdir(join(dist, '_astro'));
		await mkdir(join(dist, 'a'));
		await mkdir(join(dist, 'b'));
		await mkdir(join(dist, 'c'));
		await writeFile(join(dist, '_astro/site.css'), 'x'.repeat(1000));
		await writeFile(join(dist, '_astro/chart.png'), 'x'.repeat(600));
		const page = (body: string) => `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`;
		await writeFile(join(dist, 'a/index.html'), page('<img src="/_astro/chart.png" alt="">'));
		await writeFile(join(dist, 'b/index.html'), page(''));
		await writeFile(join(dist, 'c/index.html'), page('<img src="/_astro/gone.png" alt="">'));
	});

	afterAll(() => rm(dist, { recursive: true, force: true }));

	it('weighPages(dist, files) weighs only the files named, in their order', async () => {
		const weights = await weighPages(dist, ['b/index.html', 'a/index.html']);
		expect(weights.map((weight) => weight.route)).toEqual(['b/', 'a/']);
	});

	it('meanWeight(weights) counts a shared stylesheet on every page, as each is a first visit', async () => {
		const mean = meanWeight(await weighPages(dist, ['a/index.html', 'b/index.html']));
		expect(mean.pages).toBe(2);
		expect(mean.bytes.css.raw).toBe(1000);
		expect(mean.bytes.images.raw).toBe(300);
		expect(mean.total.raw).toBe(mean.bytes.html.raw + 1000 + 300);
		expect(mean.pagesWithMissing).toBe(0);
	});

	it('meanWeight(weights) counts the pages that load a file missing from the build', async () => {
		const mean = meanWeight(await weighPages(dist, ['a/index.html', 'c/index.html']));
		expect(mean.pagesWithMissing).toBe(1);
		expect(mean.bytes.images.raw).toBe(300);
	});

	it('formatMeanWeight(mean) prints every type raw / gzip in KB', async () => {
		const mean = meanWeight(await weighPages(dist, ['a/index.html', 'b/index.html']));
		expect(formatMeanWeight(mean)).toMatch(/^html [\d.]+ \/ [\d.]+ KB, css 1\.0 \/ 0\.0 KB, js 0\.0 \/ 0\.0 KB, fonts 0\.0 \/ 0\.0 KB, images 0\.3 \/ 0\.3 KB, total [\d.]+ \/ [\d.]+ KB$/);
	});

	it('meanWeight([]) is zero pages of zero bytes', () => {
		expect(meanWeight([])).toMatchObject({ pages: 0, total: { raw: 0, gzip: 0 }, pagesWithMissing: 0 });
	});
});
