import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
	absoluteUrlsIn,
	cssReferences,
	landing,
	listFiles,
	pageAnchors,
	pageReferences,
	pageUrl,
	type Reference,
	type SiteAddress,
} from '../../src/tools/built-site.ts';

/** A reference in the built site that a reader or crawler following it would not get to. */
export interface BrokenLink {
	/** The file it is in, relative to dist. */
	from: string;
	url: string;
	/** Where in the file: `<img srcset>`, `css url()`, `JSON-LD`. */
	source: string;
	reason: string;
}

/** What a crawl of a built site found. */
export interface LinkReport {
	broken: BrokenLink[];
	/** Every distinct address on the site's own origin that the site refers to, fragments dropped. */
	internal: Set<string>;
	/** How many references were followed, per file they are in. */
	counts: Map<string, number>;
}

/**
 * Follows every reference in every page, stylesheet, feed, sitemap and robots.txt of `dist` that
 * points at the site itself (relative, root-relative, or absolute on its origin, as canonical URLs
 * are) to the file a static host would serve, and every `#fragment` to an id on that page.
 */
export async function checkLinks(dist: string, site: SiteAddress): Promise<LinkReport> {
	const report: LinkReport = { broken: [], internal: new Set(), counts: new Map() };
	const anchors = new Map<string, Promise<Set<string>>>();
	const anchorsOf = (file: string) => {
		if (!anchors.has(file)) anchors.set(file, readFile(join(dist, file), 'utf8').then(pageAnchors));
		return anchors.get(file)!;
	};
	for (const file of listFiles(dist)) {
		let references: Reference[];
		let from: URL;
		if (file.endsWith('.html')) {
			references = await pageReferences(await readFile(join(dist, file), 'utf8'));
			from = pageUrl(site, file);
		} else if (file.endsWith('.css')) {
			references = cssReferences(await readFile(join(dist, file), 'utf8'));
			from = new URL(`${site.base}${file}`, site.origin);
		} else if (/\.(xml|txt)$/.test(file)) {
			const text = await readFile(join(dist, file), 'utf8');
			references = absoluteUrlsIn(text).map((url) => ({ url, kind: 'link', source: 'absolute URL' }));
			from = new URL(`${site.base}${file}`, site.origin);
		} else continue;

		let count = 0;
		for (const reference of references) {
			if (reference.inline !== undefined) continue;
			const broken = (reason: string) => report.broken.push({ from: file, url: reference.url, source: reference.source, reason });
			let url: URL;
			try {
				// A fragment alone stays on the page, whatever address it is served at (the 404 page's is made up).
				url = new URL(reference.url, reference.url.startsWith('#') && file.endsWith('.html') ? new URL(`${site.base}${file}`, site.origin) : from);
			} catch {
				broken('not a valid URL');
				continue;
			}
			const target = landing(dist, site, url);
			if (target.ok === 'external') continue;
			count++;
			if (!target.ok) {
				broken(target.reason);
				continue;
			}
			report.internal.add(url.href.replace(/#.*$/, ''));
			// `#top` and text fragments need no element; every other fragment must name one.
			if (target.fragment === '' || target.fragment === 'top' || target.fragment.startsWith(':~:')) continue;
			if (!target.file.endsWith('.html')) continue;
			if (!(await anchorsOf(target.file)).has(target.fragment)) broken(`no element with id "${target.fragment}" on ${target.file}`);
		}
		report.counts.set(file, count);
	}
	return report;
}

/** Broken links, one per line, grouped by the file they are in: what a person fixing them needs. */
export function formatBrokenLinks(broken: BrokenLink[]): string {
	const byFile = Map.groupBy(broken, (link) => link.from);
	return [...byFile]
		.map(([file, links]) => `${file}\n${links.map((link) => `  ${link.url}  (${link.source})  ${link.reason}`).join('\n')}`)
		.join('\n');
}
