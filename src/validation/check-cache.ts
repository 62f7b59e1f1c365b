import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codeHash } from '../lib/code-hash.ts';
import { KeptDigests } from '../lib/kept-digests.ts';
import { broadsheetCacheDir } from '../lib/site-root.ts';
import type { Article } from '../schemas/article.ts';
import type { Problem } from './problem.ts';

/**
 * What checking a story found, kept between builds: a story whose file and whose datasets are
 * unchanged is not parsed and checked again. Only stories without problems are kept, so every
 * problem is always found afresh; what is kept is what a valid story gives the rest of the
 * validation (its frontmatter, its readable text and headings) and its warnings.
 */
export interface CheckedStory {
	data: Article;
	text: string;
	headings: string[];
	warnings: Problem[];
	/** The datasets the story lists, each with the hash of its file when the story was checked ('' when it had none). */
	datasets: Record<string, string>;
}

const checkCacheDir = join(broadsheetCacheDir, 'checks');

/** The folders whose code decides what a check finds: a change there checks every story again. */
const CHECKING_CODE = ['src/validation', 'src/schemas', 'src/lib', 'src/charts'];

/** The check keys of the stories as the last build found them, kept by each file's size and time. */
export function keptCheckKeys(): KeptDigests {
	return new KeptDigests(join(checkCacheDir, 'story-keys.json'), codeHash(CHECKING_CODE));
}

/** The key of a story's or dataset's check: the checking code, the file's name and its bytes. */
export function checkKey(file: string, bytes: Buffer): string {
	return createHash('sha256').update(codeHash(CHECKING_CODE)).update(`\0${file}\0`).update(bytes).digest('base64url').slice(0, 32);
}

/** Each story's kept check by file, with the key it was made for. */
type KeptChecks = Record<string, { key: string; check: CheckedStory }>;

/**
 * The kept checks of a site's stories, all in one file: one read of tens of megabytes takes a
 * fraction of the time of 10,000 small files, and far less again when the files are not in the
 * operating system's cache (a rebuild after other work). A check is kept under its story's file
 * with the key it was made for; a check run keeps the checks of the stories it saw, and writes the
 * file only when one changed.
 */
export class KeptStoryChecks {
	readonly #file = join(checkCacheDir, 'stories.json');
	readonly #last: KeptChecks = {};
	readonly #next: KeptChecks = {};
	#changed = false;

	constructor() {
		try {
			const kept = JSON.parse(readFileSync(this.#file, 'utf8')) as { code: string; stories: KeptChecks };
			if (kept.code === codeHash(CHECKING_CODE)) this.#last = kept.stories;
		} catch {
			// Nothing kept yet: every story is checked.
		}
	}

	/** The story's kept check, if it was made for this key and its datasets are still as they were. */
	get(file: string, key: string, datasetHashes: ReadonlyMap<string, string>): CheckedStory | undefined {
		const kept = this.#last[file];
		if (kept?.key !== key || !Object.entries(kept.check.datasets).every(([id, hash]) => (datasetHashes.get(id) ?? '') === hash)) return undefined;
		this.#next[file] = kept;
		return kept.check;
	}

	/** Keeps a valid story's check. */
	keep(file: string, key: string, check: CheckedStory): void {
		this.#next[file] = { key, check };
		this.#changed = true;
	}

	/** Writes the checks kept in this run, unless they are those already written; aside and renamed, so a reader never sees half a file. */
	save(): void {
		if (!this.#changed && Object.keys(this.#next).length === Object.keys(this.#last).length) return;
		mkdirSync(checkCacheDir, { recursive: true });
		const partial = `${this.#file}.${process.pid}.tmp`;
		writeFileSync(partial, JSON.stringify({ code: codeHash(CHECKING_CODE), stories: this.#next }));
		renameSync(partial, this.#file);
	}
}

/**
 * Whether a dataset file with this key was checked before and had no problem. What is kept is only
 * that: drawing its charts to see that they can be drawn is what checking a dataset costs, and the
 * dataset is still parsed, since the rest of the validation needs its figures.
 */
export function isDatasetCheckKept(key: string): boolean {
	return existsSync(join(checkCacheDir, `${key}.dataset`));
}

/** Keeps that a dataset file with this key has no problem (an empty file, which exists or does not). */
export async function keepDatasetCheck(key: string): Promise<void> {
	await mkdir(checkCacheDir, { recursive: true });
	await writeFile(join(checkCacheDir, `${key}.dataset`), '');
}
