import type { Figure } from '../schemas/figure.ts';

/** What `formatFigure` needs of a figure: its value and how the paper printed it. */
export type PrintableFigure = Pick<Figure, 'value' | 'unit' | 'qualifier' | 'notation' | 'fractionDigits' | 'numerals'> &
	Partial<Pick<Figure, 'scale' | 'change'>>;

/** A qualifier's place in print: 近30万 (before), 20余项 (after the number), 5000元左右 (after the unit). */
export type QualifierPosition = 'before' | 'after-number' | 'after-unit';

/** Every qualifier the paper prints, with its position. */
export const QUALIFIER_POSITIONS = {
	余: 'after-number',
	多: 'after-number',
	以上: 'after-unit',
	左右: 'after-unit',
	上下: 'after-unit',
	近: 'before',
	约: 'before',
	超: 'before',
	逾: 'before',
	不到: 'before',
	不足: 'before',
} as const satisfies Record<string, QualifierPosition>;

export type QualifierWord = keyof typeof QUALIFIER_POSITIONS;

/** The scales a figure can be printed in: every digit, 万 (10^4) or 亿 (10^8). */
export const SCALE_DIVISORS = { none: 1, 万: 10_000, 亿: 100_000_000 } as const;

export type Scale = keyof typeof SCALE_DIVISORS;

/** Words that say a change went up: the value is above 0. */
export const RISING_WORDS = ['增长', '增加', '上升', '提高', '上涨'] as const;
/** Words that say a change went down: the value is below 0. */
export const FALLING_WORDS = ['下降', '减少', '回落', '下滑', '降低'] as const;
/** 翻一番, 翻两番: the figure became 2, 4… times its base. */
export const DOUBLING_WORD = '翻番';

/** The unit each kind of change is printed in. */
export const CHANGE_UNITS = { percent: '%', points: '个百分点', multiple: '倍' } as const;

const DOUBLINGS = new Map([
	[2, '翻一番'],
	[4, '翻两番'],
	[8, '翻三番'],
	[16, '翻四番'],
]);

/** 翻一番 for 2, 翻两番 for 4…, or undefined. */
export function doublingWords(value: number): string | undefined {
	return DOUBLINGS.get(value);
}

/** Round numbers written in characters, as in 近百个 (GB/T 15835 allows this for approximations). */
const CHINESE_ROUND_NUMBERS = new Map([
	[10, '十'],
	[100, '百'],
	[1000, '千'],
	[10_000, '万'],
]);

/** The characters for a round number (100 → 百), or undefined when it has none. */
export function chineseRoundNumber(value: number): string | undefined {
	return CHINESE_ROUND_NUMBERS.get(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(notation: 'standard' | 'compact', fractionDigits: number): Intl.NumberFormat {
	const key = `${notation}/${fractionDigits}`;
	let format = numberFormats.get(key);
	if (!format) {
		// No grouping: the paper prints 16400 and 6281, not 16,400.
		format = new Intl.NumberFormat('zh-CN', {
			notation,
			minimumFractionDigits: fractionDigits,
			maximumFractionDigits: fractionDigits,
			useGrouping: false,
		});
		numberFormats.set(key, format);
	}
	return format;
}

/**
 * Formats a bare number the way the paper does: 76.57万, 16400, 1.2亿. Uses ICU's compact
 * notation for 万/亿 instead of hand-written unit logic.
 */
export function formatNumber(value: number, notation: 'standard' | 'compact' = 'standard', fractionDigits = 0): string {
	if (!Number.isFinite(value)) throw new RangeError(`invalid value: ${value}`);
	return numberFormat(notation, fractionDigits).format(value);
}

/**
 * A bare number in the scale the paper chose: 0.57亿 stays 0.57亿 and 103548.43万 stays
 * 103548.43万, whatever their size.
 */
export function formatScaled(value: number, scale: Scale, fractionDigits = 0): string {
	if (!Number.isFinite(value)) throw new RangeError(`invalid value: ${value}`);
	const scaled = value / SCALE_DIVISORS[scale];
	return `${numberFormat('standard', fractionDigits).format(scaled === 0 ? 0 : scaled)}${scale === 'none' ? '' : scale}`;
}

const exactFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 8, useGrouping: false });

/**
 * The exact value in a scale, with every digit it has (34406700 in 万 is 3440.67万): the 精确值
 * column of a chart's table, which shares the chart's scale.
 */
export function formatExact(value: number, scale: Scale = 'none'): string {
	if (!Number.isFinite(value)) throw new RangeError(`invalid value: ${value}`);
	const scaled = value / SCALE_DIVISORS[scale];
	return `${exactFormat.format(scaled === 0 ? 0 : scaled)}${scale === 'none' ? '' : scale}`;
}

