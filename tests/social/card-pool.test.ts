import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { HEADLINE_FONT_SOURCE } from '../../src/fonts/headline-font.ts';
import { cardFontFor } from '../../src/social/card-font.ts';
import { CardPool, cardThreadsFor } from '../../src/social/card-pool.ts';
import { renderSocialCard } from '../../src/social/social-card.ts';
import { sampleCard, sampleChartSvg, subsetFile, textOf } from './card-fixtures.ts';

const pool = new CardPool(2);
afterAll(() => pool.close());

describe('CardPool', () => {
	it('cardThreadsFor(stories) starts one thread for a small site, one more for each further 64 stories, up to the cores and four', () => {
		expect(cardThreadsFor(0)).toBe(1);
		expect(cardThreadsFor(4)).toBe(1);
		expect(cardThreadsFor(127)).toBe(1);
		expect(cardThreadsFor(128)).toBe(Math.min(2, availableParallelism()));
		expect(cardThreadsFor(100_000)).toBe(Math.min(4, availableParallelism()));
	});

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
