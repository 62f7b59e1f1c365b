/**
 * Counts a built site's pages and weighs its story pages: what a reader downloads for one story,
 * split into HTML, CSS, JavaScript and fonts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes a reader downloads for one story page, averaged over the story pages weighed. */
export interface PageWeight {
	/** Story pages weighed. */
	pages: number;
	html: number;
	css: number;
	js: number;
	fonts: number;
	/** Other files the page links to (images, icons). */
	other: number;
}

/** Every `.html` file under a folder, as paths relative to it. */
export function listHtmlPages(outDir: string): string[] {
	if (!existsSync(outDir)) return [];
	return readdirSync(outDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => join(entry.parentPath, entry.name).slice(outDir.length + 1));
}

/** Tags whose URL a browser fetches to show the page (not `<link rel="alternate">` or `canonical`). */
const FETCHED = /<(?:link\b(?=[^>]*\brel="(?:stylesheet|preload|modulepreload|icon)")|script\b|img\b|source\b)[^>]*?\b(?:href|src|srcset)="([^"]+)"[^>]*>/g;
const CSS_URLS = /url\(\s*['"]?([^'")]+)['"]?\s*\)/g;
const FONT = /\.(woff2?|ttf|otf|eot)(\?|#|$)/;

function classify(path: string): keyof Omit<PageWeight, 'pages'> {
	if (path.endsWith('.css')) return 'css';
	if (/\.m?js$/.test(path)) return 'js';
	if (FONT.test(path)) return 'fonts';
	return 'other';
}

/**
 * Weighs story pages. `pagePaths` are site paths without the base (`2015-01-01/03/slug/`); at most
 * `limit` of them, spread over the list, are weighed. Linked files are counted once per page, as a
 * first visit downloads them; fonts are found through `url()` in the linked and inline CSS.
 */
export function weighPages(outDir: string, pagePaths: readonly string[], limit = 200): PageWeight {
	const weight: PageWeight = { pages: 0, html: 0, css: 0, js: 0, fonts: 0, other: 0 };
	const step = Math.max(1, Math.floor(pagePaths.length / limit));
	const sizes = new Map<string, number>();
	const sizeOf = (file: string): number => {
		let size = sizes.get(file);
		if (size === undefined) {
			size = existsSync(file) ? statSync(file).size : 0;
			sizes.set(file, size);
		}
		return size;
	};
	const local = (url: string): string | undefined => {
		if (/^(https?:|data:|#|mailto:)/.test(url)) return undefined;
		const path = url.split(/[?#]/)[0];
		// Site-absolute paths only: a story page's relative links are to other pages, not assets.
		return path.startsWith('/') && /\.[a-z0-9]+$/i.test(path) ? join(outDir, path) : undefined;
	};
	for (let index = 0; index < pagePaths.length && weight.pages < limit; index += step) {
		const file = join(outDir, pagePaths[index], 'index.html');
		if (!existsSync(file)) continue;
		const html = readFileSync(file, 'utf8');
		weight.pages++;
		weight.html += Buffer.byteLength(html);
		const assets = new Set<string>();
		const css: string[] = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
		for (const [, url] of html.matchAll(FETCHED)) {
			for (const candidate of url.split(',').map((part) => part.trim().split(/\s+/)[0])) {
				const asset = local(candidate);
				if (!asset) continue;
				assets.add(asset);
				if (asset.endsWith('.css') && existsSync(asset)) css.push(readFileSync(asset, 'utf8'));
			}
		}
		for (const text of css) {
			for (const [, url] of text.matchAll(CSS_URLS)) {
				const asset = local(url);
				if (asset) assets.add(asset);
			}
		}
		for (const asset of assets) weight[classify(asset)] += sizeOf(asset);
	}
	if (weight.pages === 0) return weight;
	for (const key of ['html', 'css', 'js', 'fonts', 'other'] as const) weight[key] = Math.round(weight[key] / weight.pages);
	return weight;
}
