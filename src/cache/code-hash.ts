import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/site-root.ts';

const hashes = new Map<string, string>();

/**
 * A hash of the project's TypeScript under `folders` (relative to the project), computed once per
 * process. What is kept between builds by content hash (compiled stories, story checks, parsed
 * entries) is also keyed on the code that made it, so a change to a schema or to the compiler
 * never serves a result the new code would not give.
 */
export function codeHash(folders: readonly string[]): string {
	const cacheKey = folders.join('\0');
	let hash = hashes.get(cacheKey);
	if (hash) return hash;
	const hasher = createHash('sha256');
	for (const folder of folders) {
		const names = readdirSync(join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
			.filter((name) => name.endsWith('.ts'))
			.sort();
		for (const name of names) hasher.update(`${folder}/${name}\0`).update(readFileSync(join(projectRoot, folder, name)));
	}
	hash = hasher.digest('base64url');
	hashes.set(cacheKey, hash);
	return hash;
}
