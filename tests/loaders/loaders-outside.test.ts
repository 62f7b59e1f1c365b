import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The build checks the content first and stops on a linked file (tests/bad-input); the loaders Astro
 * runs refuse one on their own too, so nothing from outside the site reaches the output even if
 * they run without the check (as `astro dev` does while the content check reports).
 */
// The loaders keep their caches under the site root: a fixture root keeps the project's caches out of it.
const site = await realpath(await mkdtemp(join(tmpdir(), 'broadsheet-loader-site-')));
process.env.BROADSHEET_ROOT = site;
const { jsonFolderLoader } = await import('../../src/loaders/json-folder-loader.ts');
const { storyLoader } = await import('../../src/loaders/story-loader.ts');
let outside: string;

beforeEach(async () => {
	outside = await realpath(await mkdtemp(join(tmpdir(), 'broadsheet-loader-outside-')));
	await mkdir(join(site, 'content/2024-09-18/photos'), { recursive: true });
	await mkdir(join(site, 'data'));
});

afterEach(async () => {
	await rm(join(site, 'content'), { recursive: true, force: true });
	await rm(join(site, 'data'), { recursive: true, force: true });
	await rm(outside, { recursive: true, force: true });
});

afterAll(async () => {
	delete process.env.BROADSHEET_ROOT;
	await rm(site, { recursive: true, force: true });
});

/** The little of Astro's loader context the loaders use before they would store anything. */
function context(): LoaderContext {
	const entries = new Map<string, unknown>();
	return {
		store: { get: (id: string) => entries.get(id), set: () => true, keys: () => [...entries.keys()], delete: () => undefined },
		logger: { info: () => undefined, warn: () => undefined },
		parseData: async ({ data }: { data: unknown }) => data,
		generateDigest: (text: string) => text,
		config: { root: pathToFileURL(`${site}/`) },
	} as unknown as LoaderContext;
}

const STORY = '---\nedition: "2024-09-18"\n---\n正文。\n';

describe('the loaders read only from inside their folders', () => {
	it('the story loader refuses a story that is a link to a file elsewhere, naming it', async () => {
		await writeFile(join(outside, 'secret.mdx'), STORY);
		await symlink(join(outside, 'secret.mdx'), join(site, 'content/2024-09-18/linked.mdx'));
		await expect(storyLoader({ folder: join(site, 'content') }).load(context())).rejects.toThrow(
			`2024-09-18/linked.mdx: the story is a link to "${join(outside, 'secret.mdx')}", outside ${join(site, 'content')}; expected files inside it`,
		);
	});

	it('the story loader refuses an image that is a link to a file elsewhere, naming the story and the image', async () => {
		await writeFile(join(outside, 'photo.jpg'), 'not a photo');
		await symlink(join(outside, 'photo.jpg'), join(site, 'content/2024-09-18/photos/linked.jpg'));
		await writeFile(join(site, 'content/2024-09-18/story.mdx'), '---\nedition: "2024-09-18"\nimages:\n  - file: ./photos/linked.jpg\n---\n正文。\n');
		await expect(storyLoader({ folder: join(site, 'content') }).load(context())).rejects.toThrow(
			`2024-09-18/story.mdx: its image photos/linked.jpg leads to "${join(outside, 'photo.jpg')}"`,
		);
	});

	it('the JSON loader refuses a dataset that is a link to a file elsewhere, naming it', async () => {
		await writeFile(join(outside, 'data.json'), '{}');
		await symlink(join(outside, 'data.json'), join(site, 'data/linked.json'));
		const loader = jsonFolderLoader({ folder: join(site, 'data'), include: (path) => path.endsWith('.json'), id: (path) => path.slice(0, -5) });
		await expect(loader.load(context())).rejects.toThrow(`linked.json: a link to "${join(outside, 'data.json')}", outside ${join(site, 'data')}`);
	});

	it('a link that stays inside the folder is an ordinary file', async () => {
		await writeFile(join(site, 'data/real.json'), '{"a": 1}');
		await symlink(join(site, 'data/real.json'), join(site, 'data/alias.json'));
		const stored: string[] = [];
		const loader = jsonFolderLoader({ folder: join(site, 'data'), include: (path) => path.endsWith('.json'), id: (path) => path.slice(0, -5) });
		const ctx = context();
		ctx.store.set = ((entry: { id: string }) => Boolean(stored.push(entry.id))) as never;
		await loader.load(ctx);
		expect(stored.sort()).toEqual(['alias', 'real']);
	});
});
