import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codeHash } from '../cache/code-hash.ts';
import { KeptDigests } from '../cache/kept-digests.ts';
import { broadsheetCacheDir } from '../config/site-root.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';

/** The code that turns a story file into its entry and its HTML: a change there compiles every story again. */
const STORY_CODE = ['src/stories', 'src/schemas', 'src/validation', 'src/core', 'src/figures', 'src/config', 'src/cache', 'src/charts', 'src/loaders', 'src/site'];

/**
 * Compiled story bodies, one file per content hash. They stay out of Astro's content store, which
 * the build loads whole into memory: 10,000 bodies there are a 50 MB string held several times
 * over. A story page reads its one body when it renders; CI keeps the folder between runs.
 */
const storyCacheDir = join(broadsheetCacheDir, 'stories');

/** The key of a story file's content: a story is compiled once per key. */
export function storyHash(source: string): string {
	return createHash('sha256').update(codeHash(STORY_CODE)).update('\0').update(source).digest('base64url').slice(0, 32);
}

/** The hashes of the story files as the last build found them, kept by each file's size and time. */
export function keptStoryHashes(): KeptDigests {
	return new KeptDigests(join(storyCacheDir, 'story-hashes.json'), codeHash(STORY_CODE));
}

/** Where the compiled body of a story with this hash is kept. */
export const compiledPath = (hash: string) => join(storyCacheDir, `${hash}.html`);

/** The compiled body stored under a hash, or undefined when there is none. */
export async function readCompiledStory(hash: string): Promise<string | undefined> {
	try {
		return await readFile(compiledPath(hash), 'utf8');
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
