import { describe, expect, it } from 'vitest';
import { BuildLog, formatSize } from '../../../src/build/build-log.ts';

/** A stream that records what is written, as a terminal or as a CI log. */
function stream(isTTY: boolean) {
	const written: string[] = [];
	return { written, out: { isTTY, write: (text: string) => written.push(text) } };
}

describe('BuildLog', () => {
	it('BuildLog.progress prints nothing for a site of a few pages', () => {
		const { written, out } = stream(false);
		const log = new BuildLog(out);
		for (let done = 1; done <= 150; done++) log.progress(done, 150);
		expect(written).toEqual([]);
	});

	it('BuildLog.progress prints a line at each quarter when the log is not a terminal', () => {
		const { written, out } = stream(false);
		const log = new BuildLog(out);
		for (let done = 1; done <= 4000; done++) log.progress(done, 4000);
		log.phase('Rendered 4000 files');
		expect(written.map((line) => line.replace(/\(\d+\.\d s\)/, '(N s)'))).toEqual([
			'  rendering: 1000/4000 files (25%)\n',
			'  rendering: 2000/4000 files (50%)\n',
			'  rendering: 3000/4000 files (75%)\n',
			'✓ Rendered 4000 files (N s)\n',
		]);
	});

	it('BuildLog.progress rewrites one line on a terminal and clears it before the next phase', () => {
		const { written, out } = stream(true);
		const log = new BuildLog(out);
		for (let done = 1; done <= 4000; done++) log.progress(done, 4000);
		log.phase('Rendered 4000 files');
		// Throttled to ten updates a second, so a fast render writes few; the last one always shows.
		expect(written.length).toBeLessThan(50);
		expect(written.slice(0, -2).every((text) => text.startsWith('\r  rendering ') && !text.includes('\n'))).toBe(true);
		expect(written.at(-3)).toBe('\r  rendering 4000/4000 files (100%)');
		expect(written.at(-2)).toBe('\r\x1b[2K');
		expect(written.at(-1)).toMatch(/^✓ Rendered 4000 files \(\d+\.\d s\)\n$/);
	});

	it('formatSize(bytes) reads as people say it', () => {
		expect([formatSize(512), formatSize(640_000), formatSize(1_900_000), formatSize(2_300_000_000)]).toEqual(['1 kB', '640 kB', '1.9 MB', '2.3 GB']);
	});
});
