import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheStore, useEntry } from '../cache/registry.ts';
import { HEADLINE_FONT_SOURCE } from '../fonts/headline-font.ts';
import { cardFontFor, type CardFontFiles } from './card-font.ts';
import { renderSocialCard, type SocialCard } from './social-card.ts';

/**
 * The registry's `cards` store: its keys hold the code that draws a card (the card worker's import
 * closure, the card design among it) and the satori and resvg versions it draws with.
 */
const store = () => cacheStore('cards');

/** Where cards are kept between builds (CI keeps the folder). */
export const cardCacheDir = (): string => store().dir;

const faceIdentities = new Map<string, Promise<string>>();

/**
 * The identity of the headline face cards are drawn from: a hash of its bytes, read once per
 * process. It is part of every card's key, so a new version of the face draws every card again.
 */
export function sourceFaceIdentity(file = HEADLINE_FONT_SOURCE): Promise<string> {
	let identity = faceIdentities.get(file);
	if (!identity) {
		identity = hashFile(file);
		faceIdentities.set(file, identity);
	}
	return identity;
}

function hashFile(file: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = createHash('sha256');
		createReadStream(file)
			.on('data', (chunk) => hash.update(chunk))
			.on('error', reject)
			.on('end', () => resolve(hash.digest('hex')));
	});
}

/**
 * Where a card is kept: the key hashes what the card shows, the code that draws it and the source face.
 * It does not hash the build's subset font, which changes whenever a new story brings a new
 * character: the subset draws the same glyphs as the face it was cut from (`cardFontFor` makes
 * sure it has all of them), so a card is drawn again only when what it shows changes.
 */
export function cardCacheFile(card: SocialCard, sourceFaceId: string, dir = cardCacheDir()): string {
	return join(dir, `${store().key(JSON.stringify({ card, face: sourceFaceId }))}.png`);
}

let partialWrites = 0;

/**
 * Keeps a drawn card. Written aside and renamed, so a build killed while writing leaves no half
 * PNG that later builds would take for a card.
 */
export async function writeCachedCard(file: string, png: Uint8Array): Promise<void> {
	await mkdir(dirname(file), { recursive: true });
	const partial = `${file}.${process.pid}-${threadId}-${++partialWrites}.partial`;
	await writeFile(partial, png);
	await rename(partial, file);
}

/**
 * A story's social card drawn in this thread, once per content: an unchanged story reuses its PNG
 * from the last build (or from CI's cache). `astro dev` draws cards this way; a build draws the
 * missing ones ahead, in worker threads (`drawCardsAhead`).
 */
export async function cachedSocialCard(card: SocialCard, fonts: CardFontFiles, dir = cardCacheDir()): Promise<Buffer> {
	return readFile(await cachedSocialCardFile(card, fonts, dir));
}

/** Like `cachedSocialCard`, the file the card is kept in. */
export async function cachedSocialCardFile(card: SocialCard, fonts: CardFontFiles, dir = cardCacheDir()): Promise<string> {
	const file = cardCacheFile(card, await sourceFaceIdentity(fonts.source), dir);
	if (useEntry(file)) return file;
	await writeCachedCard(file, await renderSocialCard(card, await cardFontFor(card, fonts)));
	return file;
}

/** Records, for pruning, which kept card a story's card page was made from (see `CacheStore.recordPage`). */
export const recordCardPage = (story: string, file: string): void => store().recordPage(story, file);

/** Marks the kept cards of this build's stories as used, those of pages Astro copies included (see `CacheStore.usePages`). */
export const useCardPages = (stories: Iterable<string>): void => store().usePages(stories);
