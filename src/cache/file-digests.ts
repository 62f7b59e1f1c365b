import { lstatSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '../core/write-atomically.ts';

type Digests = Record<string, [size: number, mtimeMs: number, digest: string]>;

/**
 * Digests of files (a story's check key, its content hash), kept between builds with each file's
 * size and time, so that a file whose size and time are unchanged is not read to learn that it is
 * unchanged: at 10,000 stories, reading and hashing every story took half a second of each build.
 * A digest is kept only for the code it was made with (`code`); an edited file gets a new time.
 */
export class FileDigests {
	readonly #file: string;
	readonly #code: string;
	readonly #last: Digests = {};
	readonly #next: Digests = {};

	constructor(file: string, code: string) {
		this.#file = file;
		this.#code = code;
		try {
			const kept = JSON.parse(readFileSync(file, 'utf8')) as { code: string; digests: Digests };
			if (kept.code === code) this.#last = kept.digests;
		} catch {
			// No digests kept yet, or unreadable ones: every file is read.
		}
	}

	/** The digest of the file at `path`: the last build's if the file is unchanged, else `digest` of its bytes. */
	digest(path: string, digest: (bytes: Buffer) => string): string {
		const { size, mtimeMs } = lstatSync(path);
		const last = this.#last[path];
		const value = last && last[0] === size && last[1] === mtimeMs ? last[2] : digest(readFileSync(path));
		this.#next[path] = [size, mtimeMs, value];
		return value;
	}

	/** Keeps the digests of the files asked about in this build, and only those, for the next. */
	save(): void {
		writeFileAtomically(this.#file, JSON.stringify({ code: this.#code, digests: this.#next }));
	}
}
