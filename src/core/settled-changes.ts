import { relative, sep } from 'node:path';

/** The part of a file watcher (Vite's chokidar) that the loaders and the dev content check use. */
export interface FolderWatcher {
	add(paths: string | readonly string[]): unknown;
	on(event: 'all', listener: (event: string, path: string) => void): unknown;
}

/**
 * How long a file must be quiet before it is read. Saving a file in place truncates it, then writes
 * it; the watcher may report only the truncation (chokidar drops a second event within 5 ms, and
 * one whose modification time has not changed), so a file read at the first event can be empty and
 * its final content never reported.
 */
export const SETTLE_MS = 100;

/**
 * Calls `changed` with a file's path relative to `folder` (with `/`) and its absolute path once the
 * file has had no event for `SETTLE_MS`: once per save, with what the save wrote. Calls for one file
 * run one after the other, so an older save never lands after a newer one. Whether the file still
 * exists is for `changed` to look at (an editor's atomic save removes and adds it).
 */
export function onSettledChanges(watcher: FolderWatcher, folder: string, changed: (name: string, path: string) => Promise<void>, ms = SETTLE_MS): void {
	const timers = new Map<string, NodeJS.Timeout>();
	const running = new Map<string, Promise<void>>();
	watcher.add(folder);
	watcher.on('all', (_event, path) => {
		const name = relative(folder, path).split(sep).join('/');
		if (name === '' || name === '..' || name.startsWith('../')) return;
		clearTimeout(timers.get(path));
		timers.set(
			path,
			setTimeout(() => {
				timers.delete(path);
				const run = (running.get(path) ?? Promise.resolve()).then(() => changed(name, path));
				running.set(path, run);
				void run.finally(() => running.get(path) === run && running.delete(path));
			}, ms),
		);
	});
}
