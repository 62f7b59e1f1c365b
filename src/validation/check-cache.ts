import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cacheStore } from '../cache/registry.ts';
import { FileDigests } from '../cache/file-digests.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';
import type { Article } from '../schemas/article.ts';
import type { Problem } from '../core/problem.ts';

/**
 * What checking a story found, kept between builds: a story whose file and whose datasets are
 * unchanged is not parsed and checked again. Only stories without problems are kept, so every
 * problem is always found afresh; what is kept is what a valid story gives the rest of the
 * validation (its frontmatter, its headings, whether it holds the sentences datasets quote from
 * it) and its warnings. Its text is not kept: it is most of a story's size, and a sentence quoted
 * from a story is all the validation looks for in it.
 */
export interface CheckedStory {
	data: Article;
	headings: string[];
	/** Whether the story's text holds each sentence a dataset figure gives as quoted from it, when it was checked. */
	quotes: Record<string, boolean | string>;
	warnings: Problem[];
	/** The datasets the story lists, each with the hash of its file when the story was checked ('' when it had none). */
	datasets: Record<string, string>;
}

/**
 * The registry's `checks` store. Its keys hold the code that decides what a check finds (the
 * validation's import closure: rules, schemas, formatters, charts): a change there checks every
 * story again.
 */
const store = () => cacheStore('checks');

/** The check keys of the stories as the last build found them, kept by each file's size and time. */
export function cachedCheckKeys(): FileDigests {
	return new FileDigests(store().file('story-keys.json'), store().code);
}

/** The key of a story's or dataset's check: the checking code, the file's name and its bytes. */
export function checkKey(file: string, bytes: Buffer): string {
	return store().key(file, bytes);
}

/** Each story's kept check by file, with the key it was made for. */
type CachedChecks = Record<string, { key: string; check: CheckedStory }>;

/** How many files the kept checks are spread over. */
const SHARDS = 32;

/** The shard a story's check is kept in, from its file name. */
function shardOf(file: string): number {
	let hash = 0;
	for (let i = 0; i < file.length; i++) hash = (Math.imul(hash, 31) + file.charCodeAt(i)) | 0;
	return (hash >>> 0) % SHARDS;
}

/**
 * The kept checks of a site's stories, in a few dozen files: 10,000 small files took most of the
 * content check to read (ten times more when not in the operating system's cache), and one file
 * meant writing all of it again after a correction. A check is kept under its story's file with
 * the key it was made for; a check run keeps the checks of the stories it saw, and writes again
 * only the files in which one changed.
 */
export class CachedStoryChecks {
	readonly #last: CachedChecks[] = [];
	readonly #next: CachedChecks[] = [];
	readonly #changed = new Set<number>();

	constructor() {
		const { code } = store();
		for (let shard = 0; shard < SHARDS; shard++) {
			this.#next.push({});
			this.#last.push({});
			try {
				const kept = JSON.parse(readFileSync(shardFile(shard), 'utf8')) as { code: string; stories: CachedChecks };
				if (kept.code === code) this.#last[shard] = kept.stories;
			} catch {
				// Nothing kept yet: every story is checked.
			}
		}
	}

	/**
	 * The story's kept check, if it was made for this key, its datasets are still as they were, and
	 * it knows about every sentence that datasets now quote from the story (`quoted`).
	 */
	get(file: string, key: string, datasetHashes: ReadonlyMap<string, string>, quoted: ReadonlySet<string> = new Set()): CheckedStory | undefined {
		const shard = shardOf(file);
		const kept = this.#last[shard][file];
		if (
			kept?.key !== key ||
			!Object.entries(kept.check.datasets).every(([id, hash]) => (datasetHashes.get(id) ?? '') === hash) ||
			![...quoted].every((sentence) => sentence in kept.check.quotes)
		) {
			return undefined;
		}
		this.#next[shard][file] = kept;
		return kept.check;
	}

	/** Keeps a valid story's check. */
	keep(file: string, key: string, check: CheckedStory): void {
		const shard = shardOf(file);
		this.#next[shard][file] = { key, check };
		this.#changed.add(shard);
	}

	/** Writes again each file whose checks changed in this run (one kept, or one of a story no longer there dropped). */
	save(): void {
		const { code } = store();
		this.#next.forEach((stories, shard) => {
			if (!this.#changed.has(shard) && Object.keys(stories).length === Object.keys(this.#last[shard]).length) return;
			writeFileAtomically(shardFile(shard), JSON.stringify({ code, stories }));
		});
	}
}

const shardFile = (shard: number) => store().file(`stories-${shard}.json`);

/**
 * Whether a dataset file with this key was checked before and had no problem. What is kept is only
 * that: drawing its charts to see that they can be drawn is what checking a dataset costs, and the
 * dataset is still parsed, since the rest of the validation needs its figures.
 */
export function isDatasetCheckCached(key: string): boolean {
	return store().use(store().file(`${key}.dataset`));
}

/** Keeps that a dataset file with this key has no problem (an empty file, which exists or does not). */
export async function cacheDatasetCheck(key: string): Promise<void> {
	await mkdir(store().dir, { recursive: true });
	await writeFile(store().file(`${key}.dataset`), '');
}
