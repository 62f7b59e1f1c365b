import { readFileSync } from 'node:fs';
import { cacheStore } from '../cache/registry.ts';
import { FileDigests } from '../cache/file-digests.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';

/**
 * Compiled story bodies, one file per content hash, in the registry's `stories` store. They stay
 * out of Astro's content store, which the build loads whole into memory: 10,000 bodies there are a
 * 50 MB string held several times over. A story page reads its one body when it renders; CI keeps
 * the folder between runs.
 */
const store = () => cacheStore('stories');

/**
 * The key of a story file's content and of the code that turns it into its entry and its HTML (the
 * content config's import closure: loader, compiler, schemas, formatters): a story is compiled once per key.
 */
export function storyHash(source: string): string {
	return store().key(source);
}

/** The hashes of the story files as the last build found them, kept by each file's size and time. */
export function storyDigests(): FileDigests {
	return new FileDigests(store().file('story-hashes.json'), store().code);
}

/** Where the compiled body of a story with this hash is kept. */
export const compiledPath = (hash: string) => store().file(`${hash}.html`);

/** Whether the compiled body of a story with this hash is kept, marking it used by this build. */
export const useCompiledStory = (hash: string): boolean => store().use(compiledPath(hash));

/**
 * The compiled body stored under a hash, or undefined when there is none. Read synchronously: a
 * body is a few kilobytes, and an asynchronous read waits its turn in libuv's thread pool behind
 * the pages Astro writes and copies meanwhile (a template change at 500 stories spent 0.4 s of
 * the render there against 20 ms for the reads themselves).
 */
export function readCompiledStory(hash: string): string | undefined {
	try {
		return readFileSync(compiledPath(hash), 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/**
 * Stores a compiled body under its hash; written aside and renamed, so a reader never sees half a
 * file. Synchronously: the loader then never waits on the disk, and Astro's content store, which
 * saves itself half a second after its last change, is written once at the end of loading rather
 * than also midway (a 10,000-story store takes most of a second to write).
 */
export function writeCompiledStory(hash: string, html: string): void {
	writeFileAtomically(compiledPath(hash), html);
}
