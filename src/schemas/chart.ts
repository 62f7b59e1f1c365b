import { z } from 'astro/zod';
import { text } from './text.ts';

/** Alt text shorter than this cannot say what a chart or photo shows (a title is not a description). */
export const ALT_MIN_LENGTH = 10;

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case letters, digits and hyphens, such as "grid-levels"');
const figureIds = z.array(id).min(1, 'expected at least one figure id');

/** What every chart says about itself, whatever its kind. */
const chartBase = z.strictObject({
	/**
	 * Identifies the chart within its dataset; a story places it with `<Chart dataset="…" chart="…" />`.
	 * @example "grid-levels"
	 */
	id,
	/**
	 * The chart's title, shown above it.
	 * @example "二七区四级网格数量"
	 */
	title: text(),
	/**
	 * Alt text: what the chart shows, in a sentence or two, for readers who cannot see it. Required.
	 * @example "全区设一级网格17个、二级网格175个、三级网格1441个、微网格6281个。"
	 */
	alt: text(`expected alt text a screen-reader user can use: at least ${ALT_MIN_LENGTH} characters saying what the chart shows, with its figures`, { minLength: ALT_MIN_LENGTH }),
	/**
	 * Notes printed under the chart, such as how a figure was counted.
	 * @example ["“三类组织”指党组织、自治组织、志愿服务组织。"]
	 */
	notes: z.array(text()).default([]),
	/**
	 * Numbers in the title and notes that are not data figures, as printed; every other
	 * figure-like number there must agree with a figure of the dataset.
	 * @example ["12345热线"]
	 */
	notFigures: z.array(text()).optional(),
	/**
	 * Figures drawn in the accent colour, to point at the one the story is about.
	 * @example ["xingyang-visitors"]
	 */
	highlight: z.array(id).default([]),
});

/** Horizontal bars for categories, optionally measured against a reference figure. */
export const barChartSchema = chartBase.extend({
	/** Discriminates the chart kind. */
	kind: z.literal('bar'),
	/**
	 * The figures drawn as bars, top to bottom.
	 * @example ["party-organisations", "self-governing-organisations", "volunteer-organisations"]
	 */
	figures: figureIds,
	/**
	 * A figure drawn as a labelled reference line across the bars.
	 * @example "compounds-covered"
	 */
	reference: id.optional(),
});

/** Levels of a hierarchy whose sizes differ by orders of magnitude, such as grid levels. */
export const levelChartSchema = chartBase.extend({
	/** Discriminates the chart kind. */
	kind: z.literal('levels'),
	/**
	 * The levels, from the top of the hierarchy down.
	 * @example ["grids-level-1", "grids-level-2", "grids-level-3", "grids-micro"]
	 */
	figures: figureIds,
	/**
	 * `auto` and `linear` measure from zero, which general readers read right; `log` spaces powers
	 * of ten evenly and is explained in words under the chart.
	 * @example "auto"
	 */
	scale: z.enum(['auto', 'log', 'linear']).default('auto'),
});

/** The same measure in several places, such as holiday visitors of two counties. */
export const comparisonChartSchema = chartBase.extend({
	/** Discriminates the chart kind. */
	kind: z.literal('comparison'),
	/**
	 * One figure per place, all in the same unit; each is labelled with its `place` (or its label).
	 * @example ["zhongmou-visitors", "xingyang-visitors"]
	 */
	figures: figureIds.min(2, 'expected at least two places to compare'),
});

/** A part of a whole, such as delegated items among all service items. No pies. */
export const partOfWholeChartSchema = chartBase.extend({
	/** Discriminates the chart kind. */
	kind: z.literal('part-of-whole'),
	/**
	 * The part.
	 * @example "delegated-items"
	 */
	part: id,
	/**
	 * The whole it is part of, in the same unit.
	 * @example "service-items"
	 */
	whole: id,
});

/** A figure over time, one figure per period. */
export const timeSeriesChartSchema = chartBase.extend({
	/** Discriminates the chart kind. */
	kind: z.literal('time-series'),
	/**
	 * One figure per period, oldest first; each figure needs a `period`.
	 * @example ["visitors-2023", "visitors-2024"]
	 */
	figures: figureIds,
	/**
	 * Columns for counts per period, a line for a longer trend.
	 * @example "column"
	 */
	mark: z.enum(['column', 'line']).default('column'),
});

/** Changes of several places around zero, such as holiday growth rates: rises to the right, declines to the left. */
export const changeChartSchema = chartBase.extend({
	/** Discriminates the chart kind. */
	kind: z.literal('change'),
	/**
	 * One change per place, all of one kind against one base (同比, 较2019年同期); each is labelled
	 * with its `place` (or its label).
	 * @example ["zhongmou-visitors-change", "xingyang-visitors-change"]
	 */
	figures: figureIds,
});

const kinds = [barChartSchema, levelChartSchema, comparisonChartSchema, partOfWholeChartSchema, timeSeriesChartSchema, changeChartSchema] as const;

/** The chart kinds an editor can choose from. */
export const chartKinds = kinds.map((schema) => schema.shape.kind.value);

/** A chart of a dataset's figures, defined in the dataset and placed in stories by id. */
export const chartSpecSchema = z.discriminatedUnion('kind', [...kinds], {
	error: `expected "kind" to be one of ${chartKinds.map((kind) => `"${kind}"`).join(', ')}`,
});

export type ChartSpecInput = z.input<typeof chartSpecSchema>;
export type ChartSpec = z.output<typeof chartSpecSchema>;
export type ChartKind = ChartSpec['kind'];
