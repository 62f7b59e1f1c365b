import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { broadsheetCacheDir } from '../lib/site-root.ts';
import { renderSocialCard, type SocialCard } from './social-card.ts';

/** Bump when the card's design changes, so cached cards are drawn again. */
const CARD_DESIGN_VERSION = 5;

const cardCacheDir = join(broadsheetCacheDir, 'cards');

/**
 * A story's social card, drawn once per content: the cache key is a hash of everything on the card
 * and of the font, so an unchanged story reuses its PNG from the last build (or from CI's cache).
 */
export async function cachedSocialCard(card: SocialCard, font: { data: Buffer; file: string }): Promise<Buffer> {
	const key = createHash('sha256')
		.update(JSON.stringify({ card, version: CARD_DESIGN_VERSION }))
		.update(font.data)
		.digest('hex');
	const file = join(cardCacheDir, `${key.slice(0, 32)}.png`);
	if (existsSync(file)) return readFile(file);
	const png = await renderSocialCard(card, font);
	await mkdir(cardCacheDir, { recursive: true });
	await writeFile(file, png);
	return png;
}
