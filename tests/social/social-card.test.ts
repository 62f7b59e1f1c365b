import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import subsetFont from 'subset-font';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_FONT_SOURCE } from '../../src/fonts/headline-font.ts';
import { CARD_HEIGHT, CARD_WIDTH, renderSocialCard, type SocialCard } from '../../src/social/social-card.ts';
import { sampleChartSvg, textOf } from './card-fixtures.ts';

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

/** How many pixels of a band of the card are darker than the paper. */
async function ink(png: Buffer, band: { left: number; top: number; width: number; height: number }, threshold = 128): Promise<number> {
	const { data } = await sharp(png).extract(band).greyscale().raw().toBuffer({ resolveWithObject: true });
	return data.filter((value) => value < threshold).length;
}

/** How many pixels of the headline's band are darker than the paper. */
function inkInHeadlineBand(png: Buffer): Promise<number> {
	return ink(png, { left: 64, top: 240, width: 560, height: 200 });
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

	it("renderSocialCard(card, font) draws a chart on the right, its labels in the card's face", async () => {
		const withChart: SocialCard = { ...card, chartSvg: await sampleChartSvg('erqi-governance', 'organisations') };
		const chartBand = { left: 700, top: 140, width: 440, height: 360 };
		const drawn = await renderSocialCard(withChart, await fontFor(textOf(withChart)));
		// A font without the chart's labels (基层党组织, 自治组织…): only its bars, lines and a few digits are drawn.
		const withoutLabels = await renderSocialCard(withChart, await fontFor(textOf({ ...withChart, chartSvg: undefined })));
		const labels = (await ink(drawn, chartBand, 160)) - (await ink(withoutLabels, chartBand, 160));
		expect(labels).toBeGreaterThan(400);
		// The bars themselves are there either way.
		expect(await ink(withoutLabels, chartBand)).toBeGreaterThan(5000);
	});
});
