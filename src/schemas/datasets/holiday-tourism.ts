import { z } from 'astro/zod';
import { text } from '../text.ts';
import { datasetBase } from '../dataset-base.ts';
import { figureSchema } from '../figure.ts';

/** A holiday tourism figure also says which place it is for and what it measures, so places can be compared. */
export const holidayTourismFigureSchema = figureSchema.safeExtend({
	/**
	 * The county or city the figure is for.
	 * @example "荥阳市"
	 */
	place: text(),
	/**
	 * What the figure measures; figures of the same metric are comparable across places and years.
	 * @example "visitors"
	 */
	metric: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a metric name such as "visitors" or "revenue"'),
});

/**
 * Holiday tourism figures (假日文旅数据): visitors, revenue and activities of one holiday, one or
 * more places. One of the two kinds the publication asked for.
 */
export const holidayTourismDatasetSchema = datasetBase.extend({
	/** Discriminates the dataset kind. */
	kind: z.literal('holiday-tourism'),
	/**
	 * The holiday the figures cover.
	 * @example "中秋"
	 */
	holiday: text(),
	/**
	 * The year of the holiday.
	 * @example 2024
	 */
	year: z.int().min(1949).max(2100),
	/** The figures, each with its place and metric. */
	figures: z.array(holidayTourismFigureSchema).min(1, 'expected at least one figure'),
});
