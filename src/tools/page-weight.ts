/**
 * What each page of a built site costs a reader on a first visit: the bytes of HTML, CSS,
 * JavaScript, fonts and images it loads, raw and gzipped. `scripts/page-weight.ts` prints it, the
 * page-weight gate holds pages to budgets with it, and the benchmark (`bench/run.ts`)
 * reports the mean over a sample of an archive's story pages with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	cssReferences,
	landing,
	listPages,
	pageKind,
	pageReferences,
	pageRoute,
	pageUrl,
	readSiteAddress,
	type PageKind,
	type Reference,
	type SiteAddress,
} from './built-site.ts';

/** The kinds of bytes a page is weighed in. */
export const resourceTypes = ['html', 'css', 'js', 'fonts', 'images'] as const;

/** One of {@link resourceTypes}. */
export type ResourceType = (typeof resourceTypes)[number];

/** Bytes as stored and as sent gzipped. */
export interface Bytes {
	raw: number;
	gzip: number;
}

/** The weight of one page. */
export interface PageWeight {
	/** The page file, relative to dist: `2024-09-18/05/erqi-louyuan-zhili/index.html`. */
	file: string;
	/** Its route below the base path: `2024-09-18/05/erqi-louyuan-zhili/` (`404.html` for the 404 page). */
	route: string;
	kind: PageKind | undefined;
	/** Bytes per type. `js` includes inline scripts (whose bytes are also in `html`). */
	bytes: Record<ResourceType, Bytes>;
	/** Every distinct file the page loads, itself included; inline scripts are not counted again. */
	total: Bytes;
	/** The files loaded, relative to dist, with their type. */
	files: { file: string; type: ResourceType }[];
	/** Scripts the page runs, external and inline: `<script src>` URLs, or `inline (N bytes)`. */
	scripts: string[];
	/** URLs the page loads that are not in dist (the link gate names them; here they weigh nothing). */
	missing: string[];
}

/** An article page's HTML and CSS, gzipped, must fit in this many bytes (60 KB). */
export const articleHtmlCssBudget = 60 * 1024;

/** gzip at zlib's default level, 6: what nginx, Apache and most CDNs use when they compress. */
const gzipSize = (data: Buffer | string) => gzipSync(data).length;

/**
 * Weighs every page of a built site. Each page is a first visit: files it shares with other pages
 * are counted for each of them. For images, the largest candidate of a `srcset` is counted, which
 * a high-density screen downloads; for a `<picture>`, that of its first `<source>`. Fonts are the
 * first `url()` of every `@font-face` in the page's CSS, an upper bound (a browser skips faces the
 * page's text does not use); images from CSS `url()`s are counted the same way. JavaScript is the
 * `<script src>` files and inline scripts, not what modules import at run time (only the search
 * page has any). Fonts and images count raw in the gzip figures: hosts send them as they are.
 */
