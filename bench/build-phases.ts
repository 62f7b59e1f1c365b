/**
 * Where a Broadsheet build's time goes, read from the log `scripts/build.ts` prints through
 * `src/build/build-log.ts`: a line per finished phase, `✓ Rendered 2000 files (31.4 s)`, and a last
 * line `Built <out> in 52.0 s: …` timed from after the build lock was taken. The bench captures
 * each build's output in a file and reads it back, so the figures are the build's own.
 */

/** One finished phase of a build. */
export interface BuildPhase {
	/**
	 * The phase's line up to its first `:` or `;`, counts replaced by N, the same in every build of
	 * any archive: `Rendered N files` for `Rendered 209 files; 408 unchanged since the last build`.
	 */
	name: string;
	/** The line as printed, between the mark and the time: `Rendered 2000 files`. */
	text: string;
	seconds: number;
}

/** The timed lines of one build's log. */
export interface BuildPhases {
	phases: BuildPhase[];
	/** The time in the `Built … in N s` line (from after the build lock to the end), when the build got that far. */
	builtSeconds?: number;
}

/** `✓ <text> (<seconds> s)`, BuildLog.phase's line; a terminal's progress line may precede it after a carriage return. */
const PHASE = /✓ (.+) \((\d+(?:\.\d+)?) s\)$/;
/** build.ts's last line; the output folder's name may hold anything, so the last ` in N s:` counts. */
const BUILT = /^Built .* in (\d+(?:\.\d+)?) s: /;

/** Reads the phases out of a build's log (its stdout and stderr). */
export function parseBuildPhases(log: string): BuildPhases {
	const result: BuildPhases = { phases: [] };
	for (const line of log.split('\n')) {
		const phase = PHASE.exec(line);
		if (phase) {
			const text = phase[1];
			result.phases.push({ name: text.split(/[:;]/)[0].replace(/\d[\d,]*/g, 'N'), text, seconds: Number(phase[2]) });
			continue;
		}
		const built = BUILT.exec(line);
		if (built) result.builtSeconds = Number(built[1]);
	}
	return result;
}

/** One build's column in the phase table. */
export interface PhaseColumn {
	/** The build's name: `cold`, `warm`, `rebuild-one`. */
	build: string;
	/** The wall time the bench measured around the whole process. */
	wallSeconds: number;
	phases: BuildPhases;
}

/**
 * A table of seconds, a row per phase and a column per build, followed by what the phase lines do
 * not cover: the time after the last phase (the summary line, the process ending) and before
 * the first (Node start-up, imports, waiting for the build lock), up to the measured wall time.
 * The log rounds each time to 0.1 s, so the first of these can come out a little below zero; it is
 * shown as 0. What a phase line says after a `;` (how much of the phase was reused from a cache)
 * does not fit a table of seconds and is listed below it.
 */
export function formatPhaseTable(columns: readonly PhaseColumn[]): string {
	const names: string[] = [];
	for (const column of columns) for (const phase of column.phases.phases) if (!names.includes(phase.name)) names.push(phase.name);
	const cell = (seconds: number | undefined) => (seconds === undefined || !Number.isFinite(seconds) ? '—' : seconds.toFixed(1));
	const phaseSum = (column: PhaseColumn) => column.phases.phases.reduce((sum, phase) => sum + phase.seconds, 0);
	const rows: string[][] = [
		...names.map((name) => [
			name,
			...columns.map((column) => {
				const matching = column.phases.phases.filter((phase) => phase.name === name);
				return cell(matching.length === 0 ? undefined : matching.reduce((sum, phase) => sum + phase.seconds, 0));
			}),
		]),
		[
			'after the phases (exit)',
			...columns.map((column) => cell(column.phases.builtSeconds === undefined ? undefined : Math.max(0, column.phases.builtSeconds - phaseSum(column)))),
		],
		[
			'before them (Node start-up, imports, lock)',
			...columns.map((column) => cell(column.phases.builtSeconds === undefined ? undefined : column.wallSeconds - column.phases.builtSeconds)),
		],
		['wall', ...columns.map((column) => cell(column.wallSeconds))],
	];
	const header = ['phase (s)', ...columns.map((column) => column.build)];
	const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index].length)));
	const line = (row: string[]) => row.map((value, index) => (index === 0 ? value.padEnd(widths[index]) : value.padStart(widths[index]))).join('  ');
	const details = columns.flatMap((column) =>
		column.phases.phases.filter((phase) => phase.text.includes(';')).map((phase) => `  ${column.build}: ${phase.text}`),
	);
	return [line(header), ...rows.map(line), ...details].join('\n');
}
