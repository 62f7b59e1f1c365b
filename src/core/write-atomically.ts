import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file aside and renames it into place, so that a reader (or a process killed midway)
 * finds either its old content or the new, never half of it. The file aside is named after the
 * process, so that two processes writing the same file (a build and `npm run check`) do not write
 * into each other's.
 */
export function writeFileAtomically(file: string, data: string | NodeJS.ArrayBufferView): void {
	mkdirSync(dirname(file), { recursive: true });
	const aside = `${file}.${process.pid}.tmp`;
	writeFileSync(aside, data);
	renameSync(aside, file);
}
