/**
 * The text of a content file (a story, an edition, a dataset, the site configuration) read as
 * UTF-8, without the byte-order mark Windows editors write at its start. The one place a BOM is
 * stripped: the content check (src/loaders/read-source.ts), Astro's loaders, the site
 * configuration and `npm run new` all read content files through here.
 */
export function contentText(bytes: Buffer | string): string {
	const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
