import { readFile } from 'node:fs/promises';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { HEADLINE_FONT_SOURCE, prepareHeadlineFont } from '../../src/fonts/headline-font.ts';

describe('prepareHeadlineFont', () => {
	it('prepareHeadlineFont(characters) writes the subsets subset-font cuts, for pages (WOFF2) and cards (TrueType), from one cut', async () => {
		const characters = '二七区723个楼院实现“三类组织”全覆盖';
		const font = await prepareHeadlineFont(characters);
		const source = await readFile(HEADLINE_FONT_SOURCE);
		expect((await readFile(font.truetype)).equals(await subsetFont(source, characters, { targetFormat: 'truetype' }))).toBe(true);
		expect((await readFile(font.woff2)).equals(await subsetFont(source, characters, { targetFormat: 'woff2' }))).toBe(true);
		expect((await readFile(font.woff2)).subarray(0, 4).toString('latin1')).toBe('wOF2');
	});
});
