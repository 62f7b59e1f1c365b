import { formatFigure, type FigureFormat, type PrintableFigure } from '../figures/figures.ts';
import { BIDI_CONTROLS, CONTROL_CHARACTERS, hasVisibleText } from '../core/plain-text.ts';
import { ChartDataError } from './chart-data-error.ts';

/**
 * One bar, dot or column: what it counts and its figure as the paper printed it. A figure from a
 * parsed dataset already has this shape and can be passed as it is.
 */
export interface ChartRow extends PrintableFigure {
	/**
	 * What the row counts, as the chart labels it; long labels wrap.
	 * @example "志愿服务组织"
	 */
	label: string;
	/** Draws the row in the accent colour, to point at the figure the story is about. */
	highlight?: boolean;
}

/**
 * The largest value a chart draws: 1000万亿 is beyond any count or amount a city paper prints,
 * and above it scales and number formats stop being exact.
 */
export const MAX_VALUE = 1e15;

/** Control characters and non-characters: XML 1.0 forbids most, and the rest have no place in a chart's text. Tabs and line breaks are only spaces. */
export { CONTROL_CHARACTERS } from '../core/plain-text.ts';

/** Checks one piece of text a chart prints, such as a label, and returns it trimmed. */
export function checkText(chart: string, field: string, text: unknown): string {
	if (typeof text !== 'string' || !hasVisibleText(text)) {
		throw new ChartDataError(chart, field, `received ${JSON.stringify(text)}; expected some text`);
	}
	if (CONTROL_CHARACTERS.test(text)) {
		throw new ChartDataError(chart, field, `received ${JSON.stringify(text)}; expected text without control characters`);
	}
	if (BIDI_CONTROLS.test(text)) {
		throw new ChartDataError(chart, field, `received ${JSON.stringify(text)}; expected text without bidirectional controls, which reorder what readers see`);
	}
	return text.trim();
}

/**
 * Checks a figure's value and returns how the paper printed it. The value must be a count or
 * amount: finite and 0 or more, as the figure schema requires of datasets; a renderer of changes
 * (`signed`) also takes a change below 0.
 */
export function checkFigure(chart: string, field: string, figure: PrintableFigure, format: FigureFormat = {}, signed = false): string {
	const { value } = figure;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new ChartDataError(chart, `${field}.value`, `received ${String(value)}; expected a finite number`);
	}
	if (value < 0 && !(signed && figure.change)) {
		const hint = figure.change ? ' (a decline is drawn by a "change" chart)' : '';
		throw new ChartDataError(chart, `${field}.value`, `received ${value}; expected a count or amount of 0 or more${hint}`);
	}
	if (Math.abs(value) > MAX_VALUE) {
		throw new ChartDataError(chart, `${field}.value`, `received ${value}; expected at most ${MAX_VALUE} (1000万亿)`);
	}
	checkText(chart, `${field}.unit`, figure.unit);
	try {
		return formatFigure(figure, format);
	} catch (error) {
		throw new ChartDataError(chart, field, `cannot be printed: ${(error as Error).message}`);
	}
}

/** `rows[2] ("自治组织")`: the path of a row, with its label so the editor can find it. */
export function rowField(index: number, label: unknown, name = 'rows'): string {
	return typeof label === 'string' && label.trim() ? `${name}[${index}] (${JSON.stringify(label.trim())})` : `${name}[${index}]`;
}

/**
 * Checks that every figure is in the same unit, since one axis cannot measure 人次 and 元 at
 * once, and returns that unit.
 */
export function checkSameUnit(chart: string, figures: ReadonlyArray<{ field: string; unit: string }>): string {
	const [first] = figures;
	if (!first) throw new ChartDataError(chart, '', 'received no figures');
	for (const figure of figures.slice(1)) {
		if (figure.unit !== first.unit) {
			throw new ChartDataError(
				chart,
				figure.field,
				`unit mismatch: this figure is in ${figure.unit} but ${first.field} is in ${first.unit}; expected every figure of one chart in the same unit`,
			);
		}
	}
	return first.unit;
}

/** A row that passed its checks, with its label and value printed. */
export interface CheckedRow<Row extends ChartRow = ChartRow> {
	row: Row;
	label: string;
	value: number;
	printed: string;
}

/** Checks one row: an object with a label and a printable, finite, non-negative value. */
export function checkRow<Row extends ChartRow>(chart: string, field: string, row: Row, format: FigureFormat = {}, signed = false): CheckedRow<Row> {
	if (typeof row !== 'object' || row === null) {
		throw new ChartDataError(chart, field, `received ${String(row)}; expected a figure with a label`);
	}
	const label = checkText(chart, `${field}.label`, row.label);
	const printed = checkFigure(chart, field, row, format, signed);
	return { row, label, value: row.value, printed };
}

/**
 * Checks the rows of a chart that share one axis: at least one row, each with a label and a
 * printable, finite, non-negative value, all in one unit.
 */
export function checkRows<Row extends ChartRow>(
	chart: string,
	rows: ReadonlyArray<Row>,
	name = 'rows',
	format: FigureFormat = {},
	signed = false,
): CheckedRow<Row>[] {
	if (!Array.isArray(rows) || rows.length === 0) {
		throw new ChartDataError(chart, name, 'received no rows; expected at least one figure to draw');
	}
	const checked = rows.map((row, index) => checkRow(chart, rowField(index, row?.label, name), row, format, signed));
	checkSameUnit(
		chart,
		rows.map((row, index) => ({ field: rowField(index, row.label, name), unit: row.unit })),
	);
	return checked;
}
