import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteRoot } from './lib/site-root.ts';
import { articleSchemaWith } from './schemas/article.ts';
import { datasetSchema } from './schemas/dataset.ts';
import { editionSchema } from './schemas/edition.ts';
import { SITE_LAYOUT } from './lib/site-layout.ts';

const folder = (name: string) => pathToFileURL(`${join(siteRoot, name)}/`);

export const collections = {
	editions: defineCollection({
		loader: glob({
			pattern: `*/${SITE_LAYOUT.editionFile}`,
			base: folder(SITE_LAYOUT.content),
			generateId: ({ entry }) => entry.split('/')[0],
		}),
		schema: editionSchema,
	}),
	articles: defineCollection({
		loader: glob({
			pattern: '*/*.mdx',
			base: folder(SITE_LAYOUT.content),
			generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
		}),
		schema: ({ image }) => articleSchemaWith(image()),
	}),
	datasets: defineCollection({
		loader: glob({
			pattern: '*.json',
			base: folder(SITE_LAYOUT.data),
			generateId: ({ entry }) => entry.replace(/\.json$/, ''),
		}),
		schema: datasetSchema,
	}),
};
