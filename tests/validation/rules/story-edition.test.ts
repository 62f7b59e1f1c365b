import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { storyEdition } from '../../../src/validation/rules/story-edition.ts';
import { editionEntry, printed, siteOf, storyEntry, frontmatter, STORY_BODY } from '../../helpers/rule-entries.ts';

const EDITION = { date: '2024-09-18', pages: [{ number: 5, name: '区县新闻' }] };

async function check(text: string, editions?: Awaited<ReturnType<typeof editionEntry>>[]) {
	editions ??= [await editionEntry(EDITION)];
	const story = await storyEntry(text);
	const site = siteOf({ editions, stories: [story] });
	return runRule(storyEdition, { id: story.id, article: site.articles.get(story.id)!, site, root: '/' });
}

describe('rule story-edition', () => {
	it('accepts a story on a page of the edition whose folder it is in', async () => {
		expect((await check(frontmatter() + STORY_BODY)).problems).toEqual([]);
	});

	it("refuses a page the edition does not have, and an edition that does not exist", async () => {
		expect(printed((await check(frontmatter().replace('page: 5', 'page: 7') + STORY_BODY)).problems)).toEqual([
			'content/2024-09-18/a.mdx:3  page  received 7; expected one of the pages of edition 2024-09-18: 5',
		]);
		expect(printed((await check(frontmatter() + STORY_BODY, [])).problems)).toEqual([
			'content/2024-09-18/a.mdx:2  edition  received "2024-09-18", but there is no content/2024-09-18/edition.json; expected an existing edition',
		]);
	});
});
