import { afterAll, describe, expect, it } from 'vitest';
import { HEADLINE_FONT_SOURCE } from '../../src/fonts/headline-font.ts';
import { cardFontFor } from '../../src/social/card-font.ts';
import { CardPool } from '../../src/social/card-pool.ts';
import { renderSocialCard } from '../../src/social/social-card.ts';
import { sampleCard, sampleChartSvg, subsetFile, textOf } from './card-fixtures.ts';

const pool = new CardPool(2);
afterAll(() => pool.close());

describe('CardPool', () => {
	it('CardPool.draw(card, fonts) draws the same bytes in a worker thread as renderSocialCard in this one', async () => {
		const withChart = { ...sampleCard, chartSvg: await sampleChartSvg('mid-autumn-tourism-2024', 'visitors') };
		const fonts = { subset: await subsetFile(textOf(withChart)), source: HEADLINE_FONT_SOURCE };
		for (const card of [sampleCard, withChart]) {
			const inline = await renderSocialCard(card, await cardFontFor(card, fonts));
			expect((await pool.draw(card, fonts)).equals(inline)).toBe(true);
		}
	});

	it("CardPool.draw(card, fonts) rejects with the worker's error", async () => {
		await expect(pool.draw({ ...sampleCard, chartSvg: '<svg' }, { source: HEADLINE_FONT_SOURCE })).rejects.toThrow('the chart is not an SVG with a viewBox: received "<svg"');
	});
});
