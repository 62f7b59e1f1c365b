import { hash } from 'node:crypto';
import { join } from 'node:path';
import { cacheStore } from '../cache/registry.ts';
import { FileDigests } from '../cache/file-digests.ts';
import { SITE_LAYOUT } from '../config/site-layout.ts';
import { siteRoot } from '../config/site-root.ts';

/** A file of a page scan (image or PDF) as the edition names it, relative to its edition.json. */
export const scanFilePath = (date: string, file: string) => join(siteRoot, SITE_LAYOUT.content, date, file);

let kept: FileDigests | undefined;

/**
 * What a page showing a scan file depends on besides the edition file: the file's content hash,
 * so a scan replaced under the same name renders its pages again. Kept between builds by the
 * file's size and time (FileDigests): a build does not read every scan of the archive to key its
 * pages, and a checkout that only touches the files' times costs one read, not a re-render.
 */
export function scanFileKey(date: string, file: string | undefined): string | undefined {
	if (file === undefined) return undefined;
	const store = cacheStore('scans');
	kept ??= new FileDigests(store.file('digests.json'), store.code);
	return kept.digest(scanFilePath(date, file), (bytes) => hash('sha256', bytes, 'base64url'));
}

/** Writes the scan digests asked for so far, for the next build; each route keying scans calls it once. */
export function keepScanFileKeys(): void {
	kept?.save();
}
