import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file in a folder and its subfolders, relative to it with `/` separators, sorted; nothing
 * when the folder does not exist. Synchronous and one folder at a time: a walk of 40,000 files
 * takes a quarter of a second this way, and several times that with `readdir`'s `recursive`
 * option or through libuv's thread pool.
 */
export function listFiles(folder: string): string[] {
	const files: string[] = [];
	const walk = (dir: string, prefix: string): void => {
		let entries;
		try {
			entries = readdirSync(dir, { withFileTypes: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT' && dir === folder) return;
			throw error;
		}
		for (const entry of entries) {
			if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
			else files.push(`${prefix}${entry.name}`);
		}
	};
	walk(folder, '');
	return files.sort();
}
