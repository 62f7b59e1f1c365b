import { readFile } from 'node:fs/promises';
import { useEntry } from '../cache/registry.ts';
import { cardCacheDir, cardCacheFile, sourceFaceIdentity, writeCachedCard } from './card-cache.ts';
import type { CardFontFiles } from './card-font.ts';
import { CardPool, cardThreadsFor } from './card-pool.ts';
import type { SocialCard } from './social-card.ts';

/** A story whose card a build publishes; the card is made when its turn comes. */
export interface StoryCard {
	/** The story's id (`2024-09-18/erqi-louyuan-zhili`), which errors name. */
	id: string;
	/** Makes what the card shows; called once, when the story's turn comes. */
	card: () => Promise<SocialCard>;
}

/** How cards are drawn ahead. */
export interface CardsAheadOptions {
	/** The fonts the workers draw with. */
	fonts: CardFontFiles;
	/** The card cache; the site's by default. */
	dir?: string;
	/** Makes the worker pool, when the first card missing from the cache comes; by default one sized to the stories (`cardThreadsFor`). */
	pool?: () => CardPool;
	/** At most how many stories past the last one asked for the cards are made; `MAX_AHEAD` by default. */
	ahead?: number;
}

/**
 * How far ahead of the pages the cards are made, in stories. While pages ask for their cards one
 * after another (a cold build), the reach doubles with every page up to `MAX_AHEAD`: enough to
 * keep the threads busy, and few enough that a build failing on another page is not kept alive
 * drawing cards nobody will ask for. Astro renders the cards' route early, before the story pages,
 * so reaching further would not overlap more pages. When a page skips stories, Astro took their
 * cards from its incremental-build cache; the reach goes back to `START_AHEAD`, so a build that
 * renders a few changed stories does not make hundreds of cards it copies anyway.
 */
const START_AHEAD = 8;
const MAX_AHEAD = 200;

/**
 * A build's social cards, drawn ahead of the pages that return them. Astro renders one page at a
 * time on the main thread and a card costs about 50 ms of CPU, so 2,000 cards drawn by their own
 * pages are 100 s on one core. Started from `getStaticPaths`, which Astro calls for every route
 * before it renders any page, the cards missing from the cache are drawn by worker threads while
 * Astro renders pages, and a card's page only waits for its own card.
 *
 * Cards are made and drawn in the stories' order, which is the order Astro asks for them, a few
 * stories past the last one asked for (`START_AHEAD`, `MAX_AHEAD`) and two per thread at a time; a
 * drawn card goes to the cache on disk at once, so memory does not grow with the archive. The pool
 * is closed when the last card is drawn; when Astro copies the last stories' cards from its cache,
 * the pool is left idle, which does not keep the process alive.
 */
export class CardsAhead {
	/** Settles when every story was looked at and the pool is closed. */
	readonly done: Promise<void>;
	#files = new Map<string, PromiseWithResolvers<string | undefined>>();
	#order = new Map<string, number>();
	#askedIds = new Set<string>();
	/** The furthest story a page has asked for, by its place in the list. */
	#asked = -1;
	#askedFurther: PromiseWithResolvers<void> | undefined;
	#maxReach: number;
	/** How many stories past `#asked` cards are made now. */
	#reach: number;

	constructor(stories: StoryCard[], options: CardsAheadOptions) {
		for (const [index, { id }] of stories.entries()) {
			const file = Promise.withResolvers<string | undefined>();
			// A failed card is reported by its own page; until then its rejection is not unhandled.
			file.promise.catch(() => {});
			this.#files.set(id, file);
			this.#order.set(id, index);
		}
		this.#maxReach = options.ahead ?? MAX_AHEAD;
		this.#reach = Math.min(START_AHEAD, this.#maxReach);
		this.done = this.#drawMissing(stories, options);
	}

	/**
	 * The story's card, or undefined when it was not drawn ahead (not one of the build's stories, or
	 * its card could not be made): the page then draws it itself, and reports what went wrong.
	 * Rejects with an error naming the story when a worker failed to draw it.
	 */
	async png(id: string): Promise<Buffer | undefined> {
		const file = await this.file(id);
		return file === undefined ? undefined : readFile(file);
	}

	/** Like `png`, the file in the card cache that holds the story's card. */
	async file(id: string): Promise<string | undefined> {
		const index = this.#order.get(id) ?? -1;
		if (index > this.#asked) {
			this.#reach = index === this.#asked + 1 ? Math.min(2 * this.#reach, this.#maxReach) : Math.min(START_AHEAD, this.#maxReach);
			this.#asked = index;
			this.#askedIds.add(id);
			this.#askedFurther?.resolve();
		}
		return this.#files.get(id)?.promise;
	}

	async #drawMissing(
		stories: StoryCard[],
		{ fonts, dir = cardCacheDir(), pool: createPool = () => new CardPool(cardThreadsFor(stories.length)) }: CardsAheadOptions,
	): Promise<void> {
		let pool: CardPool | undefined;
		const inFlight = new Set<Promise<void>>();
		// Two stories can have the same card (a brief repeated in two editions): it is drawn once.
		const drawing = new Map<string, Promise<void>>();
		let failed = false;
		try {
			const face = await sourceFaceIdentity(fonts.source);
			for (const [index, story] of stories.entries()) {
				// Waits without a timer or a busy thread: if the build stops asking, nothing keeps it alive.
				while (index > this.#asked + this.#reach) {
					this.#askedFurther = Promise.withResolvers();
					await this.#askedFurther.promise;
				}
				// After a failure the build stops at that story's page; the cards after it are not needed.
				if (failed) break;
				const entry = this.#files.get(story.id)!;
				// Astro renders in this order: a story behind the last one asked for that was not asked
				// for itself was copied from Astro's cache, with its card.
				if (index < this.#asked && !this.#askedIds.has(story.id)) {
					entry.resolve(undefined);
					continue;
				}
				let card: SocialCard;
				try {
					card = await story.card();
				} catch {
					entry.resolve(undefined);
					continue;
				}
				const file = cardCacheFile(card, face, dir);
				const sameCard = drawing.get(file);
				if (sameCard) {
					sameCard.then(() => entry.resolve(file), (error: Error) => entry.reject(cardError(story.id, error)));
					continue;
				}
				// Kept from an earlier build (and marked used by this one).
				if (useEntry(file)) {
					entry.resolve(file);
					continue;
				}
				pool ??= createPool();
				const written = pool.draw(card, fonts).then((png) => writeCachedCard(file, png));
				drawing.set(file, written);
				const drawn = written
					.then(
						() => entry.resolve(file),
						(error: Error) => {
							failed = true;
							entry.reject(cardError(story.id, error));
						},
					)
					.finally(() => {
						inFlight.delete(drawn);
						drawing.delete(file);
					});
				inFlight.add(drawn);
				while (inFlight.size >= 2 * pool.threads) await Promise.race(inFlight);
			}
		} catch {
			// Nothing is lost: the pages draw what was not drawn here, and report the same error.
		} finally {
			await Promise.all(inFlight);
			for (const entry of this.#files.values()) entry.resolve(undefined);
			await pool?.close();
		}
	}
}

function cardError(id: string, error: Error): Error {
	return new Error(`The social card of story ${id} could not be drawn: ${error.message}`, { cause: error });
}
