import * as pagefind from 'pagefind';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pagefindInput, type SearchPage } from './search-pages.ts';

/**
 * Chinese is segmented into words (楼院, 政务服务) only when Pagefind knows the language is Chinese;
 * otherwise a run of characters up to a space or punctuation mark is one word. Segmenting is most
 * of Pagefind's work: about 12 ms and 0.8 MB a story, against about 1 ms and 0.16 MB unsegmented.
 */
export const PAGEFIND_CONFIG = { forceLanguage: 'zh-cn' } as const;

/** What Pagefind writes that the search page never loads: its own search interfaces. */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Indexes `pages` into a Pagefind bundle in `outDir` and returns each page's Pagefind id, by source
 * path. Pagefind's process is stopped afterwards: it holds about 0.8 MB a story until it exits,
 * and a build indexes its parts one after another so that only one part is ever held.
 */
export async function writeSearchPart(siteDir: string, pages: readonly SearchPage[], outDir: string): Promise<Map<string, string>> {
	const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
	if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
	try {
		for (const page of pages) {
			const html = await readFile(join(siteDir, page.sourcePath), 'utf8');
			const content = pagefindInput(page.sourcePath, html);
			if (content === undefined) throw new Error(`${page.sourcePath} no longer has a data-pagefind-body element; it had one when the site was scanned.`);
			const added = await index.addHTMLFile({ sourcePath: page.sourcePath, content });
			if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.sourcePath}: ${added.errors.join('; ')}`);
		}
		await rm(outDir, { recursive: true, force: true });
		const written = await index.writeFiles({ outputPath: outDir });
		if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outDir}: ${written.errors.join('; ')}`);
		await index.deleteIndex();
	} finally {
		await pagefind.close();
	}
	for (const file of await readdir(outDir)) if (UNUSED_FILES.test(file)) await rm(join(outDir, file));
	return pageIds(outDir, pages);
}

/**
 * Reads which Pagefind id each page got, from the fragments (one gzipped JSON file per page, named
 * after its id and holding its URL). A search result carries the id, so the search page can leave
 * out results from an old version of a story.
 */
async function pageIds(outDir: string, pages: readonly SearchPage[]): Promise<Map<string, string>> {
	const byUrl = new Map(pages.map((page) => [pageUrl(page.sourcePath), page.sourcePath]));
	const ids = new Map<string, string>();
	const folder = join(outDir, 'fragment');
	for (const file of await readdir(folder)) {
		const bytes = gunzipSync(await readFile(join(folder, file)));
		// A fragment starts with Pagefind's 12-byte signature, `pagefind_dcd`.
		const { url } = JSON.parse(bytes.subarray(12).toString('utf8')) as { url: string };
		const sourcePath = byUrl.get(url);
		if (sourcePath) ids.set(sourcePath, file.replace(/\.pf_fragment$/, ''));
	}
	const missing = pages.filter((page) => !ids.has(page.sourcePath));
	if (missing.length > 0) {
		throw new Error(`Pagefind wrote no fragment for ${missing.length} of ${pages.length} pages, among them ${missing[0].sourcePath} (expected URL ${pageUrl(missing[0].sourcePath)}).`);
	}
	return ids;
}

/**
 * The URL Pagefind gives a page from its source path: `/2024-09-18/05/erqi-louyuan-zhili/`, with
 * what a URL path cannot hold percent-encoded as Pagefind does (its `build_url`).
 */
export function pageUrl(sourcePath: string): string {
	const path = sourcePath.replace(/(^|\/)index\.html$/, '$1');
	let url = '/';
	for (const byte of Buffer.from(path, 'utf8')) {
		const char = String.fromCharCode(byte);
		url += byte < 0x20 || byte >= 0x7f || ' "#%<>?`{}'.includes(char) ? `%${byte.toString(16).toUpperCase().padStart(2, '0')}` : char;
	}
	return url;
}
