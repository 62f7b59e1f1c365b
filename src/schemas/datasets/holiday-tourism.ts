import { z } from 'astro/zod';
import { text } from '../text.ts';
import { datasetBase } from '../dataset-base.ts';
import { figureSchema } from '../figure.ts';
import { didYouMeanPhrase } from '../../core/did-you-mean.ts';

/**
 * What a holiday tourism figure can measure; figures of one metric are comparable across places
 * and years, so a typo (vistors) is refused rather than splitting a chart.
 */
export const HOLIDAY_TOURISM_METRICS = {
	visitors: '接待游客',
	revenue: '旅游收入',
	'spending-per-visitor': '人均消费',
	'overnight-visitors': '过夜游客',
	'hotel-occupancy': '酒店入住率',
	'ticket-revenue': '门票收入',
	activities: '文旅活动',
	attendance: '观演、观剧人次',
	duration: '活动时长',
	drones: '无人机',
} as const;

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
	metric: z.string().superRefine((metric, ctx) => {
		if (metric in HOLIDAY_TOURISM_METRICS) return;
		ctx.addIssue({
			code: 'custom',
			input: metric,
			message: `received "${metric}";${didYouMeanPhrase(metric, Object.keys(HOLIDAY_TOURISM_METRICS))} expected one of the holiday tourism metrics: ${Object.keys(HOLIDAY_TOURISM_METRICS).join(', ')}`,
		});
	}),
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
