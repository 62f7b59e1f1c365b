import type { Element } from 'hast';
import { ChartDataError } from './chart-data-error.ts';
import { checkOptions, type ChartOptions } from './chart-options.ts';
import { checkRow, checkSameUnit, type ChartRow, type CheckedRow } from './chart-row.ts';
import { chartSvg, group, idSequence, placeText, rectElement, textElement, type PlacedText } from './svg.ts';
import { ASCENT, LINE_HEIGHT, blockHeight, textWidth, wrapText } from './text-metrics.ts';

/** A part and the whole it belongs to, in the same unit. */
export interface PartOfWholeData {
	/**
	 * The part, drawn in the accent colour and labelled above the bar.
	 * @example { label: '向街道(社区)延伸的高频业务', value: 187, unit: '项', … }
	 */
	part: ChartRow;
	/**
	 * The whole, the full length of the bar, labelled below it.
	 * @example { label: '进驻区级政务大厅的审批服务事项', value: 1589, unit: '项', … }
	 */
	whole: ChartRow;
}

/** Options of `partOfWhole`. */
export type PartOfWholeOptions = ChartOptions;

const LABEL_SIZE = 13;
const VALUE_SIZE = 13;
const PAD = 1;
const BAR_HEIGHT = 24;
const GAP = 6;
const VALUE_GAP = 6;
/** A part far smaller than the whole still shows as a sliver, so it does not read as nothing. */
const MIN_PART_WIDTH = 2;

/** The lines of a label followed by its figure, on the last line where it fits, else on its own line. */
function labelWithValue(row: CheckedRow, top: number, left: number, right: number, valueClass: string): { texts: PlacedText[]; height: number } {
	const lines = wrapText(row.label, right - left, LABEL_SIZE);
	const baseline = (index: number) => top + ASCENT * LABEL_SIZE + index * LINE_HEIGHT * LABEL_SIZE;
	const texts = lines.map((line, index) => placeText(line, left, baseline(index), LABEL_SIZE, 'chart__label'));
	const lastRight = left + textWidth(lines.at(-1)!, LABEL_SIZE);
	if (lastRight + VALUE_GAP + textWidth(row.printed, VALUE_SIZE) <= right) {
		texts.push(placeText(row.printed, lastRight + VALUE_GAP, baseline(lines.length - 1), VALUE_SIZE, valueClass));
		return { texts, height: blockHeight(lines.length, LABEL_SIZE) };
	}
	texts.push(placeText(row.printed, left, baseline(lines.length), VALUE_SIZE, valueClass));
	return { texts, height: blockHeight(lines.length + 1, LABEL_SIZE) };
}

/**
 * A part of a whole as one proportional bar, such as the 187 of 1589 service items delegated to
 * subdistricts: the whole is the full bar, the part its accent-coloured share, each labelled with
 * its figure as printed. No pie: lengths along one bar are easier to compare than angles.
 */
export function partOfWhole(data: PartOfWholeData, options: PartOfWholeOptions): Element {
	const chart = 'partOfWhole';
	if (typeof data !== 'object' || data === null || !data.part || !data.whole) {
		throw new ChartDataError(chart, '', 'expected { part, whole }, each a figure with a label');
	}
	const part = checkRow(chart, 'part', data.part);
	const whole = checkRow(chart, 'whole', data.whole);
	checkSameUnit(chart, [
		{ field: 'whole', unit: data.whole.unit },
		{ field: 'part', unit: data.part.unit },
	]);
	const width = checkOptions(chart, options);
	if (whole.value === 0) throw new ChartDataError(chart, 'whole.value', 'received 0; expected a whole greater than 0 to take a part of');
	if (part.value > whole.value) {
		throw new ChartDataError(chart, 'part.value', `${part.printed} is more than the whole, ${whole.printed}; expected a part no larger than its whole`);
	}
	const left = PAD;
	const right = width - PAD;

	const above = labelWithValue(part, PAD, left, right, 'chart__value chart__value--highlight');
	const barTop = PAD + above.height + GAP;
	const share = part.value / whole.value;
	const partWidth = part.value > 0 ? Math.max(share * (right - left), MIN_PART_WIDTH) : 0;
	const below = labelWithValue(whole, barTop + BAR_HEIGHT + GAP, left, right, 'chart__value');
	const height = barTop + BAR_HEIGHT + GAP + below.height + PAD;

	return chartSvg({ kind: 'part-of-whole', width, height, title: options.title, description: options.description, nextId: idSequence(options.idPrefix) }, [
		group('chart__bars', [rectElement('chart__whole', left, barTop, right - left, BAR_HEIGHT), rectElement('chart__part', left, barTop, partWidth, BAR_HEIGHT)]),
		group('chart__labels', [...above.texts, ...below.texts].map(textElement)),
	]);
}
