/**
 * Thrown when a renderer is given data or options it cannot draw truthfully: no rows, a value
 * that is not a count, figures in different units, missing alt text. The message names the
 * renderer, the field and what was received, so the chart component can pass it to the editor.
 */
export class ChartDataError extends Error {
	/** The renderer that refused the input, such as `horizontalBar`. */
	readonly chart: string;
	/** The path of the offending input, such as `rows[2].value`; empty when it is the input as a whole. */
	readonly field: string;

	constructor(chart: string, field: string, message: string) {
		super(`${chart}: ${field ? `${field}: ` : ''}${message}`);
		this.name = 'ChartDataError';
		this.chart = chart;
		this.field = field;
	}
}
