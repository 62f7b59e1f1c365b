import type { ResolvedFigure } from '../figures/dataset-figures.ts';
import { FALLING_WORDS, formatFigure, QUALIFIER_POSITIONS, RISING_WORDS, SCALE_DIVISORS, type QualifierWord } from '../figures/figures.ts';

/**
 * Units a figure is counted in, whatever the story's datasets use: a number printed with one of
 * these reads as a data figure. Calendar units (年, 月, 日) and times are left out on purpose:
 * 2024年9月18日 is a date, not a figure.
 */
export const FIGURE_UNITS = ['个', '名', '件', '人次', '项', '台', '架', '大类', '人', '家', '场', '元', '%', '个百分点', '倍'];

/** A number in copy that reads as a data figure: 40.389万人次, 3440万余元, 近30万, 同比下降5.1%. */
export interface FigureLikeNumber {
	/** As printed, qualifier and unit included. */
	text: string;
	/** Where it starts in the text. */
	index: number;
	/** Its value in base units (3440万 is 34400000). */
	value: number;
	/** The size of one step of its last printed digit, in base units (1万 for 3440万). */
	step: number;
	unit?: string;
	qualifier?: QualifierWord;
	/** The direction word printed just before it (增长9.2%, 下降5.1%), if any. */
	direction?: 'rise' | 'fall';
}

const RISE_BEFORE = new RegExp(`(?:${RISING_WORDS.join('|')})了?$`);
const FALL_BEFORE = new RegExp(`(?:${FALLING_WORDS.join('|')})了?$`);

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const BEFORE = Object.entries(QUALIFIER_POSITIONS)
	.filter(([, position]) => position === 'before')
	.map(([word]) => word);
const AFTER_NUMBER = Object.entries(QUALIFIER_POSITIONS)
	.filter(([, position]) => position === 'after-number')
	.map(([word]) => word);
const AFTER_UNIT = Object.entries(QUALIFIER_POSITIONS)
	.filter(([, position]) => position === 'after-unit')
	.map(([word]) => word);

/** The pattern of figure-like numbers with these units, longest unit first. */
export function figureNumberPattern(extraUnits: Iterable<string> = []): RegExp {
	const units = [...new Set([...FIGURE_UNITS, ...extraUnits])]
		.filter((unit) => unit && !/^[年月日时分秒号]$/.test(unit))
		.sort((a, b) => b.length - a.length)
		.map(escapeRegExp)
		.join('|');
	// Not the 3 of 第3次, 2024.3 or A3; not a digit run inside a longer one.
	return new RegExp(
		`(?<![\\d.第A-Za-z])(${BEFORE.join('|')})?(\\d+(?:\\.\\d+)?)([万亿]?)(${AFTER_NUMBER.join('|')})?(${units})?(${AFTER_UNIT.join('|')})?(?![\\d.A-Za-z])`,
		'g',
	);
}

/**
 * The figure-like numbers of a piece of copy: a number with a unit, with 万 or 亿, or with a
 * qualifier. A bare number (a year, a hotline, the 107 of 107国道), a date (9月18日) or an
 * ordinal (第3) is none.
 */
export function figureLikeNumbers(text: string, pattern: RegExp): FigureLikeNumber[] {
	const found: FigureLikeNumber[] = [];
	for (const match of text.matchAll(pattern)) {
		const [whole, before, digits, scale, afterNumber, unit, afterUnit] = match;
		if (!unit && !scale && !before && !afterNumber && !afterUnit) continue;
		// A 年, 月 or 日 straight after the number makes it a date or a year, whatever came before.
		if (!unit && /^[年月日号时]/.test(text.slice(match.index + whole.length))) continue;
		const multiplier = scale ? SCALE_DIVISORS[scale as '万' | '亿'] : 1;
		const decimals = digits!.split('.')[1]?.length ?? 0;
		const preceding = text.slice(0, match.index);
		found.push({
			direction: RISE_BEFORE.test(preceding) ? 'rise' : FALL_BEFORE.test(preceding) ? 'fall' : undefined,
			text: whole,
			index: match.index,
			value: Number(digits) * multiplier,
			step: 10 ** -decimals * multiplier,
			unit: unit || undefined,
			qualifier: (before || afterNumber || afterUnit || undefined) as QualifierWord | undefined,
		});
	}
	return found;
}

