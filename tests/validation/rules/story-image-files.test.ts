import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { storyImageFiles } from '../../../src/validation/rules/story-image-files.ts';
import { frontmatter, printed, siteOf, storyEntry, STORY_BODY } from '../../helpers/rule-entries.ts';

/** A site root holding only the photo `content/2024-09-18/photos/moon.jpg`. */
let root: string;
beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'broadsheet-rule-'));
	await mkdir(join(root, 'content/2024-09-18/photos'), { recursive: true });
	await writeFile(join(root, 'content/2024-09-18/photos/moon.jpg'), 'not really a JPEG');
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function check(file: string) {
	const story = await storyEntry(frontmatter(`images:\n  - file: ${file}\n    alt: 游客在景区草坪上赏月\n`) + STORY_BODY);
	const site = siteOf({ stories: [story] });
	return runRule(storyImageFiles, { id: story.id, article: site.articles.get(story.id)!, site, root });
}

describe('rule story-image-files', () => {
	it('accepts an image file next to the story', async () => {
		expect((await check('./photos/moon.jpg')).problems).toEqual([]);
	});

	it('refuses an image file that is not there, naming the field and line', async () => {
		expect(printed((await check('./photos/sun.jpg')).problems)).toEqual([
			'content/2024-09-18/a.mdx:13  images[0].file  received "./photos/sun.jpg", but there is no such file next to the story; expected an image file',
		]);
	});
});
