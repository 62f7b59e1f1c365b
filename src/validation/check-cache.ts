import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
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

/** A story's kept check, if there is one and its datasets are still as they were. Read synchronously, as the story is. */
export function readCheckedStory(key: string, datasetHashes: ReadonlyMap<string, string>): CheckedStory | undefined {
	let kept: CheckedStory;
	try {
		kept = JSON.parse(readFileSync(join(checkCacheDir, `${key}.json`), 'utf8')) as CheckedStory;
	} catch {
		return undefined;
	}
	return Object.entries(kept.datasets).every(([id, hash]) => (datasetHashes.get(id) ?? '') === hash) ? kept : undefined;
}

/** Keeps a valid story's check; written aside and renamed, so a reader never sees half a file. */
export async function writeCheckedStory(key: string, checked: CheckedStory): Promise<void> {
	await mkdir(checkCacheDir, { recursive: true });
	const file = join(checkCacheDir, `${key}.json`);
	const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
	await writeFile(partial, JSON.stringify(checked));
	await rename(partial, file);
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
