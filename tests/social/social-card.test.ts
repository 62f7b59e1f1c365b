import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import subsetFont from 'subset-font';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_FONT_SOURCE } from '../../src/fonts/headline-font.ts';
import { CARD_HEIGHT, CARD_WIDTH, renderSocialCard, type SocialCard } from '../../src/social/social-card.ts';

const card: SocialCard = {
	siteName: '示例日报',
	kicker: '靶向施策提升楼院治理水平',
	headline: '二七区723个楼院实现“三类组织”全覆盖',
	dateLine: '2024年9月18日 星期三',
	pageLine: '第05版：区县新闻',
};

/** A subset font file holding only `text`'s glyphs. */
async function fontFor(text: string): Promise<{ data: Buffer; file: string }> {
	const data = await subsetFont(await readFile(HEADLINE_FONT_SOURCE), text, { targetFormat: 'truetype' });
	const file = join(await mkdtemp(join(tmpdir(), 'card-font-')), 'font.ttf');
	await writeFile(file, data);
	return { data, file };
}

/** How many pixels of the headline's band are darker than the paper. */
async function inkInHeadlineBand(png: Buffer): Promise<number> {
	const { data } = await sharp(png).extract({ left: 64, top: 240, width: 560, height: 200 }).greyscale().raw().toBuffer({ resolveWithObject: true });
	return data.filter((value) => value < 128).length;
}

let withGlyphs: Buffer;
let withoutGlyphs: Buffer;

beforeAll(async () => {
	const everything = Object.values(card).join('');
	withGlyphs = await renderSocialCard(card, await fontFor(everything));
	// The same card with a font that lacks the headline's characters: what "boxes" or blanks look like.
	withoutGlyphs = await renderSocialCard(card, await fontFor('示例日报0123456789年月日星期三第版：区县新闻'));
});

describe('renderSocialCard', () => {
	it('renderSocialCard(card, font) draws a 1200×630 PNG', async () => {
		expect(await sharp(withGlyphs).metadata()).toMatchObject({ format: 'png', width: CARD_WIDTH, height: CARD_HEIGHT });
	});

	it('renderSocialCard(card, font) draws the headline in Chinese, not as blanks', async () => {
		const ink = await inkInHeadlineBand(withGlyphs);
		expect(ink).toBeGreaterThan(5000);
		// Without the Chinese glyphs only the digits 723 are drawn: the check above tells the two apart.
		expect(await inkInHeadlineBand(withoutGlyphs)).toBeLessThan(ink / 4);
	});

	it('renderSocialCard(card, font) draws the same bytes for the same card', async () => {
		const everything = Object.values(card).join('');
		expect((await renderSocialCard(card, await fontFor(everything))).equals(withGlyphs)).toBe(true);
	});
});
