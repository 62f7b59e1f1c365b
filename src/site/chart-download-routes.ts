import type { ChartSpec } from '../schemas/chart.ts';
import { cacheKey } from './cache-key.ts';
import { chartSourceStories, standaloneChartSvg } from './chart-download.ts';
import { getEditionIndex, type DatasetEntry } from './edition-index.ts';

/*
 * The routes of chart downloads (`src/pages/data/[dataset]/[chart].svg.ts`, `.png.ts`); the
 * drawing itself is in `chart-download.ts`, which needs no Astro and is unit-tested.
 */

/** What a chart download's route is given: the chart and its dataset. */
export interface ChartDownloadProps {
	dataset: DatasetEntry;
	chart: ChartSpec;
}

/**
 * The paths of every chart's download in `format`, without drawing any: the cache key is the
 * dataset's fingerprint (its content and the headline, date and page of the stories it cites,
 * which the source line names) and the chart's id; Astro adds the code's hash.
 */
export async function chartDownloadPaths(format: 'svg' | 'png') {
	const index = await getEditionIndex();
	return index.datasets.flatMap((dataset) =>
		dataset.data.charts.map((chart) => ({
			params: { dataset: dataset.id, chart: chart.id },
			props: { dataset, chart } satisfies ChartDownloadProps,
			cacheKey: cacheKey(`chart-${format}`, index.datasetFingerprints.get(dataset.id), chart.id),
		})),
	);
}

/** A chart's standalone SVG for its download route, its source line naming the stories of this build. */
export async function chartDownloadSvg({ dataset, chart }: ChartDownloadProps, options: { fontFamily?: string } = {}): Promise<string> {
	return standaloneChartSvg(chart, dataset, chartSourceStories(chart, dataset, await getEditionIndex()), options);
}