/** Whether `number` as printed agrees with `figure`: exactly, or within what its qualifier allows (3440万余元 for 3440.67万元). */
export function agrees(number: FigureLikeNumber, figure: ResolvedFigure): boolean {
	if (number.unit && number.unit !== figure.unit) return false;
	// 下降5.1% is not a rise of 5.1%.
	if (number.direction && figure.change && figure.change.direction !== '翻番' && (number.direction === 'fall') !== figure.value < 0) return false;
	const value = Math.abs(figure.value);
	const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
	// 30万人次 is not 近30万人次: a figure the paper qualified is not printed as exact.
	if (close(number.value, value)) return !figure.qualifier || number.qualifier !== undefined;
	switch (number.qualifier) {
		case '余':
		case '多':
		case '超':
		case '逾':
		case '以上':
			return value > number.value && value < number.value + number.step;
		case '近':
		case '不到':
		case '不足':
			return value < number.value && value > number.value - number.step;
		case '约':
		case '左右':
		case '上下':
			return Math.abs(value - number.value) <= number.step / 2;
		default:
			return false;
	}
}

/** The figure nearest a number, in its unit where one shares it, for an error message. */
export function nearestFigure(number: FigureLikeNumber, figures: ReadonlyArray<ResolvedFigure>): ResolvedFigure | undefined {
	const sameUnit = figures.filter((figure) => figure.unit === number.unit);
	const candidates = sameUnit.length > 0 ? sameUnit : figures;
	let nearest: ResolvedFigure | undefined;
	for (const figure of candidates) {
		if (!nearest || Math.abs(Math.abs(figure.value) - number.value) < Math.abs(Math.abs(nearest.value) - number.value)) nearest = figure;
	}
	return nearest;
}

/** One checked field of copy: where it is, and its text. */
export interface CheckedField {
	field: string;
	line?: number;
	text: string;
}

/** A number in a checked field that no figure agrees with, with the nearest figure in the data. */
export interface UncheckedNumber {
	field: string;
	line?: number;
	number: FigureLikeNumber;
	nearest?: ResolvedFigure;
}

/**
 * Every figure-like number of the given fields that no figure agrees with. `notFigures` are texts
 * the editor marked as not a figure (a hotline, a number in a name), skipped wherever they stand.
 */
export function uncheckedNumbers(fields: ReadonlyArray<CheckedField>, figures: ReadonlyArray<ResolvedFigure>, notFigures: ReadonlyArray<string> = []): UncheckedNumber[] {
	const pattern = figureNumberPattern(figures.map((figure) => figure.unit));
	const found: UncheckedNumber[] = [];
	for (const { field, line, text } of fields) {
		// A marked text is blanked out, so the numbers in it are not read.
		let unmarked = text;
		for (const marked of notFigures) unmarked = unmarked.split(marked).join(' '.repeat(marked.length));
		for (const number of figureLikeNumbers(unmarked, pattern)) {
			if (figures.some((figure) => agrees(number, figure))) continue;
			found.push({ field, line, number, nearest: nearestFigure(number, figures) });
		}
	}
	return found;
}

/** `"1999.9万人次"; the nearest figure in the data is "zhongmou-visitors" 76.57万人次`, for messages. */
export function describeUnchecked({ number, nearest }: UncheckedNumber): string {
	const near = nearest ? `; the nearest figure in the data is "${nearest.id}" ${formatFigure(nearest)}` : '; the story lists no dataset with figures';
	return `prints "${number.text}", which no figure of the data prints${near}`;
}
