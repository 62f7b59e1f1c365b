import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetCsv } from '../../site/dataset-export.ts';
import { datasetStaticPaths, getEditionIndex, type DatasetEntry } from '../../site/edition-index.ts';
import { absoluteUrl, articlePath } from '../../site/urls.ts';

/** Each dataset as CSV, written at build time: /data/<id>.csv. */
export const getStaticPaths = datasetStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { dataset } = props as { dataset: DatasetEntry };
	const { stories } = await getEditionIndex();
	const storyUrls = new Map(
		dataset.data.figures.flatMap(({ source }) => {
			const story = source && stories.get(source.article);
			return story ? [[story.id, absoluteUrl(articlePath(story))] as const] : [];
		}),
	);
	return new Response(datasetCsv(dataset.data, storyUrls), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
