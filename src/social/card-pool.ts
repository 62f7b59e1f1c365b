import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
// The workers load sharp (card PNGs, `png.ts`); loaded here too, its libraries stay open when a
// worker ends, which on glibc would otherwise unload them under the other threads (lovell/sharp#2263).
import 'sharp';
import { projectRoot } from '../config/site-root.ts';
import type { CardFontFiles } from './card-font.ts';
import type { CardTask } from './card-worker.ts';
import type { SocialCard } from './social-card.ts';

/**
 * The worker file, from the project folder: Astro bundles this module into its own chunks, where
 * `import.meta.url` no longer points next to `card-worker.ts`.
 */
const WORKER_FILE = join(projectRoot, 'src/social/card-worker.ts');

/**
 * At most this many threads: each holds satori, resvg and the parsed fonts (about 150 MB), and a
 * build on a many-core machine must still fit in the memory a 2-core one has.
 */
const MAX_THREADS = 4;

/**
 * Starting a thread costs about a second of CPU (loading satori, resvg and the fonts), what drawing
 * 30 to 40 cards costs: a build starts one more thread for each further this many of its stories,
 * so a small site or a new edition draws its cards on one.
 */
const STORIES_PER_THREAD = 64;

/** How many threads draw the cards of a build publishing `stories` stories. */
export function cardThreadsFor(stories: number): number {
	return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(stories / STORIES_PER_THREAD)));
}

/** Worker threads drawing social cards, so that a build draws them on every core. */
export class CardPool {
	/** How many cards it draws at once. */
	readonly threads: number;
	#pool: Piscina<CardTask, Uint8Array>;

	constructor(threads: number) {
		this.threads = threads;
		this.#pool = new Piscina({
			filename: WORKER_FILE,
			minThreads: threads,
			maxThreads: threads,
			// resvg frees a drawn picture (3 MB of pixels) only when the event loop turns after the
			// garbage collector found it; Piscina's default makes a worker wait for its next task
			// without turning it, and memory grows by a picture a card.
			atomics: 'disabled',
		});
	}

	/** The card's PNG, the same bytes `renderSocialCard` draws in this thread. */
	async draw(card: SocialCard, fonts: CardFontFiles): Promise<Buffer> {
		const png = await this.#pool.run({ card, fonts });
		return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
	}

	/** Ends the threads once the cards given them are drawn, so the build's process can exit. */
	close(): Promise<void> {
		return this.#pool.close();
	}
}
