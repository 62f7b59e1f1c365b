import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readSiteAddress, type SiteAddress } from '../../../src/tools/built-site.ts';
import { checkLinks, formatBrokenLinks, type LinkReport } from '../../helpers/link-check.ts';
import { builtPhotoSiteUnderPaper } from '../../helpers/shared-site.ts';
import { serveStatic } from '../../helpers/static-server.ts';

const fixtures: string[] = [];
afterAll(async () => {
	for (const root of fixtures) await rm(root, { recursive: true, force: true });
});

/** Requests every internal address the site refers to from a static host serving it, and lists those that fail. */
async function unreachable(dist: string, site: SiteAddress, report: LinkReport): Promise<string[]> {
	const server = await serveStatic(dist, site.base);
	try {
		const failures: string[] = [];
		for (const address of report.internal) {
			const url = new URL(address);
			const response = await fetch(new URL(`${url.pathname}${url.search}`, server.url));
			await response.arrayBuffer();
			if (response.status !== 200) failures.push(`${address} → ${response.status}`);
		}
		return failures;
	} finally {
		await server.close();
	}
}

describe('the link checker', () => {
	let dist: string;
	let report: LinkReport;

	beforeAll(async () => {
		// A site built for /paper/: its files sit at the top of the folder.
		dist = await mkdtemp(join(tmpdir(), 'broadsheet-links-'));
		fixtures.push(dist);
		await mkdir(join(dist, 'a'));
		await writeFile(join(dist, 'a/index.html'), '<!doctype html><h1 id="top-story">A</h1>');
		await writeFile(join(dist, 'a.png'), '');
		await writeFile(join(dist, 'style.css'), '@font-face { src: url(font.woff2) format("woff2"); } body { background: url("bg.png"); }');
		await writeFile(
			join(dist, 'index.html'),
			`<!doctype html><html><head>
				<link rel="canonical" href="https://example.org/paper/">
				<link rel="stylesheet" href="/paper/style.css">
			</head><body id="main">
				<a href="#main">ok</a> <a href="a/#top-story">ok</a> <a href="https://example.org/paper/a/">ok</a>
				<a href="https://elsewhere.example/">external</a> <a href="mailto:desk@example.org">mail</a>
				<a href="#nowhere">x</a> <a href="a/#gone">x</a> <a href="/a/">x</a> <a href="a">x</a> <a href="https://example.org/paper/b/">x</a>
				<img srcset="/paper/a.png 360w, /paper/missing-720.png 720w" alt="">
			</body></html>`,
		);
		report = await checkLinks(dist, { origin: 'https://example.org', base: '/paper/' });
	});

	it('reports every broken reference and nothing else', () => {
		expect(report.broken.map((link) => `${link.url}: ${link.reason}`).sort()).toEqual(
			[
				'#nowhere: no element with id "nowhere" on index.html',
				'a/#gone: no element with id "gone" on a/index.html',
				'/a/: outside the base path /paper/',
				'a: a folder without its trailing slash',
				'https://example.org/paper/b/: no such file',
				'/paper/missing-720.png: no such file',
				'font.woff2: no such file',
				'bg.png: no such file',
			].sort(),
		);
	});

	it('says which file each broken reference is in', () => {
		expect(formatBrokenLinks(report.broken)).toMatch(/^index\.html\n  #nowhere {2}\(<a href>\) {2}no element/);
		expect(formatBrokenLinks(report.broken)).toContain('style.css\n  font.woff2  (css @font-face url())  no such file');
	});
});

describe('links in the built sample', () => {
	const dist = inject('sampleDist');
	const site = readSiteAddress(dist);
	let report: LinkReport;

	beforeAll(async () => {
		report = await checkLinks(dist, site);
	});

	it('is read as served at https://example.org/', () => {
		expect(site).toEqual({ origin: 'https://example.org', base: '/' });
	});

	it('every link, asset, feed and download of every page, stylesheet, feed and sitemap resolves', () => {
		expect(formatBrokenLinks(report.broken)).toBe('');
		// Canonical URLs, feeds and sitemaps were followed to files, not skipped as external.
		expect(report.internal).toContain('https://example.org/');
		expect(report.counts.get('sitemap-index.xml')).toBeGreaterThan(0);
	});

	it('every address the site refers to is served with status 200', async () => {
		expect(await unreachable(dist, site, report)).toEqual([]);
	});
});

describe('links in a build under /paper/', () => {
	let dist: string;
	let site: SiteAddress;
	let report: LinkReport;

	beforeAll(async () => {
		// A photo, so the srcsets of Astro's image service are followed under the base path too.
		({ dist } = await builtPhotoSiteUnderPaper());
		site = readSiteAddress(dist);
		report = await checkLinks(dist, site);
	});

	it('is read as served at https://example.org/paper/', () => {
		expect(site).toEqual({ origin: 'https://example.org', base: '/paper/' });
	});

	it('every link, asset, srcset candidate, feed and download resolves under /paper/', () => {
		expect(formatBrokenLinks(report.broken)).toBe('');
		expect([...report.internal].filter((address) => /\.avif$/.test(address)).length).toBeGreaterThanOrEqual(3);
	});

	it('every address the site refers to is served with status 200 under /paper/', async () => {
		expect(await unreachable(dist, site, report)).toEqual([]);
	});
});