/** The number of a figure without qualifier or unit, in its printed scale and digits: 0.57亿, 40.389万, 5.1. */
export function formatFigureNumber(figure: PrintableFigure): string {
	const chinese = figure.numerals === 'chinese' ? chineseRoundNumber(Math.abs(figure.value)) : undefined;
	if (figure.numerals === 'chinese' && !chinese) {
		throw new RangeError(`invalid chinese round number: ${figure.value}`);
	}
	// A change prints its size; its direction word says which way it went.
	const value = figure.change ? Math.abs(figure.value) : figure.value;
	if (chinese) return chinese;
	return figure.scale ? formatScaled(value, figure.scale, figure.fractionDigits) : formatNumber(value, figure.notation, figure.fractionDigits);
}

/** What to print of a figure besides its number. */
export interface FigureFormat {
	/** The unit (false in 观剧人次近30万, where the unit is left off). */
	unit?: boolean;
	/** A change's base (同比, 较2019年同期); false where the chart's unit line names it. */
	base?: boolean;
}

/**
 * A figure exactly as the paper printed it, the one way every page, chart, table, feed, card and
 * download prints it: 40.389万人次, 16400余件, 1.3万余名, 近30万, 近百个, 0.57亿元, 5000元左右,
 * 同比下降5.1%, 比上年提高2.3个百分点, 增长1.5倍, 同比翻一番.
 */
export function formatFigure(figure: PrintableFigure, { unit = true, base = true }: FigureFormat = {}): string {
	const change = figure.change;
	if (change?.direction === DOUBLING_WORD) {
		const words = doublingWords(figure.value);
		if (!words) throw new RangeError(`invalid doubling: ${figure.value}`);
		return `${base ? change.base : ''}${words}`;
	}
	const number = formatFigureNumber(figure);
	const qualifier = figure.qualifier ?? '';
	const position = qualifier ? QUALIFIER_POSITIONS[qualifier] : undefined;
	const printed = `${position === 'before' ? qualifier : ''}${number}${position === 'after-number' ? qualifier : ''}${unit ? figure.unit : ''}${position === 'after-unit' ? qualifier : ''}`;
	return change ? `${base ? change.base : ''}${change.direction}${printed}` : printed;
}

/**
 * The forms of a figure that may stand in its source sentence: with its unit, or without it; a
 * change also without its base, which the sentence may print apart (比上年同期，收入下降5.1%).
 */
export function printedForms(figure: PrintableFigure): string[] {
	const forms = [formatFigure(figure), formatFigure(figure, { unit: false })];
	if (figure.change) forms.push(formatFigure(figure, { base: false }), formatFigure(figure, { base: false, unit: false }));
	return [...new Set(forms)];
}

/** One formatter for every tick: building an Intl.NumberFormat is slow and ticks are many. */
const tickFormat = new Intl.NumberFormat('zh-CN', {
	notation: 'compact',
	// Without this ICU rounds compact numbers to two significant digits: a 125000 tick would read 13万.
	maximumFractionDigits: 2,
	useGrouping: false,
});

/**
 * An axis tick as a Chinese reader says it: 0, 20万, 40万, 1.5亿, 1000. ICU's compact notation
 * gives 万/亿; ticks carry no unit or qualifier, which the chart's value labels and unit line print.
 */
export function formatTick(value: number): string {
	if (!Number.isFinite(value)) throw new RangeError(`invalid value: ${value}`);
	// -0 would print as "-0".
	return tickFormat.format(value === 0 ? 0 : value);
}

/** Ticks in a chosen scale print its number as it is (12000万 stays 12000万, not 1.2万万). */
const scaledTickFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/**
 * The scale a chart's axis and table share: the one its figures were printed in when they agree
 * (so 0.57亿 and 1.2亿 get ticks in 亿), undefined when they differ or were not chosen (ticks then
 * pick 万 or 亿 by size).
 */
export function sharedScale(figures: ReadonlyArray<Pick<PrintableFigure, 'scale'>>): Scale | undefined {
	const scales = new Set(figures.map((figure) => figure.scale));
	const [only] = scales;
	return scales.size === 1 ? only : undefined;
}

/** A tick in a chart's shared scale (0, 0.5亿, 1亿), or as `formatTick` prints it when there is none. */
export function formatTickIn(value: number, scale: Scale | undefined): string {
	if (!scale) return formatTick(value);
	if (!Number.isFinite(value)) throw new RangeError(`invalid value: ${value}`);
	if (value === 0) return '0';
	const scaled = value / SCALE_DIVISORS[scale];
	return `${scaledTickFormat.format(scaled)}${scale === 'none' ? '' : scale}`;
}
