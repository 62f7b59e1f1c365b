import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey } from '../../../site/cache-key.ts';
import { formatPageNumber } from '../../../core/dates.ts';
import { getEditionIndex } from '../../../site/edition-index.ts';
import { keepScanFileKeys, scanFileKey, scanFilePath } from '../../../loaders/scan-files.ts';

/** A page's PDF, copied from beside its edition.json: /2024-09-18/05/2024-09-18-05.pdf. Keyed by the file's content. */
export const getStaticPaths = (async () => {
	const { editions } = await getEditionIndex();
	const paths = editions.flatMap((edition) =>
		edition.pages.flatMap((page) => {
			if (!page.scan?.pdf) return [];
			const number = formatPageNumber(page.number);
			const file = scanFilePath(edition.date, page.scan.pdf);
			return [{ params: { edition: edition.date, page: number, pdf: `${edition.date}-${number}` }, props: { file }, cacheKey: cacheKey(scanFileKey(edition.date, page.scan.pdf)) }];
		}),
	);
	keepScanFileKeys();
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { file } = props as { file: string };
	return new Response(new Uint8Array(readFileSync(file)), { headers: { 'Content-Type': 'application/pdf' } });
};
