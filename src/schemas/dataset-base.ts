import { z } from 'astro/zod';
import { chartSpecSchema } from './chart.ts';
import { derivedFigureSchema } from './derived-figure.ts';
import { figureSchema } from './figure.ts';

/**
 * What every dataset has, whatever its kind. A dataset is one JSON file under `data/`; its id is
 * the file name without `.json`.
 */
export const datasetBase = z.strictObject({
	/**
	 * The title shown on the dataset page and above its charts.
	 * @example "二七区基层楼院治理成效"
	 */
	title: z.string().trim().min(1),
	/**
	 * One or two sentences on what the figures are and where they come from.
	 * @example "二七区建强组织、织密网格、汇聚力量的各项数字，均摘自本报报道。"
	 */
	description: z.string().trim().min(1).optional(),
	/** The figures, each as the paper printed it. */
	figures: z.array(figureSchema).min(1, 'expected at least one figure'),
	/** Figures computed from the printed ones at build time (本报计算). */
	derived: z.array(derivedFigureSchema).default([]),
	/** Charts of the figures, placed in stories with `<Chart dataset="…" chart="…" />`. */
	charts: z.array(chartSpecSchema).default([]),
});
