/**
 * Reading a built site (`dist/`) the way a browser and a static host see it: which files are pages,
 * at which address each is served, what every page and stylesheet refers to, and which file of the
 * folder an address lands on. The link gate and the page-weight report share it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { HtmlValidate, Parser, type HtmlElement } from 'html-validate';

/** Where a built site is served: the origin of its canonical URLs and the base path. */
export interface SiteAddress {
	/** `https://example.org` */
	origin: string;
	/** `/` or `/paper/`, always with both slashes. */
	base: string;
}

/** What a reference is for, which decides how a page weighs it and how the link gate words it. */
export type ReferenceKind = 'link' | 'stylesheet' | 'script' | 'image' | 'font' | 'other';

/** One URL a page or stylesheet refers to. */
export interface Reference {
	/** The URL as written. */
	url: string;
	kind: ReferenceKind;
	/** Where it was found, for messages: `<img srcset>`, `css url()`, `JSON-LD`. */
	source: string;
	/** A srcset candidate's descriptor width or density (`720` for `720w`), to pick the largest. */
	size?: number;
	/** Set on `<source>`/`<img>` candidates: the candidates of one element share a group. */
	group?: number;
	/** An inline script's text; `url` is then empty and nothing is fetched. */
	inline?: string;
}

/** Every file under `dist`, as `/`-separated paths relative to it, sorted. */
export function listFiles(dist: string): string[] {
	return readdirSync(dist, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(dist.length + 1).split(sep).join('/'))
		.sort();
}

/** The HTML pages under `dist`. */
export const listPages = (dist: string): string[] => listFiles(dist).filter((file) => file.endsWith('.html'));

/**
 * The address a page file is served at, relative to the base: `2024-09-18/index.html` is
 * `2024-09-18/`. The 404 page is served for any unknown address, so it gets a deep made-up one:
 * a relative link on it that only works from the site root is then caught as broken.
 */