export async function weighSite(dist: string, site: SiteAddress = readSiteAddress(dist)): Promise<PageWeight[]> {
	const weights = await weighPages(dist, listPages(dist), site);
	return weights.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

/**
 * Weighs some page files of `dist` (relative paths, `2015-01-01/03/slug/index.html`), in the order
 * given, as {@link weighSite} weighs every page: the benchmark weighs a sample of an archive's
 * story pages this way, since weighing 10,000 pages would take longer than building them.
 */
export async function weighPages(dist: string, files: readonly string[], site: SiteAddress = readSiteAddress(dist)): Promise<PageWeight[]> {
	const weights: PageWeight[] = [];
	const cache: FileCache = new Map();
	for (const file of files) weights.push(await weighPage(dist, site, file, cache));
	return weights;
}

/** What one of several pages costs a reader on a first visit, on average. */
export interface MeanWeight {
	/** How many pages the mean is over. */
	pages: number;
	/** Mean bytes per type, rounded to whole bytes. */
	bytes: Record<ResourceType, Bytes>;
	/** Mean bytes of every distinct file a page loads. */
	total: Bytes;
	/** How many of the pages load a file that is not in dist (such a file weighs nothing). */
	pagesWithMissing: number;
}

/** The mean of some page weights: the benchmark's "bytes per story page". */
export function meanWeight(weights: readonly PageWeight[]): MeanWeight {
	const mean = (pick: (weight: PageWeight) => Bytes): Bytes => {
		if (weights.length === 0) return { raw: 0, gzip: 0 };
		const sum = weights.reduce((total, weight) => ({ raw: total.raw + pick(weight).raw, gzip: total.gzip + pick(weight).gzip }), { raw: 0, gzip: 0 });
		return { raw: Math.round(sum.raw / weights.length), gzip: Math.round(sum.gzip / weights.length) };
	};
	return {
		pages: weights.length,
		bytes: Object.fromEntries(resourceTypes.map((type) => [type, mean((weight) => weight.bytes[type])])) as Record<ResourceType, Bytes>,
		total: mean((weight) => weight.total),
		pagesWithMissing: weights.filter((weight) => weight.missing.length > 0).length,
	};
}

/** Files already read and gzipped, by path: pages share their stylesheets and fonts. */
type FileCache = Map<string, Bytes & { text: string }>;

function readBytes(cache: FileCache, dist: string, file: string): Bytes & { text: string } {
	const path = join(dist, file);
	let entry = cache.get(path);
	if (!entry) {
		const data = readFileSync(path);
		// Compressed formats are sent as they are; gzipping them again would only mislead.
		const compressed = /\.(woff2?|avif|webp|jpe?g|png|gif)$/i.test(file);
		entry = { raw: data.length, gzip: compressed ? data.length : gzipSize(data), text: /\.(css|html)$/.test(file) ? data.toString('utf8') : '' };
		cache.set(path, entry);
	}
	return entry;
}

/** Weighs one page file of `dist`. */
export async function weighPage(dist: string, site: SiteAddress, file: string, cache: FileCache = new Map()): Promise<PageWeight> {
	const zero = (): Bytes => ({ raw: 0, gzip: 0 });
	const weight: PageWeight = {
		file,
		route: file === '404.html' ? file : pageRoute(file),
		kind: pageKind(file),
		bytes: { html: zero(), css: zero(), js: zero(), fonts: zero(), images: zero() },
		total: zero(),
		files: [],
		scripts: [],
		missing: [],
	};
	const loaded = new Set<string>();
	const load = (type: ResourceType, target: string) => {
		if (loaded.has(target)) return false;
		loaded.add(target);
		const bytes = readBytes(cache, dist, target);
		weight.bytes[type].raw += bytes.raw;
		weight.bytes[type].gzip += bytes.gzip;
		weight.total.raw += bytes.raw;
		weight.total.gzip += bytes.gzip;
		weight.files.push({ file: target, type });
		return true;
	};
	/** The file a reference lands on, or `undefined` (recorded as missing) when it is not in dist. */
	const resolve = (reference: Reference, from: URL): string | undefined => {
		let url: URL;
		try {
			url = new URL(reference.url, from);
		} catch {
			weight.missing.push(reference.url);
			return undefined;
		}
		const target = landing(dist, site, url);
		if (target.ok === 'external') return undefined;
		if (!target.ok) weight.missing.push(reference.url);
		return target.ok ? target.file : undefined;
	};
	const loadStylesheet = (target: string) => {
		if (!load('css', target)) return;
		weighCss(readBytes(cache, dist, target).text, new URL(`${site.base}${target}`, site.origin));
	};
	const weighCss = (css: string, from: URL) => {
		for (const reference of cssReferences(css)) {
			if (reference.kind === 'other') continue;
			const target = resolve(reference, from);
			if (!target) continue;
			if (reference.kind === 'stylesheet') loadStylesheet(target);
			else load(reference.kind === 'font' ? 'fonts' : 'images', target);
		}
	};

	load('html', file);
	const from = pageUrl(site, file);
	const references = await pageReferences(readBytes(cache, dist, file).text);
	const images = new Map<number, Reference>();
	for (const reference of references) {
		if (reference.kind === 'script' && reference.inline !== undefined) {
			weight.bytes.js.raw += Buffer.byteLength(reference.inline);
			weight.bytes.js.gzip += gzipSize(reference.inline);
			weight.scripts.push(`inline (${Buffer.byteLength(reference.inline)} bytes)`);
			continue;
		}
		if (reference.kind === 'image' && reference.group !== undefined) {
			// One candidate per srcset: the largest, or the first when none says its size.
			const chosen = images.get(reference.group);
			if (!chosen || (reference.size ?? 0) > (chosen.size ?? 0)) images.set(reference.group, reference);
			continue;
		}
		// Links to other pages and files that are only fallbacks are not loaded with the page.
		if (reference.kind === 'other' || reference.kind === 'link') continue;
		const target = resolve(reference, from);
		if (reference.kind === 'script') weight.scripts.push(reference.url);
		if (!target) continue;
		if (reference.kind === 'stylesheet') loadStylesheet(target);
		else load(reference.kind === 'script' ? 'js' : reference.kind === 'font' ? 'fonts' : 'images', target);
	}
	for (const reference of images.values()) {
		const target = resolve(reference, from);
		if (target) load('images', target);
	}
	return weight;
}

const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);

/** `html 12.6 / 3.9 KB, css …, total 68.8 / 60.1 KB`: a mean weight on one line, raw / gzip as in {@link formatPageWeights}. */
export function formatMeanWeight(weight: MeanWeight): string {
	const cell = (bytes: Bytes) => `${kilobytes(bytes.raw)} / ${kilobytes(bytes.gzip)} KB`;
	return [...resourceTypes.map((type) => `${type} ${cell(weight.bytes[type])}`), `total ${cell(weight.total)}`].join(', ');
}

/**
 * The report `node scripts/page-weight.ts` prints: one line per page, each cell `raw / gzip` in KB
 * (1 KB = 1024 bytes), then the pages that run scripts and any file a page loads that is missing.
 */
export function formatPageWeights(weights: PageWeight[]): string {
	const columns = [...resourceTypes, 'total'] as const;
	const cell = (bytes: Bytes) => `${kilobytes(bytes.raw)} / ${kilobytes(bytes.gzip)}`;
	const rows = weights.map((weight) => [
		weight.route === '' ? '(front page)' : weight.route,
		...columns.map((column) => cell(column === 'total' ? weight.total : weight.bytes[column])),
	]);
	const header = ['page', ...columns.map((column) => `${column} KB`)];
	const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index].length)));
	const line = (row: string[]) => row.map((value, index) => (index === 0 ? value.padEnd(widths[index]) : value.padStart(widths[index]))).join('  ');
	const lines = [
		'Page weight of a first visit, raw / gzip (fonts and images count raw in both).',
		'Images: the largest srcset candidate of the <source> or <img> a browser picks. Fonts: every @font-face in the page’s CSS.',
		'',
		line(header),
		...rows.map(line),
	];
	const scripted = weights.filter((weight) => weight.scripts.length > 0);
	if (scripted.length > 0) {
		lines.push('', 'Pages that run JavaScript:', ...scripted.map((weight) => `  ${weight.route || '(front page)'}: ${weight.scripts.join(', ')}`));
	}
	const missing = weights.filter((weight) => weight.missing.length > 0);
	if (missing.length > 0) {
		lines.push('', 'Files pages load that are not in the build:', ...missing.map((weight) => `  ${weight.route || '(front page)'}: ${weight.missing.join(', ')}`));
	}
	return lines.join('\n');
}
