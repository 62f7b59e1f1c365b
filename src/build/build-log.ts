import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Below this many files, rendering takes a second or two and a progress line would only flicker. */
const PROGRESS_FROM = 200;

/** Where the log goes: a terminal gets one line rewritten in place, a file or CI gets a few lines. */
export interface LogStream {
	write(text: string): unknown;
	isTTY?: boolean;
}

/** `3.2 s`: a duration as the log prints it. */
export function formatSeconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** `1.9 MB`, `640 kB`: the size of the output folder as people read it. */
export function formatSize(bytes: number): string {
	if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
	if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
	return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/** The total size of the files in a folder and its subfolders. */
export async function folderSize(folder: string): Promise<number> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(join(entry.parentPath, entry.name))).size));
	return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * The build's log: one line per phase with its time, a progress indicator while many files
 * render, and nothing else, so the line that matters (a problem, a warning) stands out.
 */
export class BuildLog {
	readonly #out: LogStream;
	readonly #clock: () => number;
	#phaseStarted: number;
	#lastProgress = 0;
	#shownQuarter = 0;
	#progressShown = false;

	/** `clock` gives the time in milliseconds (`performance.now` by default). */
	constructor(out: LogStream = process.stdout, clock: () => number = () => performance.now()) {
		this.#out = out;
		this.#clock = clock;
		this.#phaseStarted = clock();
	}

	/** Starts timing the next phase. */
	start(): void {
		this.#phaseStarted = this.#clock();
	}

	/** Prints a finished phase, `✓ Rendered 1,204 files (3.2 s)`, and starts timing the next. */
	phase(text: string): void {
		this.#clearProgress();
		this.#out.write(`✓ ${text} (${formatSeconds(this.#clock() - this.#phaseStarted)})\n`);
		this.start();
	}

	/** A line that is not a phase, such as a pointer to the warnings. */
	note(text: string): void {
		this.#clearProgress();
		this.#out.write(`  ${text}\n`);
	}

	/**
	 * Rendering progress. On a terminal one line is rewritten at most ten times a second; elsewhere
	 * (CI, a log file) a line is printed at each quarter, so a log never grows by a line per page.
	 */
	progress(done: number, total: number): void {
		if (total < PROGRESS_FROM) return;
		const percent = Math.floor((done / total) * 100);
		if (this.#out.isTTY) {
			const now = this.#clock();
			if (done < total && now - this.#lastProgress < 100) return;
			this.#lastProgress = now;
			this.#out.write(`\r  rendering ${done}/${total} files (${percent}%)`);
			this.#progressShown = true;
			return;
		}
		const quarter = Math.floor((done / total) * 4);
		if (quarter > this.#shownQuarter && done < total) {
			this.#shownQuarter = quarter;
			this.#out.write(`  rendering: ${done}/${total} files (${percent}%)\n`);
		}
	}

	#clearProgress(): void {
		if (!this.#progressShown) return;
		this.#out.write('\r\x1b[2K');
		this.#progressShown = false;
	}
}
