import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_FONT_SOURCE } from '../../src/fonts/headline-font.ts';
import { cachedSocialCard, cardCacheFile, sourceFaceIdentity } from '../../src/social/card-cache.ts';
import type { CardFontFiles } from '../../src/social/card-font.ts';
import { sampleCard, subsetFile, textOf } from './card-fixtures.ts';

let smallSubset: CardFontFiles;
let biggerSubset: CardFontFiles;

beforeAll(async () => {
	// Two builds' subsets: the second archive has a story whose headline brings new characters.
	smallSubset = { subset: await subsetFile(textOf(sampleCard)), source: HEADLINE_FONT_SOURCE };
	biggerSubset = { subset: await subsetFile(`${textOf(sampleCard)}中牟县中秋假期接待游客`), source: HEADLINE_FONT_SOURCE };
});

describe('cachedSocialCard', () => {
	it("cachedSocialCard(card, fonts) takes the card from the cache when only the build's subset font changed", async () => {
		const dir = await mkdtemp(join(tmpdir(), 'card-cache-'));
		await cachedSocialCard(sampleCard, smallSubset, dir);
		const files = await readdir(dir);
		expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.png$/)]);
		// Marked, so that a card drawn again would show.
		await writeFile(join(dir, files[0]!), 'cached');
		expect((await cachedSocialCard(sampleCard, biggerSubset, dir)).toString()).toBe('cached');
	});

	it('cachedSocialCard(card, fonts) draws the card again when its headline changes', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'card-cache-'));
		const first = await cachedSocialCard(sampleCard, smallSubset, dir);
		const corrected = await cachedSocialCard({ ...sampleCard, headline: '二七区723个楼院实现“三类组织”全覆盖了' }, smallSubset, dir);
		expect(await sharp(corrected).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
		expect(corrected.equals(first)).toBe(false);
		expect(await readdir(dir)).toHaveLength(2);
	});

	it('cardCacheFile(card, face) names another file for another version of the source face', async () => {
		const face = await sourceFaceIdentity();
		expect(face).toMatch(/^[0-9a-f]{64}$/);
		expect(cardCacheFile(sampleCard, face)).toBe(cardCacheFile({ ...sampleCard }, face));
		expect(cardCacheFile(sampleCard, face)).not.toBe(cardCacheFile(sampleCard, `${face.slice(1)}0`));
	});
});
