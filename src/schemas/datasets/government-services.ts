import { z } from 'astro/zod';
import { text } from '../text.ts';
import { datasetBase } from '../dataset-base.ts';

/**
 * Government services (政务服务) of a district: items concentrated in the service hall, items
 * delegated to subdistricts, self-service machines, coverage rates.
 */
export const governmentServicesDatasetSchema = datasetBase.extend({
	/** Discriminates the dataset kind. */
	kind: z.literal('government-services'),
	/**
	 * The district, county or city the figures describe.
	 * @example "中原区"
	 */
	region: text(),
});
