import { z } from 'astro/zod';
import { text } from './text.ts';
import { chartSpecSchema } from './chart.ts';
import { derivedFigureSchema } from './derived-figure.ts';
import { figureSchema, qualifierSchema } from './figure.ts';
import { shanghaiDateTime } from './iso-date.ts';

/** A change made to a dataset after it was published: when, and what changed. */
export const datasetChangeSchema = z.strictObject({
	/**
	 * When the change was made, in Beijing time.
	 * @example "2024-09-19T10:00:00+08:00"
	 */
	date: shanghaiDateTime,
	/**
	 * What changed and why, as readers of the dataset page will read it.
	 * @example "荥阳市旅游收入由3440万元更正为3440.67万元（据荥阳市文化广电和旅游局通报）。"
	 */
	description: text(),
	/**
	 * The figure whose value was corrected, if the change corrects one: the stories that print it
	 * then show the figure as printed before and after the change.
	 * @example "xingyang-revenue"
	 */
	figure: z.string().min(1).optional(),
	/**
	 * The figure as it stood before the change: its value in base units like `value`, and the digits
	 * and qualifier it was printed with where they differed from the figure's now (3440万元 had no
	 * decimals; 3440.67万元 has two). Required with `figure`.
	 * @example { "value": 34400000, "fractionDigits": 0 }
	 */
	previous: z
		.strictObject({
			/**
			 * The value before the change, in base units.
			 * @example 34400000
			 */
			value: z.number().nonnegative(),
			/**
			 * The decimals it was printed with, when they differ from the figure's.
			 * @example 0
			 */
			fractionDigits: z.int().min(0).max(6).optional(),
			/**
			 * The qualifier it was printed with, when it differs from the figure's.
			 * @example "余"
			 */
			qualifier: qualifierSchema.optional(),
		})
		.optional(),
}).refine((change) => (change.figure === undefined) === (change.previous === undefined), {
	message: 'expected "figure" and "previous" together: the corrected figure and its value before the change',
	path: ['previous'],
});

/**
 * What every dataset has, whatever its kind. A dataset is one JSON file under `data/`; its id is
 * the file name without `.json`.
 */
export const datasetBase = z.strictObject({
	/**
	 * The title shown on the dataset page and above its charts.
	 * @example "二七区基层楼院治理成效"
	 */
	title: text(),
	/**
	 * One or two sentences on what the figures are and where they come from.
	 * @example "二七区建强组织、织密网格、汇聚力量的各项数字，均摘自本报报道。"
	 */
	description: text().optional(),
	/** The figures, each as the paper printed it. */
	figures: z.array(figureSchema).min(1, 'expected at least one figure'),
	/** Figures computed from the printed ones at build time (本报计算). */
	derived: z.array(derivedFigureSchema).default([]),
	/** Charts of the figures, placed in stories with `<Chart dataset="…" chart="…" />`. */
	charts: z.array(chartSpecSchema).default([]),
	/**
	 * Where the dataset comes from when its figures were not printed in the paper's stories, such as
	 * a statistics bureau's table; its figures then need no `source`.
	 * @example { "name": "郑州市统计局", "url": "https://tjj.zhengzhou.gov.cn/" }
	 */
	origin: z
		.strictObject({
			/**
			 * The publisher, as the source line names it.
			 * @example "郑州市统计局"
			 */
			name: text(),
			/**
			 * Where readers can find the original.
			 * @example "https://tjj.zhengzhou.gov.cn/"
			 */
			url: z.url({ protocol: /^https?$/ }).optional(),
		})
		.optional(),
	/**
	 * Changes made after publication, oldest first, shown on the dataset page (数据更正记录).
	 * @example [{ "date": "2024-09-19T10:00:00+08:00", "description": "荥阳市旅游收入由3440万元更正为3440.67万元。", "figure": "xingyang-revenue", "previous": { "value": 34400000, "fractionDigits": 0 } }]
	 */
	changes: z.array(datasetChangeSchema).default([]),
});

export type DatasetChangeInput = z.input<typeof datasetChangeSchema>;
export type DatasetChange = z.output<typeof datasetChangeSchema>;
