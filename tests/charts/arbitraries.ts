import fc from 'fast-check';
import { MAX_VALUE, type ChartRow } from '../../src/charts/chart-row.ts';
import { zeroPrintProblem, type PrintableFigure } from '../../src/figures/figures.ts';

/** Characters labels are made of: Han, full-width and CJK punctuation, Latin, digits, spaces. */
const LABEL_CHARACTERS = [...'二七区基层党组织自治志愿服务楼院网格一二三级微中牟县荥阳市接待游客（）“”、，·：ABCxyz0123456789 -'];

/** A label of 1 to 45 characters, as long as or longer than any in the sample datasets. */
export const label = fc.string({ unit: fc.constantFrom(...LABEL_CHARACTERS), minLength: 1, maxLength: 45 }).filter((text) => text.trim().length > 0);

/** A unit, shared by all figures of one chart. */
export const unit = fc.constantFrom('个', '人次', '元', '%', '大类', '小时');

/**
 * A figure as a dataset could hold it: zero, small and large counts, amounts with decimals,
 * every notation, qualifier and printed precision, and round numbers in characters (近百).
 */
export function printableFigure(unitOfChart: string): fc.Arbitrary<PrintableFigure> {
	const arabic = fc.record({
		value: fc.oneof(
			fc.constant(0),
			// -0 is a value a spreadsheet or a computation can give; it draws and prints as 0.
			fc.constant(-0),
			// Small amounts, such as 0.002, whose ticks need more decimals than usual.
			fc.integer({ min: 1, max: 999 }).map((value) => value / 1e6),
			fc.integer({ min: 0, max: 100 }),
			fc.integer({ min: 0, max: 2_000_000_000 }),
			fc.integer({ min: 0, max: 1_000_000_000 }).map((value) => value / 1000),
			// The whole allowed range, down to the tiniest doubles and up to 1000万亿.
			fc.double({ min: 0, max: MAX_VALUE, noNaN: true }),
		),
		unit: fc.constant(unitOfChart),
		qualifier: fc.option(fc.constantFrom('余' as const, '近' as const, '约' as const, '超' as const), { nil: undefined }),
		notation: fc.constantFrom('standard' as const, 'compact' as const),
		fractionDigits: fc.integer({ min: 0, max: 6 }),
		numerals: fc.constant('arabic' as const),
	})
		// A value that would print as 0 is refused by the figure schema and by every chart (see odd-numbers.test.ts).
		.filter((figure) => zeroPrintProblem(figure) === undefined);
	const chinese = fc.record({
		value: fc.constantFrom(10, 100, 1000, 10_000),
		unit: fc.constant(unitOfChart),
		qualifier: fc.constant('近' as const),
		notation: fc.constant('standard' as const),
		fractionDigits: fc.constant(0),
		numerals: fc.constant('chinese' as const),
	});
	return fc.oneof({ arbitrary: arabic, weight: 9 }, { arbitrary: chinese, weight: 1 });
}

/** 1 to `maxLength` rows in one unit, some highlighted. */
export function chartRows(maxLength = 12): fc.Arbitrary<ChartRow[]> {
	return unit.chain((unitOfChart) =>
		fc.array(
			fc.record({ label, figure: printableFigure(unitOfChart), highlight: fc.boolean() }).map(({ label, figure, highlight }) => ({ ...figure, label, highlight })),
			{ minLength: 1, maxLength },
		),
	);
}
