import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { withFullWidthPunctuationDeep } from '../core/chinese-punctuation.ts';
import { cacheStore } from '../cache/registry.ts';
import { contentText } from '../core/content-text.ts';
import { FileDigests } from '../cache/file-digests.ts';
import { listFiles, realPathOutside } from '../core/list-files.ts';
import { onSettledChanges } from '../core/settled-changes.ts';
import { failLoad, loadingStopped } from './held-failures.ts';
import { keepData, useKeptData } from './kept-data.ts';

interface JsonFolderOptions {
	/** The folder to read. */
	folder: string;
	/** Which files are entries, by their path relative to the folder. */
	include: (path: string) => boolean;
	/** The entry id of a file, from its path relative to the folder. */
	id: (path: string) => string;
	/**
	 * Keeps each entry's parsed data out of Astro's content store, in the loaders' cache
	 * (`kept-data.ts`): for entries that can be large (datasets), which pages read only through the
	 * edition index. The store's entries then hold their digest and no data.
	 */
	keepDataOutside?: boolean;
}

/**
 * Loads one collection entry per JSON file of a folder. Astro's glob loader refuses a file that
 * starts with a UTF-8 byte-order mark, which Windows editors write; editors' files are accepted
 * here as the validator accepts them (contentText). Their text is printed with
 * full-width Chinese punctuation, as the stories' is.
 */
export function jsonFolderLoader({ folder, include, id, keepDataOutside = false }: JsonFolderOptions): Loader {
	return {
		name: 'broadsheet-json-folder',
		async load({ store, parseData, generateDigest, watcher, config }) {
			// Digests hold the code that parses the entries (the content config's import closure: loaders, schemas, formatters).
			const cache = cacheStore('loaders');
			const { code } = cache;
			// A file whose size and time are unchanged is not even read (see FileDigests).
			const digests = new FileDigests(cache.file(`${basename(folder)}.json`), code);
			const read = async (path: string) => {
				let text: string | undefined;
				const entryId = id(path);
				// Unchanged since the last build (the store is kept in Astro's cache), and parsed by the same
				// schemas: not parsed again. Files are read synchronously, as the validator reads them.
				const digest = digests.digest(join(folder, path), (bytes) => generateDigest(`${code}\0${(text = contentText(bytes))}`));
				if (store.get(entryId)?.digest === digest && (!keepDataOutside || useKeptData(digest))) return;
				text ??= contentText(readFileSync(join(folder, path)));
				// Astro wants entry files relative to its root, even when the site root is elsewhere.
				const filePath = relative(fileURLToPath(config.root), join(folder, path)).split(sep).join('/');
				// Printed as the stories are: full-width punctuation in Chinese text (see chinese-punctuation.ts).
				const data = await parseData({ id: entryId, data: withFullWidthPunctuationDeep(JSON.parse(text)) as Record<string, unknown>, filePath });
				if (keepDataOutside) keepData(digest, data);
				store.set({ id: entryId, data: keepDataOutside ? {} : data, digest, filePath });
			};
			const links: string[] = [];
			const listed = listFiles(folder, undefined, links).filter(include);
			const refused = new Set<string>();
			// Only the site's own files are published: a link to a file elsewhere is refused.
			for (const path of links.filter(include)) {
				const real = realPathOutside(folder, join(folder, path));
				if (!real) continue;
				refused.add(path);
				failLoad(new Error(`${path}: a link to ${JSON.stringify(real)}, outside ${folder}; expected the file itself inside it (only the site's own files are published)`));
			}
			const paths = listed.filter((path) => !refused.has(path));
			const ids = new Set(paths.map(id));
			for (const entryId of store.keys()) if (!ids.has(entryId)) store.delete(entryId);
			for (const path of paths) {
				if (loadingStopped()) break;
				try {
					await read(path);
				} catch (error) {
					// Left out, and reported by the build (held-failures.ts); the content check names what is wrong.
					store.delete(id(path));
					failLoad(error);
				}
			}
			digests.save();
			if (watcher)
				onSettledChanges(watcher, folder, async (path, file) => {
					if (!include(path)) return;
					store.delete(id(path));
					// A file being typed is often invalid for a moment; the content check reports it.
					if (existsSync(file)) await read(path).catch(() => undefined);
				});
		},
	};
}
