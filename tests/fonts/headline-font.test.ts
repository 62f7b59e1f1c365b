import { readFile, rm } from 'node:fs/promises';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { HEADLINE_FONT_SOURCE, prepareHeadlineFont } from '../../src/fonts/headline-font.ts';

const cutBySubsetFont = async (characters: string, targetFormat: 'truetype' | 'woff2') => subsetFont(await readFile(HEADLINE_FONT_SOURCE), characters, { targetFormat });

describe('prepareHeadlineFont', () => {
	it('prepareHeadlineFont(characters) writes the subsets subset-font cuts, for pages (WOFF2) and cards (TrueType), from one cut', async () => {
		const characters = '二七区723个楼院实现“三类组织”全覆盖';
		const font = await prepareHeadlineFont(characters);
		expect((await readFile(font.truetype)).equals(await cutBySubsetFont(characters, 'truetype'))).toBe(true);
		expect((await readFile(font.woff2)).equals(await cutBySubsetFont(characters, 'woff2'))).toBe(true);
		expect((await readFile(font.woff2)).subarray(0, 4).toString('latin1')).toBe('wOF2');
	});

	it('writes the same files again once its cache is emptied, and other characters get a cut of their own', async () => {
		const characters = '中秋假期荥阳接待游客40.389万人次';
		const first = await prepareHeadlineFont(characters);
		const files = await Promise.all([readFile(first.truetype), readFile(first.woff2)]);
		await Promise.all([rm(first.truetype), rm(first.woff2)]);
		// The process's cut of these characters, written again.
		const again = await prepareHeadlineFont(characters);
		expect([await readFile(again.truetype), await readFile(again.woff2)]).toEqual(files);
		const other = await prepareHeadlineFont(`${characters}实现旅游收入3440万余元`);
		expect(other.hash).not.toBe(first.hash);
		expect((await readFile(other.truetype)).equals(await cutBySubsetFont(`${characters}实现旅游收入3440万余元`, 'truetype'))).toBe(true);
		expect((await readFile(other.woff2)).equals(await cutBySubsetFont(`${characters}实现旅游收入3440万余元`, 'woff2'))).toBe(true);
	});
});
