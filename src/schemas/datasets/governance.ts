import { z } from 'astro/zod';
import { text } from '../text.ts';
import { datasetBase } from '../dataset-base.ts';

/**
 * Governance achievements (治理成效) of a district: organisations, service positions, grids,
 * workforce, results. One of the two kinds the publication asked for.
 */
export const governanceDatasetSchema = datasetBase.extend({
	/** Discriminates the dataset kind. */
	kind: z.literal('governance'),
	/**
	 * The district, county or city the figures describe.
	 * @example "二七区"
	 */
	region: text(),
});
