import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_FONT_SOURCE } from '../../src/fonts/headline-font.ts';
import { cardFontFor, fontCharacters } from '../../src/social/card-font.ts';
import { cardCharacters, renderSocialCard, type SocialCard } from '../../src/social/social-card.ts';
import { sampleCard, sampleChartSvg, subsetFile, textOf } from './card-fixtures.ts';

const codePoints = (text: string) => [...text].map((char) => char.codePointAt(0)!);

let withChart: SocialCard;
let withGridChart: SocialCard;

beforeAll(async () => {
	withChart = { ...sampleCard, chartSvg: await sampleChartSvg('erqi-governance', 'organisations') };
	// A level chart on a log scale says 对数刻度 under its axis: text no headline of the sample has.
	withGridChart = { ...sampleCard, chartSvg: await sampleChartSvg('erqi-governance', 'grid-levels') };
});

describe('fontCharacters', () => {
	it('fontCharacters(font) lists the characters a subset has glyphs for, and only those', async () => {
		const characters = fontCharacters(await readFile(await subsetFile('示例日报')));
		expect(codePoints('示例日报').every((code) => characters.has(code))).toBe(true);
		expect(characters.has('中'.codePointAt(0)!)).toBe(false);
	});

	it('fontCharacters(font) reads the whole face', async () => {
		const characters = fontCharacters(await readFile(HEADLINE_FONT_SOURCE));
		expect(characters.size).toBeGreaterThan(30_000);
		expect(codePoints('中文日报对数刻度AZ09').every((code) => characters.has(code))).toBe(true);
	});
});

describe('cardCharacters', () => {
	it("cardCharacters(card) holds the chart's drawn text, decoded, and not its title or description", () => {
		const characters = cardCharacters({ ...sampleCard, chartSvg: '<svg><title>标题</title><desc>描述</desc><text x="1">图&amp;文&#x4e2d;</text></svg>' });
		for (const char of '图&文中示例日报…') expect(characters).toContain(char);
		for (const char of '标题描述') expect(characters).not.toContain(char);
	});
});

describe('cardFontFor', () => {
	it('cardFontFor(card, fonts) draws with the subset when it has every character of the card', async () => {
		const subset = await subsetFile(textOf(withChart));
		expect((await cardFontFor(withChart, { subset, source: HEADLINE_FONT_SOURCE })).file).toBe(subset);
	});

	it("cardFontFor(card, fonts) draws with the whole face when the subset lacks a character of the card's chart", async () => {
		expect(cardCharacters(withGridChart)).toContain('微');
		const subset = await subsetFile(textOf(withGridChart).replaceAll('微', ''));
		expect((await cardFontFor(withGridChart, { subset, source: HEADLINE_FONT_SOURCE })).file).toBe(HEADLINE_FONT_SOURCE);
	});

	it("renderSocialCard(card, font) draws the same bytes with any subset holding the card's characters as with the whole face", async () => {
		// Why a card's cache key may leave the build's subset out: the glyphs come from the face either way.
		const fonts = { source: HEADLINE_FONT_SOURCE };
		const small = await cardFontFor(withChart, { ...fonts, subset: await subsetFile(textOf(withChart)) });
		const big = await cardFontFor(withChart, { ...fonts, subset: await subsetFile(`${textOf(withChart)}中秋假期郑州市接待游客旅游收入亿元同比增长`) });
		expect(small.file).not.toBe(big.file);
		const whole = await renderSocialCard(withChart, await cardFontFor(withChart, fonts));
		expect((await renderSocialCard(withChart, small)).equals(whole)).toBe(true);
		expect((await renderSocialCard(withChart, big)).equals(whole)).toBe(true);
	});
});
