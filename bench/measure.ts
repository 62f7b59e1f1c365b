/**
 * Runs a command and measures its wall time and memory.
 *
 * Peak memory is the peak, over time, of the summed resident set size (RSS) of the command's whole
 * process tree, sampled from /proc every `sampleMs` (100 ms by default): an Astro build may fork
 * workers, and their memory counts against the machine as much as the parent's. A peak shorter
 * than the sampling interval can be missed, and shared pages are counted once per process, so the
 * figure is an estimate. When GNU time is installed (`/usr/bin/time`) the command runs under it
 * and its `%M` (the largest single process's peak RSS, exact, from the kernel) is reported too.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';
/** /proc reports RSS in pages; every Linux this runs on here uses 4 KiB pages. */
const PAGE_BYTES = 4096;

/** What a measured run took. */
export interface Measurement {
	/** The command's exit code (1 when it was killed by a signal). */
	code: number;
	wallSeconds: number;
	/** Peak of the sampled RSS sum of the process tree, in bytes. */
	peakTreeRssBytes: number;
	/** The largest single process's peak RSS from GNU time, in bytes, when GNU time is installed. */
	maxProcessRssBytes?: number;
}

/** Options of `measureCommand`. */
export interface MeasureOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Where the command's stdout and stderr go; a build log of 10,000 pages is not kept in memory. */
	logFile: string;
	sampleMs?: number;
}

interface ProcEntry {
	ppid: number;
	rssPages: number;
}

function readProcesses(): Map<number, ProcEntry> {
	const processes = new Map<number, ProcEntry>();
	for (const name of readdirSync('/proc')) {
		const pid = Number(name);
		if (!Number.isInteger(pid)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
		} catch {
			continue; // The process ended between the listing and the read.
		}
		// The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		processes.set(pid, { ppid: Number(fields[1]), rssPages: Number(fields[21]) });
	}
	return processes;
}

/** The summed RSS, in bytes, of a process and all its descendants, and their pids. */
export function processTree(rootPid: number): { rssBytes: number; pids: Set<number> } {
	const processes = readProcesses();
	const children = new Map<number, number[]>();
	for (const [pid, { ppid }] of processes) {
		const list = children.get(ppid);
		if (list) list.push(pid);
		else children.set(ppid, [pid]);
	}
	let pages = 0;
	const pids = new Set<number>();
	const pending = [rootPid];
	for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
		pids.add(pid);
		pages += processes.get(pid)?.rssPages ?? 0;
		pending.push(...(children.get(pid) ?? []));
	}
	return { rssBytes: pages * PAGE_BYTES, pids };
}

/** Runs `command args…` to completion, sampling its process tree's memory. */
export function measureCommand(command: string, args: string[], options: MeasureOptions): Promise<Measurement> {
	const { cwd, env, logFile, sampleMs = 100 } = options;
	const timeFile = `${logFile}.time`;
	const useGnuTime = existsSync(GNU_TIME);
	const log = openSync(logFile, 'w');
	const started = performance.now();
	const child = useGnuTime
		? spawn(GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args], { cwd, env, stdio: ['ignore', log, log] })
		: spawn(command, args, { cwd, env, stdio: ['ignore', log, log] });
	let peak = 0;
	const sample = () => {
		if (child.pid === undefined) return;
		const tree = processTree(child.pid);
		peak = Math.max(peak, tree.rssBytes);
	};
	const timer = setInterval(sample, sampleMs);
	return new Promise((resolve, reject) => {
		child.on('error', (error) => {
			clearInterval(timer);
			closeSync(log);
			reject(error);
		});
		child.on('exit', (code) => {
			const wallSeconds = (performance.now() - started) / 1000;
			clearInterval(timer);
			closeSync(log);
			let maxProcessRssBytes: number | undefined;
			if (useGnuTime && existsSync(timeFile)) {
				// GNU time writes "Command exited with non-zero status N" before %M when the command fails.
				const kib = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
				if (Number.isFinite(kib)) maxProcessRssBytes = kib * 1024;
				rmSync(timeFile, { force: true });
			}
			resolve({ code: code ?? 1, wallSeconds, peakTreeRssBytes: peak, maxProcessRssBytes });
		});
	});
}

/**
 * The environment a build gets: this process's, less what test runners and npm add for
 * themselves (BASE_URL, MODE, DEV, PROD, NODE_ENV…), which would leak into the build's
 * `import.meta.env`, as tests/helpers/site-fixture.ts does for the tests.
 */
export function buildEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of Object.keys(env)) {
		if (/^(BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|VITEST.*)$/.test(key)) delete env[key];
	}
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}
