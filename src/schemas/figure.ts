import { z } from 'astro/zod';
import { text } from './text.ts';
import { chineseRoundNumber, zeroPrintProblem } from '../lib/figures.ts';

/** Where a figure was printed: the article and the sentence it was taken from. */
export const provenanceSchema = z.strictObject({
	/**
	 * The id of the article that printed the figure: its path under `content/` without `.mdx`.
	 * @example "2024-09-18/xingyang-zhongqiu-lvyou"
	 */
	article: z.string().regex(/^\d{4}-\d{2}-\d{2}\/[\w-]+$/, 'expected an article id such as "2024-09-18/xingyang-zhongqiu-lvyou"'),
	/**
	 * The sentence the figure was taken from, copied from the article verbatim.
	 * @example "全市旅游接待游客40.389万人次,实现旅游收入3440.67万元。"
	 */
	sentence: text(),
});

/**
 * How a figure was qualified in print: 余 (more than), 近 (nearly), 约 (about), 超 (over).
 * 余 is printed after the number (16400余件), the others before it (近30万).
 */
export const qualifierSchema = z.enum(['余', '近', '约', '超']);

/** Units whose figures may not exceed 100. */
const PERCENT = '%';

/** Units that count whole things, so their exact value is a whole number (1.3万余名 is 13000 people). */
const COUNTING_UNITS = new Set(['个', '名', '件', '人次', '项', '台', '架', '大类', '人', '家', '次', '场']);

/**
 * One figure as the paper printed it: the exact value and everything needed to print it again
 * exactly as it was (40.389万人次 stays 40.389万人次, never 40.39万).
 */
export const figureSchema = z
	.strictObject({
		/**
		 * Identifies the figure within its dataset; prose and charts refer to it by this id.
		 * @example "xingyang-visitors"
		 */
		id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case letters, digits and hyphens, such as "xingyang-visitors"'),
		/**
		 * What is counted, in Chinese, as a chart or table would label it.
		 * @example "荥阳市接待游客"
		 */
		label: text(),
		/**
		 * The exact value in base units: 40.389万 is 403890, 3440.67万元 is 34406700.
		 * @example 403890
		 */
		value: z
			.number()
			.nonnegative({ error: 'expected a count or amount of 0 or more' })
			// -0 is 0: it would print as "-0元".
			.transform((value) => value + 0),
		/**
		 * The unit printed after the number (个, 名, 件, 人次, 元, %…).
		 * @example "人次"
		 */
		unit: text().max(4),
		/**
		 * The qualifier printed with the number, if any.
		 * @example "余"
		 */
		qualifier: qualifierSchema.optional(),
		/**
		 * `compact` when the paper wrote the number with 万 or 亿 (76.57万), `standard` when it wrote
		 * every digit (16400).
		 * @example "compact"
		 */
		notation: z.enum(['standard', 'compact']).default('standard'),
		/**
		 * Digits the paper printed after the decimal point, in the printed notation: 2 for 76.57万.
		 * @example 3
		 */
		fractionDigits: z.int().min(0).max(6).default(0),
		/**
		 * `chinese` for a round approximate number the paper wrote in characters, as GB/T 15835
		 * allows (近百个 is 近 + 100 + 个).
		 * @example "chinese"
		 */
		numerals: z.enum(['arabic', 'chinese']).default('arabic'),
		/**
		 * The period the figure covers, for time series across editions.
		 * @example "2024年"
		 */
		period: text().optional(),
		/**
		 * Groups figures that belong together in a chart, such as the four grid levels.
		 * @example "grids"
		 */
		group: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).optional(),
		/**
		 * The article and sentence the figure was printed in. Required unless the whole dataset
		 * comes from an outside publication (`origin`), such as a statistics bureau's table.
		 */
		source: provenanceSchema.optional(),
	})
	.superRefine((figure, ctx) => {
		if (figure.unit === PERCENT && figure.value > 100) {
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				input: figure.value,
				message: `expected a percentage between 0 and 100, received ${figure.value}`,
			});
		}
		if (figure.numerals === 'chinese' && !chineseRoundNumber(figure.value)) {
			ctx.addIssue({
				code: 'custom',
				path: ['numerals'],
				input: figure.numerals,
				message: `expected "chinese" numerals only for 10, 100, 1000 or 10000 (十, 百, 千, 万), but the value is ${figure.value}`,
			});
		}
		if (COUNTING_UNITS.has(figure.unit) && !Number.isInteger(figure.value)) {
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				input: figure.value,
				message: `expected a whole number of ${figure.unit}, received ${figure.value} (write the exact value: 1.3万 is 13000)`,
			});
		} else {
			const zero = zeroPrintProblem(figure);
			if (zero) ctx.addIssue({ code: 'custom', path: ['value'], input: figure.value, message: zero });
		}
	});

export type FigureInput = z.input<typeof figureSchema>;
export type Figure = z.output<typeof figureSchema>;
export type Qualifier = z.output<typeof qualifierSchema>;
