import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { HEADLINE_FONT_SOURCE } from '../fonts/headline-font.ts';
import { broadsheetCacheDir } from '../config/site-root.ts';
import { cardFontFor, type CardFontFiles } from './card-font.ts';
import { renderSocialCard, type SocialCard } from './social-card.ts';

/** Bump when the card's design changes, so cached cards are drawn again. */
const CARD_DESIGN_VERSION = 6;

/** Where cards are kept between builds (CI keeps the folder). */
export const cardCacheDir = join(broadsheetCacheDir, 'cards');

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
 * Where a card is kept: the key hashes what the card shows, the design version and the source face.
 * It does not hash the build's subset font, which changes whenever a new story brings a new
 * character: the subset draws the same glyphs as the face it was cut from (`cardFontFor` makes
 * sure it has all of them), so a card is drawn again only when what it shows changes.
 */
export function cardCacheFile(card: SocialCard, sourceFaceId: string, dir = cardCacheDir): string {
	const key = createHash('sha256')
		.update(JSON.stringify({ card, version: CARD_DESIGN_VERSION, face: sourceFaceId }))
		.digest('hex');
	return join(dir, `${key.slice(0, 32)}.png`);
}

/** The cached PNG, or undefined when this card was never drawn. */
export async function readCachedCard(file: string): Promise<Buffer | undefined> {
	if (!existsSync(file)) return undefined;
	return readFile(file);
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
export async function cachedSocialCard(card: SocialCard, fonts: CardFontFiles, dir = cardCacheDir): Promise<Buffer> {
	const file = cardCacheFile(card, await sourceFaceIdentity(fonts.source), dir);
	const cached = await readCachedCard(file);
	if (cached) return cached;
	const png = await renderSocialCard(card, await cardFontFor(card, fonts));
	await writeCachedCard(file, png);
	return png;
}