export function pageRoute(file: string): string {
	if (file === '404.html') return 'no/such/page/';
	if (file === 'index.html') return '';
	return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** The page types a reader meets; anything else is named by its own route. */
export type PageKind = 'front' | 'edition' | 'page' | 'article' | 'dataset' | 'data index' | 'archive' | 'corrections' | 'corrections policy' | 'search' | '404';

/** Which page type a page file is, from its route; `undefined` for a page of no known type. */
export function pageKind(file: string): PageKind | undefined {
	if (file === '404.html') return '404';
	const route = pageRoute(file);
	if (route === '') return 'front';
	if (/^\d{4}-\d{2}-\d{2}\/$/.test(route)) return 'edition';
	if (/^\d{4}-\d{2}-\d{2}\/\d{2}\/$/.test(route)) return 'page';
	if (/^\d{4}-\d{2}-\d{2}\/\d{2}\/[^/]+\/$/.test(route)) return 'article';
	// Every page of the list of datasets is one type, as is every year and every month of the archive.
	if (route === 'data/' || /^data\/page\/\d+\/$/.test(route)) return 'data index';
	if (/^data\/[^/]+\/$/.test(route)) return 'dataset';
	if (route === 'archive/' || /^archive\/\d{4}\/(\d{2}\/)?$/.test(route)) return 'archive';
	if (route === 'corrections/') return 'corrections';
	if (route === 'corrections/policy/') return 'corrections policy';
	if (route.startsWith('search/')) return 'search';
	return undefined;
}

/**
 * The origin and base path a site was built for, read from the front page's canonical link (the
 * build writes `https://example.org/paper/` there under `BROADSHEET_BASE=/paper/`).
 */
export function readSiteAddress(dist: string): SiteAddress {
	const front = join(dist, 'index.html');
	const href = existsSync(front) ? /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(front, 'utf8'))?.[1] : undefined;
	if (!href) return { origin: 'https://example.org', base: '/' };
	const url = new URL(href);
	return { origin: url.origin, base: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/` };
}

/** The absolute URL a page file is served at. */
export const pageUrl = (site: SiteAddress, file: string): URL => new URL(`${site.base}${pageRoute(file)}`, site.origin);

/** What an address of the site lands on in `dist`. */
export type Landing =
	| { ok: true; file: string; fragment: string }
	| { ok: false; reason: string }
	/** Another origin, or a scheme that is not fetched from the site (`mailto:`, `data:`). */
	| { ok: 'external' };

/**
 * The file of `dist` a URL is served from, as a static host serves the site: `dir/` is
 * `dir/index.html`; a folder without its trailing slash is reported, since with
 * `trailingSlash: 'always'` the site never writes one and relative links on the page would break.
 */
export function landing(dist: string, site: SiteAddress, url: URL): Landing {
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: 'external' };
	if (url.origin !== site.origin) return { ok: 'external' };
	let pathname: string;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		return { ok: false, reason: 'the address is not valid percent-encoding' };
	}
	if (!pathname.startsWith(site.base)) return { ok: false, reason: `outside the base path ${site.base}` };
	const rest = pathname.slice(site.base.length);
	if (rest.split('/').includes('..')) return { ok: false, reason: 'climbs out of the site' };
	const file = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
	const path = join(dist, file);
	if (!existsSync(path)) return { ok: false, reason: 'no such file' };
	if (statSync(path).isDirectory()) return { ok: false, reason: 'a folder without its trailing slash' };
	let fragment = '';
	try {
		fragment = decodeURIComponent(url.hash.slice(1));
	} catch {
		return { ok: false, reason: 'the fragment is not valid percent-encoding' };
	}
	return { ok: true, file, fragment };
}

let parserConfig: ReturnType<HtmlValidate['getConfigFor']> | undefined;

/** Parses a page into a DOM with html-validate's HTML5 parser, which the project has already. */
export async function parseHtml(html: string): Promise<HtmlElement> {
	parserConfig ??= new HtmlValidate({ extends: [], elements: ['html5'] }).getConfigFor('page.html');
	return new Parser(await parserConfig).parseHtml(html);
}

/**
 * The candidates of a `srcset`, each with its width or density, split as the HTML standard does:
 * a URL runs to the next whitespace and may contain commas, but a comma ending it ends the candidate.
 */
export function parseSrcset(srcset: string): { url: string; size?: number }[] {
	const candidates: { url: string; size?: number }[] = [];
	let position = 0;
	while (position < srcset.length) {
		while (position < srcset.length && /[\s,]/.test(srcset[position])) position++;
		if (position >= srcset.length) break;
		let end = position;
		while (end < srcset.length && !/\s/.test(srcset[end])) end++;
		let url = srcset.slice(position, end);
		let descriptor = '';
		position = end;
		if (url.endsWith(',')) url = url.replace(/,+$/, '');
		else {
			const comma = srcset.indexOf(',', position);
			const stop = comma === -1 ? srcset.length : comma;
			descriptor = srcset.slice(position, stop).trim();
			position = stop + 1;
		}
		const size = /^(\d+(?:\.\d+)?)[wx]$/.exec(descriptor)?.[1];
		candidates.push({ url, size: size === undefined ? undefined : Number(size) });
	}
	return candidates;
}

const kindOfLink: Record<string, ReferenceKind> = {
	stylesheet: 'stylesheet',
	icon: 'image',
	'apple-touch-icon': 'image',
	modulepreload: 'script',
};
const kindOfPreload: Record<string, ReferenceKind> = { style: 'stylesheet', script: 'script', font: 'font', image: 'image' };
/** Script types a browser runs; anything else (`application/ld+json`) is data. */
const executable = /^(|text\/javascript|application\/javascript|module)$/i;

/** Every URL a page refers to: links, assets, srcset candidates, inline CSS url()s, URLs in JSON-LD and social tags. */
export async function pageReferences(html: string): Promise<Reference[]> {
	const root = await parseHtml(html);
	const references: Reference[] = [];
	const add = (element: HtmlElement, attribute: string, kind: ReferenceKind) => {
		const url = element.getAttributeValue(attribute);
		if (url !== null && url !== '') references.push({ url, kind, source: `<${element.tagName} ${attribute}>` });
	};
	let group = 0;
	/** An image element's candidates; only those of the one a browser picks (`loaded`) are downloaded. */
	const addImage = (element: HtmlElement, loaded: boolean) => {
		const srcset = element.getAttributeValue('srcset');
		group++;
		for (const candidate of parseSrcset(srcset ?? '')) {
			references.push({ ...candidate, kind: loaded ? 'image' : 'other', source: `<${element.tagName} srcset>`, group });
		}
		// With a srcset, `src` is only the fallback for browsers without srcset support.
		add(element, 'src', loaded && !srcset ? 'image' : 'other');
	};
	const links = [['a', 'href'], ['area', 'href'], ['form', 'action'], ['blockquote', 'cite'], ['q', 'cite'], ['iframe', 'src']] as const;
	for (const [tag, attribute] of links) {
		for (const element of root.querySelectorAll(`${tag}[${attribute}]`)) add(element, attribute, 'link');
	}
	for (const element of root.querySelectorAll('link[href]')) {
		const rel = (element.getAttributeValue('rel') ?? '').toLowerCase().split(/\s+/);
		const as = element.getAttributeValue('as') ?? '';
		const kind = rel.includes('preload') ? (kindOfPreload[as] ?? 'other') : (rel.map((name) => kindOfLink[name]).find(Boolean) ?? 'link');
		add(element, 'href', kind);
	}
	for (const element of root.querySelectorAll('script')) {
		if (!executable.test(element.getAttributeValue('type') ?? '')) {
			if (element.getAttributeValue('type') === 'application/ld+json') references.push(...jsonLdUrls(element.textContent));
			continue;
		}
		if (element.hasAttribute('src')) add(element, 'src', 'script');
		else if (element.textContent.trim() !== '') references.push({ url: '', kind: 'script', source: '<script>', inline: element.textContent });
	}
	for (const picture of root.querySelectorAll('picture')) {
		// A browser downloads one image per <picture>: from the first <source> (every type the build
		// writes, AVIF, WebP and JPEG, is one Chromium supports), or from the <img> without sources.
		const img = picture.querySelector('img');
		const loaded = picture.querySelector('source[srcset]') ?? img;
		for (const element of [...picture.querySelectorAll('source'), ...(img ? [img] : [])]) addImage(element, element === loaded);
	}
	for (const img of root.querySelectorAll('img')) if (!img.closest('picture')) addImage(img, true);
	for (const element of root.querySelectorAll('video[poster]')) add(element, 'poster', 'image');
	for (const element of root.querySelectorAll('video[src], audio[src], track[src], embed[src], object[data]')) {
		add(element, element.is('object') ? 'data' : 'src', 'other');
	}
	for (const element of root.querySelectorAll('source[src]')) if (!element.closest('picture')) add(element, 'src', 'other');
	for (const element of root.querySelectorAll('use[href], image[href]')) add(element, 'href', element.is('image') ? 'image' : 'link');
	for (const element of root.querySelectorAll('meta[content]')) {
		// Open Graph and Twitter tags name the page's own address and its social card.
		const name = element.getAttributeValue('property') ?? element.getAttributeValue('name') ?? '';
		if (/^(og:(url|image)|twitter:image)$/.test(name)) add(element, 'content', 'link');
	}
	for (const element of root.querySelectorAll('style')) {
		references.push(...cssReferences(element.textContent).map((reference) => ({ ...reference, source: `<style> ${reference.source}` })));
	}
	return references;
}

/** The absolute URLs among the strings of a JSON-LD block. */
function jsonLdUrls(json: string): Reference[] {
	const urls: Reference[] = [];
	const walk = (value: unknown): void => {
		if (typeof value === 'string') {
			if (/^https?:\/\//.test(value)) urls.push({ url: value, kind: 'link', source: 'JSON-LD' });
		} else if (Array.isArray(value)) value.forEach(walk);
		else if (value && typeof value === 'object') Object.values(value).forEach(walk);
	};
	try {
		walk(JSON.parse(json));
	} catch {
		// Broken JSON-LD is html-validate's and the SEO tests' concern; there are no links to read here.
	}
	return urls;
}

/**
 * The URLs a stylesheet refers to: `@import`s, and `url()`s, those inside `@font-face` as fonts. Only
 * the first `url()` of a `@font-face` rule is a font a browser downloads (it stops at the first
 * format it supports); the others are still links that must work.
 */
export function cssReferences(css: string): Reference[] {
	const references: Reference[] = [];
	const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
	const fontFaces = [...text.matchAll(/@font-face\s*\{[^}]*\}/g)].map((match) => [match.index, match.index + match[0].length]);
	const firstInFace = new Set<number>();
	for (const [start] of fontFaces) {
		const first = /url\(/.exec(text.slice(start));
		if (first) firstInFace.add(start + first.index);
	}
	for (const match of text.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g)) {
		references.push({ url: match[2], kind: 'stylesheet', source: 'css @import' });
	}
	for (const match of text.matchAll(/url\(\s*(["']?)([^"')]+?)\1\s*\)/g)) {
		if (text.slice(Math.max(0, match.index - 10), match.index).includes('@import')) continue;
		const inFace = fontFaces.some(([start, end]) => match.index > start && match.index < end);
		const kind: ReferenceKind = inFace ? (firstInFace.has(match.index) ? 'font' : 'other') : /\.(avif|webp|png|jpe?g|gif|svg)(\?|#|$)/i.test(match[2]) ? 'image' : 'other';
		references.push({ url: match[2], kind, source: inFace ? 'css @font-face url()' : 'css url()' });
	}
	return references;
}

/** The ids a page's fragments can point at (`id` anywhere, and the old `<a name>`). */
export async function pageAnchors(html: string): Promise<Set<string>> {
	const root = await parseHtml(html);
	const anchors = new Set<string>();
	for (const element of root.querySelectorAll('[id], a[name]')) {
		const id = element.getAttributeValue('id') ?? element.getAttributeValue('name');
		if (id) anchors.add(id);
	}
	return anchors;
}

/** Absolute URLs in a text file (feeds, sitemaps, robots.txt), with the XML entities they may carry decoded. */
export function absoluteUrlsIn(text: string): string[] {
	return [...text.matchAll(/https?:\/\/[^\s<>"']+/g)].map((match) => match[0].replace(/&amp;/g, '&'));
}
