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
	// -0 would print as "-0".
	return numberFormat(notation, fractionDigits).format(value === 0 ? 0 : value);
}

/** Whether a printed number shows no digit but 0 (0, 0.00, 0万). */
const printsZero = (printed: string) => !/[1-9]/.test(printed);

/** A figure's number in its chosen scale or notation and digits; a change prints its size, its direction word saying which way it went. */
function printedNumber(figure: Pick<PrintableFigure, 'value' | 'notation' | 'fractionDigits' | 'scale' | 'change'>): string {
	const value = figure.change ? Math.abs(figure.value) : figure.value;
	return figure.scale ? formatScaled(value, figure.scale, figure.fractionDigits) : formatNumber(value, figure.notation, figure.fractionDigits);
}

/**
 * Why a figure cannot be printed as the paper prints it, when its value is not 0 but would print
 * as 0 at its precision (1e-12元 with no decimals prints "0元"), or undefined when it can.
 */
export function zeroPrintProblem(figure: Pick<PrintableFigure, 'value' | 'notation' | 'fractionDigits' | 'numerals' | 'scale' | 'change'>): string | undefined {
	if (figure.value === 0 || !Number.isFinite(figure.value) || figure.numerals === 'chinese') return undefined;
	const printed = printedNumber(figure);
	if (!printsZero(printed)) return undefined;
	return `received ${figure.value}, which prints as "${printed}" with ${figure.fractionDigits} decimal place${figure.fractionDigits === 1 ? '' : 's'}; expected a value that does not print as 0 (check the value, or raise fractionDigits to the digits the paper printed)`;
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
	if (chinese) return chinese;
	const number = printedNumber(figure);
	// A figure that is not 0 never prints as 0; the figure schema refuses such a value first.
	if (figure.value !== 0 && printsZero(number)) throw new RangeError(zeroPrintProblem(figure));
	return number;
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
export function formatFigure(figure: PrintableFigure, format: FigureFormat = {}): string {
	const { words, amount } = formatFigureParts(figure, format);
	return `${words}${amount}`;
}

/**
 * A figure as `formatFigure` prints it, in two parts: a change's words (同比下降) and the amount
 * with its qualifier and unit (5.1%), which is never split across lines; a figure that is not a
 * change has no words, and 同比翻一番 is all words.
 */
export function formatFigureParts(figure: PrintableFigure, { unit = true, base = true }: FigureFormat = {}): { words: string; amount: string } {
	const change = figure.change;
	const changeWords = change ? `${base ? change.base : ''}${change.direction}` : '';
	if (change?.direction === DOUBLING_WORD) {
		const doubling = doublingWords(figure.value);
		if (!doubling) throw new RangeError(`invalid doubling: ${figure.value}`);
		return { words: `${base ? change.base : ''}${doubling}`, amount: '' };
	}
	const number = formatFigureNumber(figure);
	const qualifier = figure.qualifier ?? '';
	const position = qualifier ? QUALIFIER_POSITIONS[qualifier] : undefined;
	const amount = `${position === 'before' ? qualifier : ''}${number}${position === 'after-number' ? qualifier : ''}${unit ? figure.unit : ''}${position === 'after-unit' ? qualifier : ''}`;
	return { words: changeWords, amount };
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

/** Tick formatters by the most decimals they print: building an Intl.NumberFormat is slow and ticks are many. */
const tickFormats = new Map<number, Intl.NumberFormat>();

/** The fewest decimals an axis starts with, and the most it may need (ticks of 1e-20 and less are clamped by the charts). */
const TICK_DIGITS = { min: 2, max: 20 };

function tickFormat(maximumFractionDigits: number): Intl.NumberFormat {
	let format = tickFormats.get(maximumFractionDigits);
	if (!format) {
		format = new Intl.NumberFormat('zh-CN', {
			notation: 'compact',
			// Without this ICU rounds compact numbers to two significant digits: a 125000 tick would read 13万.
			maximumFractionDigits,
			useGrouping: false,
		});
		tickFormats.set(maximumFractionDigits, format);
	}
	return format;
}

/**
 * An axis tick as a Chinese reader says it: 0, 20万, 40万, 1.5亿, 1000. ICU's compact notation
 * gives 万/亿; ticks carry no unit or qualifier, which the chart's value labels and unit line print.
 */
export function formatTick(value: number): string {
	return tickLabel(value, TICK_DIGITS.min);
}

function tickLabel(value: number, maximumFractionDigits: number): string {
	if (!Number.isFinite(value)) throw new RangeError(`invalid value: ${value}`);
	// -0 would print as "-0".
	return tickFormat(maximumFractionDigits).format(value === 0 ? 0 : value);
}

/**
 * The labels of an axis's ticks: with two decimals at most, or as many more as it takes for no two
 * ticks to read the same and no tick above 0 to read 0 (0.001, 0.002 rather than 0, 0).
 */
export function formatTicks(values: readonly number[]): string[] {
	let labels: string[] = [];
	for (let digits = TICK_DIGITS.min; digits <= TICK_DIGITS.max; digits++) {
		labels = values.map((value) => tickLabel(value, digits));
		const distinct = new Set(labels).size === new Set(values.map((value) => value + 0)).size;
		if (distinct && labels.every((label, index) => values[index] === 0 || !printsZero(label))) return labels;
	}
	return labels;
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

/** The labels of an axis's ticks in a chart's shared scale, or as `formatTicks` gives them when there is none. */
export function formatTicksIn(values: readonly number[], scale: Scale | undefined): string[] {
	return scale ? values.map((value) => formatTickIn(value, scale)) : formatTicks(values);
}

/** A tick in a chart's shared scale (0, 0.5亿, 1亿), or as `formatTick` prints it when there is none. */
export function formatTickIn(value: number, scale: Scale | undefined): string {
	if (!scale) return formatTick(value);
	if (!Number.isFinite(value)) throw new RangeError(`invalid value: ${value}`);
	if (value === 0) return '0';
	const scaled = value / SCALE_DIVISORS[scale];
	return `${scaledTickFormat.format(scaled)}${scale === 'none' ? '' : scale}`;
}
