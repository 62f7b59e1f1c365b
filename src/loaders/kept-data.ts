import { readFileSync } from 'node:fs';
import { cacheStore, useEntry } from '../cache/registry.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';

/**
 * The parsed data of entries kept out of Astro's content store (the datasets), a file per entry
 * digest in the registry's `loaders` store. Astro bundles its whole store into the pages' code,
 * which every build compiles and parses again, corrections included: one dataset of 100,000 rows
 * made it 16 MB, and datasets were about half of a generated archive's store. The store keeps the
 * entry with its digest and no data; the edition index reads the data back (`keptData`), once per build.
 */
const keptFile = (digest: string): string => cacheStore('loaders').file(`${digest}.data`);

/** Keeps an entry's parsed data under its digest, as JSON: a dataset's schema gives plain values. */
export function keepData(digest: string, data: unknown): void {
	writeFileAtomically(keptFile(digest), JSON.stringify(data));
}

/** Whether the data of the entry with this digest is kept, marking it used by this build. */
export const useKeptData = (digest: string): boolean => useEntry(keptFile(digest));

/** The data kept under an entry's digest; the loader keeps it for every entry it stores. */
export function keptData(id: string, digest: string | number | undefined): unknown {
	if (digest !== undefined) {
		try {
			return JSON.parse(readFileSync(keptFile(String(digest)), 'utf8'));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}
	throw new Error(`The data of entry "${id}" is missing from the loaders' cache (${cacheStore('loaders').dir}), which was emptied during the build; expected a file named by its digest (${digest}). Build again.`);
}
