/**
 * A worker thread of the card pool (`card-pool.ts`). Node loads this file from disk as it is, not
 * Astro's bundle: it and what it imports use only erasable TypeScript syntax and import by path.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cardFontFor, type CardFontFiles } from './card-font.ts';
import { renderSocialCard, type SocialCard } from './social-card.ts';

/** One card to draw, with the fonts it may be drawn with. */
export interface CardTask {
	card: SocialCard;
	fonts: CardFontFiles;
}

/**
 * resvg's pictures live outside the JavaScript heap, which the garbage collector does not count: a
 * thread that only draws cards grows by hundreds of megabytes before it collects. Collecting every
 * few cards keeps a thread near 150 MB for a few milliseconds a card. (Jest reaches `gc` this way.)
 */
const CARDS_PER_COLLECTION = 20;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
let drawn = 0;

/** Draws one card; the PNG goes back to the main thread, which keeps it. */
export default async function drawCard({ card, fonts }: CardTask): Promise<Uint8Array> {
	const png = await renderSocialCard(card, await cardFontFor(card, fonts));
	if (++drawn % CARDS_PER_COLLECTION === 0) collectGarbage();
	return png;
}
