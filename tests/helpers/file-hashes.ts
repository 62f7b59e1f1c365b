import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../../src/tools/built-site.ts';

/** The SHA-256 of every file under a folder, by its `/`-separated path relative to the folder. */
export async function hashFiles(folder: string): Promise<Map<string, string>> {
	const hashes = new Map<string, string>();
	for (const file of listFiles(folder)) hashes.set(file, createHash('sha256').update(await readFile(join(folder, file))).digest('hex'));
	return hashes;
}

/** How two folders' hashes differ, one line per file: `only in first: x`, `only in second: x`, `differs: x`. */
export function hashDifferences(first: Map<string, string>, second: Map<string, string>): string[] {
	const differences: string[] = [];
	for (const [file, hash] of first) {
		if (!second.has(file)) differences.push(`only in first: ${file}`);
		else if (second.get(file) !== hash) differences.push(`differs: ${file}`);
	}
	for (const file of second.keys()) if (!first.has(file)) differences.push(`only in second: ${file}`);
	return differences;
}
