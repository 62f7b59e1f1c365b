import type { Figure } from '../schemas/figure.ts';

/** What `formatFigure` needs of a figure: its value and how the paper printed it. */
export type PrintableFigure = Pick<Figure, 'value' | 'unit' | 'qualifier' | 'notation' | 'fractionDigits' | 'numerals'>;

/** Qualifiers that the paper prints after the number rather than before it (16400余件). */
const TRAILING_QUALIFIERS = new Set(['余']);

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

/**
 * Why a figure cannot be printed as the paper prints it, when its value is not 0 but would print
 * as 0 at its precision (1e-12元 with no decimals prints "0元"), or undefined when it can.
 */
export function zeroPrintProblem(figure: Pick<PrintableFigure, 'value' | 'notation' | 'fractionDigits' | 'numerals'>): string | undefined {
	if (figure.value === 0 || !Number.isFinite(figure.value) || figure.numerals === 'chinese') return undefined;
	const printed = formatNumber(figure.value, figure.notation, figure.fractionDigits);
	if (!printsZero(printed)) return undefined;
	return `received ${figure.value}, which prints as "${printed}" with ${figure.fractionDigits} decimal place${figure.fractionDigits === 1 ? '' : 's'}; expected a value that does not print as 0 (check the value, or raise fractionDigits to the digits the paper printed)`;
}

/**
 * A figure exactly as the paper printed it: 40.389万人次, 16400余件, 1.3万余名, 近30万, 近百个, 近100%.
 * With `unit: false` the unit is left off (近30万 in 观剧人次近30万).
 */
export function formatFigure(figure: PrintableFigure, { unit = true }: { unit?: boolean } = {}): string {
	const chinese = figure.numerals === 'chinese' ? chineseRoundNumber(figure.value) : undefined;
	if (figure.numerals === 'chinese' && !chinese) {
		throw new RangeError(`invalid chinese round number: ${figure.value}`);
	}
	const number = chinese ?? formatNumber(figure.value, figure.notation, figure.fractionDigits);
	// A figure that is not 0 never prints as 0; the figure schema refuses such a value first.
	if (!chinese && figure.value !== 0 && printsZero(number)) throw new RangeError(zeroPrintProblem(figure));
	const qualifier = figure.qualifier ?? '';
	const trailing = TRAILING_QUALIFIERS.has(qualifier);
	return `${trailing ? '' : qualifier}${number}${trailing ? qualifier : ''}${unit ? figure.unit : ''}`;
}

/** The forms of a figure that may stand in its source sentence: with its unit, or without it. */
export function printedForms(figure: PrintableFigure): string[] {
	return [formatFigure(figure), formatFigure(figure, { unit: false })];
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
