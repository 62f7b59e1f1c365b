import { describe, expect, it } from 'vitest';
import { runRule } from '../../../src/validation/rule.ts';
import { pageScans } from '../../../src/validation/rules/page-scans.ts';
import { editionEntry, printed, siteInput } from '../../helpers/rule-entries.ts';

const edition = (scan?: object) => ({ date: '2024-09-18', pages: [{ number: 5, name: '区县新闻', ...(scan ? { scan } : {}) }] });

describe('rule page-scans', () => {
	it('accepts an edition without page scans', async () => {
		expect((await runRule(pageScans, siteInput({ editions: [await editionEntry(edition())] }))).problems).toEqual([]);
	});

	it("refuses a page scan's PDF that is not next to edition.json", async () => {
		const input = siteInput({ editions: [await editionEntry(edition({ image: './scans/05.png', pdf: './scans/05.pdf', regions: [{ story: 'a', x: 0, y: 0, width: 10, height: 10 }] }))] });
		const lines = printed((await runRule(pageScans, input)).problems);
		expect(lines).toContainEqual(expect.stringMatching(/^content\/2024-09-18\/edition\.json:\d+  pages\[0\]\.scan\.pdf  received "\.\/scans\/05\.pdf", but there is no such file next to edition\.json; expected the page's PDF$/));
	});
});
