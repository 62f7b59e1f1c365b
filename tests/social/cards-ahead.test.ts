import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_FONT_SOURCE } from '../../src/fonts/headline-font.ts';
import { cachedSocialCard } from '../../src/social/card-cache.ts';
import { cardFontFor, type CardFontFiles } from '../../src/social/card-font.ts';
import { CardPool } from '../../src/social/card-pool.ts';
import { CardsAhead, type StoryCard } from '../../src/social/cards-ahead.ts';
import { renderSocialCard, type SocialCard } from '../../src/social/social-card.ts';
import { sampleCard, sampleChartSvg, subsetFile, textOf } from './card-fixtures.ts';

/** A pool that remembers which cards it was given. */
class CountingPool extends CardPool {
	readonly drawn: string[] = [];
	override draw(card: SocialCard, fonts: CardFontFiles): Promise<Buffer> {
		this.drawn.push(card.headline);
		return super.draw(card, fonts);
	}
}

let cards: SocialCard[];
let fonts: CardFontFiles;

beforeAll(async () => {
	const chartSvg = await sampleChartSvg('mid-autumn-tourism-2024', 'visitors');
	cards = [
		sampleCard,
		{ ...sampleCard, headline: '中牟县中秋假期接待游客76.57万人次', chartSvg },
		{ ...sampleCard, headline: '荥阳市中秋假期接待游客40.389万人次', kicker: undefined },
	];
	fonts = { subset: await subsetFile(cards.map(textOf).join('')), source: HEADLINE_FONT_SOURCE };
});

const stories = (list: SocialCard[]): StoryCard[] => list.map((card, i) => ({ id: `2024-09-18/story-${i}`, card: async () => card }));

describe('CardsAhead', () => {
	it('new CardsAhead(stories, options) draws the cards missing from the cache in worker threads, the bytes renderSocialCard draws', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'cards-ahead-'));
		await cachedSocialCard(cards[0]!, fonts, dir);
		let pool: CountingPool | undefined;
		const ahead = new CardsAhead(stories(cards), { fonts, dir, pool: () => (pool = new CountingPool(2)) });
		for (const [i, card] of cards.entries()) {
			const png = await ahead.png(`2024-09-18/story-${i}`);
			expect(png?.equals(await renderSocialCard(card, await cardFontFor(card, fonts)))).toBe(true);
		}
		await ahead.done;
		expect(pool?.drawn).toEqual([cards[1]!.headline, cards[2]!.headline]);
		expect((await readdir(dir)).sort()).toEqual([expect.stringMatching(/\.png$/), expect.stringMatching(/\.png$/), expect.stringMatching(/\.png$/)]);
	});

	it('new CardsAhead(stories, options) draws a card two stories share once', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'cards-ahead-'));
		let pool: CountingPool | undefined;
		const ahead = new CardsAhead(stories([cards[2]!, cards[2]!]), { fonts, dir, pool: () => (pool = new CountingPool(2)) });
		const [first, second] = [await ahead.png('2024-09-18/story-0'), await ahead.png('2024-09-18/story-1')];
		expect(first?.equals(second!)).toBe(true);
		await ahead.done;
		expect(pool?.drawn).toEqual([cards[2]!.headline]);
		expect(await readdir(dir)).toHaveLength(1);
	});

	it('new CardsAhead(stories, options) draws no further ahead than it is told, so a build that stops asking is not kept busy', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'cards-ahead-'));
		let pool: CountingPool | undefined;
		const ahead = new CardsAhead(stories(cards), { fonts, dir, pool: () => (pool = new CountingPool(1)), ahead: 1 });
		while (!pool?.drawn.length) await new Promise((resolve) => setTimeout(resolve, 10));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(pool.drawn).toEqual([cards[0]!.headline]);
		for (const i of [0, 1, 2]) expect(await ahead.png(`2024-09-18/story-${i}`)).toBeInstanceOf(Buffer);
		await ahead.done;
		expect(pool.drawn).toEqual(cards.map((card) => card.headline));
	});

	it('new CardsAhead(stories, options) skips the stories whose pages Astro copied from its incremental-build cache', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'cards-ahead-'));
		let pool: CountingPool | undefined;
		const ahead = new CardsAhead(stories(cards), { fonts, dir, pool: () => (pool = new CountingPool(1)), ahead: 1 });
		// Astro asks for the third story first: the pages of the first two were not rendered.
		expect(await ahead.png('2024-09-18/story-2')).toBeInstanceOf(Buffer);
		await ahead.done;
		expect(pool?.drawn).toEqual([cards[2]!.headline]);
		expect(await ahead.png('2024-09-18/story-0')).toBeUndefined();
		expect(await ahead.png('2024-09-18/story-1')).toBeUndefined();
	});

	it('new CardsAhead(stories, options) starts no thread when every card is in the cache', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'cards-ahead-'));
		for (const card of cards) await cachedSocialCard(card, fonts, dir);
		let pools = 0;
		const ahead = new CardsAhead(stories(cards), { fonts, dir, pool: () => (pools++, new CardPool(1)) });
		await ahead.done;
		expect(await ahead.png('2024-09-18/story-1')).toBeInstanceOf(Buffer);
		expect(pools).toBe(0);
	});

	it('CardsAhead.png(id) rejects with an error naming the story whose card a worker could not draw', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'cards-ahead-'));
		const broken = { ...sampleCard, chartSvg: '<svg' };
		const ahead = new CardsAhead(stories([cards[0]!, broken, cards[2]!]), { fonts, dir, pool: () => new CardPool(1) });
		expect(await ahead.png('2024-09-18/story-0')).toBeInstanceOf(Buffer);
		await expect(ahead.png('2024-09-18/story-1')).rejects.toThrow(
			'The social card of story 2024-09-18/story-1 could not be drawn: the chart is not an SVG with a viewBox: received "<svg"',
		);
		await ahead.done;
	});

	it('CardsAhead.png(id) leaves a story whose card cannot be made to its page', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'cards-ahead-'));
		const ahead = new CardsAhead(
			[{ id: '2024-09-18/no-dataset', card: () => Promise.reject(new Error('no dataset')) }, ...stories([cards[2]!])],
			{ fonts, dir, pool: () => new CardPool(1) },
		);
		expect(await ahead.png('2024-09-18/no-dataset')).toBeUndefined();
		expect(await ahead.png('2024-09-18/story-0')).toBeInstanceOf(Buffer);
		expect(await ahead.png('2024-09-18/elsewhere')).toBeUndefined();
		await ahead.done;
	});
});
