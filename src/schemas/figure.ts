import { z } from 'astro/zod';
import { text } from './text.ts';
import {
	CHANGE_UNITS,
	chineseRoundNumber,
	doublingWords,
	DOUBLING_WORD,
	FALLING_WORDS,
	QUALIFIER_POSITIONS,
	RISING_WORDS,
	type QualifierWord,
	zeroPrintProblem,
} from '../figures/figures.ts';

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
 * How a figure was qualified in print. 近 约 超 逾 不到 不足 stand before the number (近30万);
 * 余 多 after it (20余项, 1.3万多名); 以上 左右 上下 after the unit (30万人次以上, 5000元左右).
 */
export const qualifierSchema = z.enum(Object.keys(QUALIFIER_POSITIONS) as [QualifierWord, ...QualifierWord[]]);

const BASE = /^(同比|环比|[比较].+)$/;

/**
 * A figure that is a change against a base period, as the paper prints it: 同比下降5.1%,
 * 比上年提高2.3个百分点, 较2019年同期增长1.5倍, 同比翻一番.
 */
export const changeSchema = z.strictObject({
	/**
	 * `percent` (增长9.2%, unit `%`), `points` (提高2.3个百分点, unit `个百分点`) or `multiple`
	 * (增长1.5倍, unit `倍`).
	 * @example "percent"
	 */
	kind: z.enum(['percent', 'points', 'multiple']),
	/**
	 * The word the paper printed: 增长 增加 上升 提高 上涨 for a value above 0, 下降 减少 回落 下滑 降低
	 * for a value below 0, 翻番 for a multiple of 2, 4… printed 翻一番, 翻两番.
	 * @example "下降"
	 */
	direction: z.enum([...RISING_WORDS, ...FALLING_WORDS, DOUBLING_WORD]),
	/**
	 * What the change is measured against, as printed before the direction word: 同比, 环比, or a
	 * named period starting with 比 or 较 (比上年, 较2019年同期).
	 * @example "同比"
	 */
	base: text().regex(BASE, 'expected 同比, 环比, or a named period as printed, starting with 比 or 较 (比上年, 较2019年同期)'),
});

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
		 * The exact value in base units: 40.389万 is 403890, 3440.67万元 is 34406700. A count or
		 * amount is 0 or more; a change is signed: 同比下降5.1% is -5.1.
		 * @example 403890
		 */
		value: z
			.number()
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
		 * The scale the paper printed the number in: `none` (every digit), `万` or `亿`. It is kept
		 * whatever the size: 0.57亿元 stays 0.57亿元 and 103548.43万元 stays 103548.43万元. Without it,
		 * `notation` decides.
		 * @example "万"
		 */
		scale: z.enum(['none', '万', '亿']).optional(),
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
		 * For a change against a base period: its kind, the direction word and the base.
		 * @example { "kind": "percent", "direction": "下降", "base": "同比" }
		 */
		change: changeSchema.optional(),
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
		const { change } = figure;
		if (change) {
			const unit = CHANGE_UNITS[change.kind];
			if (figure.unit !== unit) {
				ctx.addIssue({
					code: 'custom',
					path: ['unit'],
					input: figure.unit,
					message: `received "${figure.unit}"; expected "${unit}" for a change of kind "${change.kind}"`,
				});
			}
			const rising = (RISING_WORDS as readonly string[]).includes(change.direction);
			const falling = (FALLING_WORDS as readonly string[]).includes(change.direction);
			if (change.direction === DOUBLING_WORD) {
				if (change.kind !== 'multiple' || !doublingWords(figure.value)) {
					ctx.addIssue({
						code: 'custom',
						path: ['value'],
						input: figure.value,
						message: `received ${figure.value}; expected 翻番 only for a change of kind "multiple" with the value 2 (翻一番), 4 (翻两番), 8 or 16`,
					});
				}
			} else if ((rising && figure.value <= 0) || (falling && figure.value >= 0)) {
				ctx.addIssue({
					code: 'custom',
					path: ['value'],
					input: figure.value,
					message: `received ${figure.value} with "${change.direction}"; expected a value ${rising ? 'above' : 'below'} 0 (${change.base}${change.direction}${Math.abs(figure.value)}${unit} is ${rising ? '' : '-'}${Math.abs(figure.value)})`,
				});
			}
		} else {
			if (figure.value < 0) {
				ctx.addIssue({
					code: 'custom',
					path: ['value'],
					input: figure.value,
					message: `expected a count or amount of 0 or more, received ${figure.value} (a decline such as 同比下降5.1% is a change: give the figure a "change")`,
				});
			}
			if (figure.unit === PERCENT && figure.value > 100) {
				ctx.addIssue({
					code: 'custom',
					path: ['value'],
					input: figure.value,
					message: `expected a percentage between 0 and 100, received ${figure.value} (a growth such as 增长125% is a change: give the figure a "change")`,
				});
			}
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
export type Change = z.output<typeof changeSchema>;
