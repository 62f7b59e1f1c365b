import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { siteRoot } from './config/site-root.ts';
import { articleSchemaWith } from './schemas/article.ts';
import { datasetSchema } from './schemas/dataset.ts';
import { editionSchemaWith } from './schemas/edition.ts';
import { jsonFolderLoader } from './loaders/json-folder-loader.ts';
import { SITE_LAYOUT } from './config/site-layout.ts';
import { storyLoader } from './loaders/story-loader.ts';

export const collections = {
	editions: defineCollection({
		loader: jsonFolderLoader({
			folder: join(siteRoot, SITE_LAYOUT.content),
			include: (path) => /^[^/]+\/edition\.json$/.test(path),
			id: (path) => path.split('/')[0],
		}),
		// Page scans go through Astro's image service, as story photos do: resized, converted, their size read.
		schema: ({ image }) => editionSchemaWith(image()),
	}),
	articles: defineCollection({
		loader: storyLoader({ folder: join(siteRoot, SITE_LAYOUT.content) }),
		schema: ({ image }) => articleSchemaWith(image()),
	}),
	datasets: defineCollection({
		loader: jsonFolderLoader({
			folder: join(siteRoot, SITE_LAYOUT.data),
			include: (path) => /^[^/]+\.json$/.test(path),
			id: (path) => path.replace(/\.json$/, ''),
			// A dataset's rows can be many; the edition index reads them (src/site/edition-index.ts).
			keepDataOutside: true,
		}),
		schema: datasetSchema,
	}),
};
