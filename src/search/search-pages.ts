import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, stampFiles, type FileStamp } from '../core/list-files.ts';
import { NUMBER_FILTER } from './printed-numbers.ts';

/**
 * A page of the built site that search finds: one with a `data-pagefind-body` element (the story
 * pages). Only what decides its part and its cache key is kept; the HTML is read again when its
 * part is indexed, so a 100,000-story archive is not held in memory.
 */
export interface SearchPage {
	/** The HTML file, relative to the site folder with `/` separators: `2024-09-18/05/erqi-louyuan-zhili/index.html`. */
	sourcePath: string;
	/** The part the page is indexed in: the month of its edition, `2024-09`. */
	part: string;
	/** The hash of what Pagefind is given for this page (its path and its searchable element). */
	hash: string;
	/** Its `data-pagefind-filter` values, for the search form's lists. */
	filters: Record<string, string>;
}

/** Files of the site that are never pages to search: the index itself. */
const SKIPPED_FOLDERS = new Set(['pagefind/', '_astro/']);

const TAG_NAME = /^<([a-z][a-z0-9-]*)[\s>]/i;
const FILTER = /\sdata-pagefind-filter="([^"]*)"/g;

/** What the last scan found in each HTML file, by path: its size and time then, and its search entry. */
export type ScanRecord = Record<string, [size: number, mtimeMs: number, page: SearchPage | null]>;

/**
 * Every page of the built site that search finds, in path order, and what the scan found in each
 * file to give the next scan. A file whose size and time are those in `last` is not read again:
 * the site is built in a folder kept between builds (src/build/work-folder.ts), where a page
 * that did not change is not written. `files` are the site's files with their size and time, when
 * the caller has listed them already. Files are read synchronously, as asynchronous reads of
 * 15,000 small files spend three times as long passing each open, read and close through libuv's
 * thread pool.
 */
export function findSearchPages(
	siteDir: string,
	last: ScanRecord = {},
	files: ReadonlyMap<string, FileStamp> = stampFiles(siteDir, listFiles(siteDir, (folder) => SKIPPED_FOLDERS.has(folder))),
): { pages: SearchPage[]; scanned: ScanRecord } {
	const pages: SearchPage[] = [];
	const scanned: ScanRecord = {};
	for (const [file, { size, mtimeMs }] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (!file.endsWith('.html') || SKIPPED_FOLDERS.has(file.slice(0, file.indexOf('/') + 1))) continue;
		const before = last[file];
		const page = before && before[0] === size && before[1] === mtimeMs ? before[2] : (searchPage(file, readFileSync(join(siteDir, file), 'utf8')) ?? null);
		scanned[file] = [size, mtimeMs, page];
		if (page) pages.push(page);
	}
	return { pages, scanned };
}

/** The page's search entry, or nothing when the page has no `data-pagefind-body` element. */
export function searchPage(sourcePath: string, html: string): SearchPage | undefined {
	const input = pagefindInput(sourcePath, html);
	if (input === undefined) return undefined;
	const filters: Record<string, string> = {};
	for (const match of input.matchAll(FILTER)) {
		const value = decodeEntities(match[1]);
		const colon = value.indexOf(':');
		// The numbers a story prints are for searching, not for the form's lists.
		if (colon > 0 && value.slice(0, colon) !== NUMBER_FILTER) filters[value.slice(0, colon)] = value.slice(colon + 1);
	}
	const edition = filters.edition;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(edition ?? '')) {
		throw new Error(
			`${sourcePath}: a page that search finds needs data-pagefind-filter="edition:YYYY-MM-DD" inside its data-pagefind-body element, ` +
				`which decides the part of the search index it goes into; found ${edition === undefined ? 'no edition filter' : `edition "${edition}"`}.`,
		);
	}
	return { sourcePath, part: edition.slice(0, 7), hash: createHash('sha256').update(`${sourcePath}\0${input}`).digest('base64url'), filters };
}

/**
 * What Pagefind is given for a page: the `data-pagefind-body` element alone, in a document of the
 * page's language. Pagefind reads nothing else of a page that has such an element, except the
 * language, so the rest (the stylesheet's hashed name, the navigation, related stories) may change
 * without the page being indexed again.
 */
export function pagefindInput(sourcePath: string, html: string): string | undefined {
	// Found with indexOf rather than one regular expression over the page: a scan of a large
	// archive reads every page of the site, and this is most of its time.
	const attribute = html.indexOf(' data-pagefind-body');
	if (attribute < 0) return undefined;
	const start = html.lastIndexOf('<', attribute);
	const opening = TAG_NAME.exec(html.slice(start, attribute + 1));
	if (!opening) return undefined;
	const tag = opening[1].toLowerCase();
	let depth = 0;
	let at = start;
	let end = -1;
	for (;;) {
		const next = html.indexOf(`${tag}`, at + 1);
		if (next < 0) break;
		const isClose = html[next - 1] === '/' && html[next - 2] === '<';
		const isOpen = html[next - 1] === '<';
		const after = html[next + tag.length];
		at = next;
		if ((!isClose && !isOpen) || !/[\s>/]/.test(after ?? '')) continue;
		depth += isClose ? -1 : 1;
		if (depth === 0) {
			end = html.indexOf('>', next) + 1;
			break;
		}
	}
	if (end <= 0) throw new Error(`${sourcePath}: the <${tag} data-pagefind-body> element is not closed.`);
	const lang = /<html\b[^>]*\slang="([^"]*)"/i.exec(html.slice(0, html.indexOf('>', html.indexOf('<html')) + 1))?.[1] ?? '';
	return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${html.slice(start, end)}</body></html>`;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Undoes the escaping Astro applies to attribute values. */
function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
		if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
		return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
	});
}
