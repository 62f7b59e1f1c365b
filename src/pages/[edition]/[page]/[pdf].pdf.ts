import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey } from '../../../lib/cache-key.ts';
import { formatPageNumber } from '../../../lib/dates.ts';
import { getEditionIndex } from '../../../lib/edition-index.ts';
import { SITE_LAYOUT } from '../../../lib/site-layout.ts';
import { siteRoot } from '../../../lib/site-root.ts';

/** A page's PDF, copied from beside its edition.json: /2024-09-18/05/2024-09-18-05.pdf. Keyed by the file's bytes. */
export const getStaticPaths = (async () => {
	const { editions } = await getEditionIndex();
	return editions.flatMap((edition) =>
		edition.pages.flatMap((page) => {
			if (!page.scan?.pdf) return [];
			const bytes = readFileSync(join(siteRoot, SITE_LAYOUT.content, edition.date, page.scan.pdf));
			const number = formatPageNumber(page.number);
			return [{ params: { edition: edition.date, page: number, pdf: `${edition.date}-${number}` }, props: { bytes }, cacheKey: cacheKey(hash('sha256', bytes, 'base64url')) }];
		}),
	);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { bytes } = props as { bytes: Buffer };
	return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/pdf' } });
};
