import * as pagefind from 'pagefind';
import { join } from 'node:path';

/**
 * Builds the Pagefind index of a built site into `<site>/pagefind/`. Only story pages carry
 * `data-pagefind-body`, so only stories are found. The language is forced to Chinese so Pagefind
 * segments words (楼院, 政务服务) instead of treating a run of characters as one word.
 */
export async function indexForSearch(siteDir: string): Promise<{ pages: number }> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
	if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
	try {
		const added = await index.addDirectory({ path: siteDir });
		if (added.errors.length > 0) throw new Error(added.errors.join('; '));
		const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
		if (written.errors.length > 0) throw new Error(written.errors.join('; '));
		return { pages: added.page_count };
	} finally {
		await pagefind.close();
	}
}
