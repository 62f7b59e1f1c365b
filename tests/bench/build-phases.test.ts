import { describe, expect, it } from 'vitest';
import { formatPhaseTable, parseBuildPhases } from '../../bench/build-phases.ts';
import { BuildLog } from '../../src/build/build-log.ts';

/** A build log as scripts/build.ts writes it into a file (not a terminal), 2,000 stories. */
const coldLog = [
	'✓ Content checked: 334 editions, 2000 stories, 500 datasets, 500 charts (4.1 s)',
	'✓ Headline font subset: 2,310 characters (1.2 s)',
	'✓ Bundled (20.3 s)',
	'  rendering: 1000/4000 files (25%)',
	'  rendering: 2000/4000 files (50%)',
	'  rendering: 3000/4000 files (75%)',
	'✓ Rendered 4000 files (60.0 s)',
	'✓ Images and sitemaps (0.4 s)',
	'✓ Search index: 2671 pages (9.5 s)',
	'Built /tmp/broadsheet-bench-x/broadsheet-dist in 96.0 s: 2671 pages, 2000 stories, 500 datasets, 500 charts, 180.2 MB.',
].join('\n');

describe('parseBuildPhases', () => {
	it('parseBuildPhases(log) reads each phase line and the total, names without their counts', () => {
		const { phases, builtSeconds } = parseBuildPhases(coldLog);
		expect(phases.map((phase) => [phase.name, phase.seconds])).toEqual([
			['Content checked', 4.1],
			['Headline font subset', 1.2],
			['Bundled', 20.3],
			['Rendered N files', 60],
			['Images and sitemaps', 0.4],
			['Search index', 9.5],
		]);
		expect(phases[3].text).toBe('Rendered 4000 files');
		expect(builtSeconds).toBe(96);
	});

	it('parseBuildPhases(log) reads the lines BuildLog writes, on a terminal as in a file', () => {
		for (const isTTY of [false, true]) {
			const written: string[] = [];
			const log = new BuildLog({ isTTY, write: (text) => written.push(text) });
			log.phase('Content checked: 1 edition, 4 stories, 2 datasets, 2 charts');
			for (let done = 1; done <= 400; done++) log.progress(done, 400);
			log.phase('Rendered 400 files');
			const { phases } = parseBuildPhases(written.join(''));
			expect(phases.map((phase) => phase.name)).toEqual(['Content checked', 'Rendered N files']);
			expect(phases.every((phase) => phase.seconds >= 0 && phase.seconds < 5)).toBe(true);
		}
	});

	it('parseBuildPhases(log) names a phase by what precedes its first ";", so a partly cached phase keeps its row', () => {
		const { phases } = parseBuildPhases('✓ Rendered 209 files; 408 unchanged since the last build (2.0 s)');
		expect(phases).toEqual([{ name: 'Rendered N files', text: 'Rendered 209 files; 408 unchanged since the last build', seconds: 2 }]);
	});

	it('parseBuildPhases(log) of a failed build has no total', () => {
		const failed = parseBuildPhases('✓ Content checked: 1 edition (0.2 s)\n\nThe build failed: boom\ndist is unchanged.\n');
		expect(failed.phases).toHaveLength(1);
		expect(failed.builtSeconds).toBeUndefined();
	});
});

describe('formatPhaseTable', () => {
	it('formatPhaseTable(columns) puts a build per column, accounts for the time outside the phases and lists what follows a ";"', () => {
		const warmLog = coldLog
			.replace('Rendered 4000 files (60.0 s)', 'Rendered 1400 files; 2600 unchanged since the last build (30.0 s)')
			.replace('in 96.0 s', 'in 66.0 s');
		const table = formatPhaseTable([
			{ build: 'cold', wallSeconds: 99.5, phases: parseBuildPhases(coldLog) },
			{ build: 'warm', wallSeconds: 69, phases: parseBuildPhases(warmLog) },
			{ build: 'failed', wallSeconds: Number.NaN, phases: parseBuildPhases('✓ Content checked: 1 edition (0.2 s)') },
		]);
		expect(table).toMatchInlineSnapshot(`
			"phase (s)                                   cold  warm  failed
			Content checked                              4.1   4.1     0.2
			Headline font subset                         1.2   1.2       —
			Bundled                                     20.3  20.3       —
			Rendered N files                            60.0  30.0       —
			Images and sitemaps                          0.4   0.4       —
			Search index                                 9.5   9.5       —
			after the phases (exit)                      0.5   0.5       —
			before them (Node start-up, imports, lock)   3.5   3.0       —
			wall                                        99.5  69.0       —
			  warm: Rendered 1400 files; 2600 unchanged since the last build"
		`);
	});
});
