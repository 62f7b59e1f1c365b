import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetJson } from '../../site/dataset-export.ts';
import { datasetStaticPaths, type DatasetEntry } from '../../site/edition-index.ts';

/** Each dataset as JSON, written at build time: /data/<id>.json. */
export const getStaticPaths = datasetStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { dataset } = props as { dataset: DatasetEntry };
	return new Response(datasetJson(dataset.id, dataset.data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
