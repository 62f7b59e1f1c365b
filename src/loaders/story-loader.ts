import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileStory } from '../stories/compile-story.ts';
import { storyDigests, storyHash, useCompiledStory, writeCompiledStory } from '../stories/story-cache.ts';
import type { FileDigests } from '../cache/file-digests.ts';
import { listFiles, realPathOutside } from '../core/list-files.ts';
import { articleSchema, type Article } from '../schemas/article.ts';
import { withFullWidthPunctuation } from '../core/chinese-punctuation.ts';
import { contentText } from '../core/content-text.ts';
import { formatProblem } from '../core/problem.ts';
import { onSettledChanges } from '../core/settled-changes.ts';
import { failLoad, loadingStopped } from './held-failures.ts';
import { splitMdx } from './read-source.ts';

const STORY_FILE = /^[^/]+\/[^/]+\.mdx$/;

/**
 * Loads the stories (`content/<date>/<slug>.mdx`) as data: the frontmatter, split from the body
 * as the content check splits it (src/loaders/read-source.ts), through the article schema, the
 * body compiled to HTML once per content hash into the story cache (story-cache.ts), where the
 * story page reads it. Astro's own MDX handling bundles every story
 * as a JavaScript module, which was most of a large archive's build time; a story here costs a
 * file read and a hash unless it changed.
 *
 * `scripts/build.ts` and `astro dev`'s content check validate every story with friendly
 * messages before this runs; what fails here still names the story.
 */
export function storyLoader({ folder }: { folder: string }): Loader {
	return {
		name: 'broadsheet-stories',
		async load(context) {
			const { store, logger, watcher } = context;
			const links: string[] = [];
			const names = listFiles(folder, undefined, links).filter((name) => STORY_FILE.test(name));
			const refused = new Set<string>();
			// Only the site's own stories are published: a link to a story elsewhere is refused.
			for (const name of links) {
				if (!STORY_FILE.test(name)) continue;
				try {
					refuseOutside(folder, name, join(folder, name));
				} catch (error) {
					refused.add(name);
					failLoad(error);
				}
			}
			const counts = { compiled: 0, unchanged: 0 };
			const hashes = storyDigests();
			for (const name of names) {
				if (loadingStopped()) break;
				if (refused.has(name)) continue;
				try {
					counts[await loadStory(context, folder, name, hashes)]++;
				} catch (error) {
					// Left out, and reported by the build (held-failures.ts); the content check names what is wrong.
					store.delete(storyId(name));
					failLoad(error);
				}
			}
			hashes.save();
			const ids = new Set(names.filter((name) => !refused.has(name)).map(storyId));
			for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
			logger.info(`${names.length} stories: ${counts.compiled} compiled, ${counts.unchanged} unchanged since the last build`);

			// A story being typed is often invalid for a moment; the content check reports it.
			if (watcher)
				onSettledChanges(watcher, folder, async (name, path) => {
					if (!STORY_FILE.test(name)) return;
					if (!existsSync(path)) return void store.delete(storyId(name));
					try {
						refuseOutside(folder, name, path);
						await loadStory(context, folder, name);
					} catch (error) {
						logger.warn(`${name}: ${(error as Error).message}`);
					}
				});
		},
	};
}

const storyId = (name: string) => name.slice(0, -'.mdx'.length);

/** Throws, naming the story, when `path` (the story or one of its images) is really outside `folder`. */
function refuseOutside(folder: string, name: string, path: string): void {
	const real = realPathOutside(folder, path);
	if (real) throw new Error(`${name}: ${path === join(folder, name) ? 'the story is a link' : `its image ${relative(dirname(join(folder, name)), path)} leads`} to ${JSON.stringify(real)}, outside ${folder}; expected files inside it (only the site's own files are published)`);
}

/** Loads a story unless it is unchanged; `hashes` knows the hash of a file whose size and time are unchanged. */
async function loadStory({ store, parseData, config }: LoaderContext, folder: string, name: string, hashes?: FileDigests): Promise<'compiled' | 'unchanged'> {
	const id = storyId(name);
	const path = join(folder, name);
	// Read synchronously when read at all: 10,000 reads through libuv's thread pool take three times as long.
	let source: string | undefined;
	const hash = hashes ? hashes.digest(path, (bytes) => storyHash((source = contentText(bytes)))) : storyHash((source = contentText(readFileSync(path))));
	if (store.get(id)?.digest === hash && useCompiledStory(hash)) return 'unchanged';
	source ??= contentText(readFileSync(path));
	const split = splitMdx(source, name);
	if (!split.ok) throw new Error(formatProblem(split.problems[0]));
	const frontmatter = (split.frontmatter ?? {}) as { images?: { file?: unknown }[] };
	for (const image of frontmatter.images ?? []) {
		if (typeof image?.file === 'string') refuseOutside(folder, name, join(dirname(path), image.file));
	}
	// Astro wants entry files relative to its root, even when the site root is elsewhere.
	const filePath = relative(fileURLToPath(config.root), path).split(sep).join('/');
	// Astro builds the collection's schema again for every entry it parses (for its image()
	// helper), about a millisecond each; only a story with photos needs it.
	const parsed = frontmatter.images?.length ? await parseData({ id, data: frontmatter, filePath }) : articleSchema.parse(frontmatter);
	// Printed as the body is: full-width punctuation in Chinese text, in every place the story shows.
	const data = withFullWidthPunctuation(parsed as Article);
	try {
		writeCompiledStory(hash, await compileStory(split.body));
	} catch (error) {
		throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
	}
	store.set({ id, data, digest: hash, filePath });
	return 'compiled';
}
