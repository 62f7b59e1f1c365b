import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonFolderLoader } from '../../src/loaders/json-folder-loader.ts';
import { storyLoader } from '../../src/loaders/story-loader.ts';
import { onSettledChanges, SETTLE_MS } from '../../src/core/settled-changes.ts';

/**
 * In `astro dev` the loaders follow edits through Vite's watcher. Saving a file in place truncates
 * it and then writes it, and chokidar may report only the truncation: a loader that read the file
 * at the first event stored nothing (or the empty file) and never saw the save, so the page stayed
 * missing after the editor fixed it. Here the watcher reports only the truncation, as chokidar can.
 */

class FakeWatcher extends EventEmitter {
	added: string[] = [];
	add(path: string) {
		this.added.push(path);
	}
}

let site: string;
beforeEach(async () => {
	site = await mkdtemp(join(tmpdir(), 'broadsheet-watch-'));
	await mkdir(join(site, 'content/2024-09-18'), { recursive: true });
	await mkdir(join(site, 'data'));
});
afterEach(() => rm(site, { recursive: true, force: true }));

function context(watcher: FakeWatcher) {
	const entries = new Map<string, { data: Record<string, unknown>; digest?: unknown }>();
	const ctx = {
		store: {
			get: (id: string) => entries.get(id),
			set: (entry: { id: string; data: Record<string, unknown>; digest?: unknown }) => Boolean(entries.set(entry.id, entry)),
			keys: () => [...entries.keys()],
			delete: (id: string) => void entries.delete(id),
		},
		logger: { info: () => undefined, warn: () => undefined },
		parseData: async ({ data }: { data: unknown }) => data,
		generateDigest: (text: string) => text,
		config: { root: pathToFileURL(`${site}/`) },
		watcher,
	} as unknown as LoaderContext;
	return { ctx, entries };
}

const story = (kicker: string) =>
	[
		'---',
		'edition: "2024-09-18"',
		'page: 5',
		'headline: 测试标题',
		`kicker: ${kicker}`,
		'byline:',
		'  reporters: [记者甲]',
		'summary: 测试摘要。',
		'publishedAt: "2024-09-18"',
		'---',
		'正文。',
		'',
	].join('\n');
const settled = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 3));

/** A save as an editor makes it in place, with the watcher told only of the truncation. */
async function saveReportingOnlyTruncation(watcher: FakeWatcher, path: string, text: string) {
	await writeFile(path, '');
	watcher.emit('all', 'change', path);
	await new Promise((resolve) => setTimeout(resolve, 5));
	await writeFile(path, text);
}

describe('the loaders follow a save in astro dev', () => {
	it('the story loader stores what the save wrote, not the truncated file of its first event', async () => {
		const path = join(site, 'content/2024-09-18/story.mdx');
		await writeFile(path, story('旧眉题'));
		const watcher = new FakeWatcher();
		const { ctx, entries } = context(watcher);
		await storyLoader({ folder: join(site, 'content') }).load(ctx);
		expect(entries.get('2024-09-18/story')?.data.kicker).toBe('旧眉题');

		await saveReportingOnlyTruncation(watcher, path, story('新眉题'));
		await settled();
		expect(entries.get('2024-09-18/story')?.data.kicker).toBe('新眉题');

		await unlink(path);
		watcher.emit('all', 'unlink', path);
		await settled();
		expect(entries.has('2024-09-18/story')).toBe(false);
	});

	it('the JSON loader stores what the save wrote, not nothing', async () => {
		const path = join(site, 'data/figures.json');
		await writeFile(path, '{"value": 1}');
		const watcher = new FakeWatcher();
		const { ctx, entries } = context(watcher);
		await jsonFolderLoader({ folder: join(site, 'data'), include: (name) => name.endsWith('.json'), id: (name) => name.slice(0, -5) }).load(ctx);
		expect(entries.get('figures')?.data).toEqual({ value: 1 });

		await saveReportingOnlyTruncation(watcher, path, '{"value": 2}');
		await settled();
		expect(entries.get('figures')?.data).toEqual({ value: 2 });
	});
});

describe('onSettledChanges(watcher, folder, changed)', () => {
	it('calls once per file after it is quiet, in order, and ignores files outside the folder', async () => {
		const watcher = new FakeWatcher();
		const calls: string[] = [];
		let release: () => void = () => undefined;
		onSettledChanges(watcher, site, async (name) => {
			calls.push(`start ${name}`);
			if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
			calls.push(`end ${name}`);
		});
		expect(watcher.added).toEqual([site]);
		for (let i = 0; i < 3; i++) watcher.emit('all', 'change', join(site, 'data/a.json'));
		watcher.emit('all', 'change', join(tmpdir(), 'elsewhere.json'));
		await settled();
		expect(calls).toEqual(['start data/a.json']);
		// A second save while the first is still being read waits for it.
		watcher.emit('all', 'change', join(site, 'data/a.json'));
		await settled();
		expect(calls).toEqual(['start data/a.json']);
		release();
		await settled();
		expect(calls).toEqual(['start data/a.json', 'end data/a.json', 'start data/a.json', 'end data/a.json']);
	});
});
