import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeComparison, type PlaceComparisonOptions, type PlaceFigure } from '../../src/charts/place-comparison.ts';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { label, printableFigure, unit } from './arbitraries.ts';
import { chartProblems, expectSvgSnapshot, parseSvg, sampleDataset, textBoxes, message } from './svg-testing.ts';

const tourism = await sampleDataset('mid-autumn-tourism-2024');
if (tourism.kind !== 'holiday-tourism') throw new Error('expected the holiday-tourism sample');
const visitors = tourism.figures.filter((entry) => entry.metric === 'visitors');
const xingyangRevenue = tourism.figures.find((entry) => entry.id === 'xingyang-revenue')!;

const options: PlaceComparisonOptions = {
	idPrefix: 'visitors',
	title: '中秋假期接待游客',
	description: '中秋假期中牟县接待游客76.57万人次，荥阳市接待游客40.389万人次。',
};

describe('placeComparison', () => {
	it('placeComparison(data, options) compares holiday visitors of 中牟县 and 荥阳市 with their figures as printed', async () => {
		const svg = placeComparison(visitors, options);
		await expectSvgSnapshot(svg, 'place-comparison-visitors');
		const text = renderToString(svg);
		expect(chartProblems(text, 'visitors')).toEqual([]);
		expect(textBoxes(text).map((entry) => entry.text)).toEqual(['中牟县', '76.57万人次', '荥阳市', '40.389万人次', '0', '20万', '40万', '60万', '80万']);
		const [zhongmou, xingyang] = parseSvg(text)
			.filter((element) => element.name === 'rect')
			.map((rect) => Number(rect.attributes.width));
		expect(xingyang! / zhongmou!).toBeCloseTo(403_890 / 765_700, 3);
		expect(parseSvg(text)[0]!.attributes.class).toBe('chart chart--place-comparison');
	});

	it('placeComparison(data, options) refuses to compare 人次 with 元 (a unit mismatch)', () => {
		expect(message(() => placeComparison([visitors[0]!, xingyangRevenue], options))).toMatchInlineSnapshot(`"placeComparison: figures[1] ("荥阳市"): unit mismatch: this figure is in 元 but figures[0] ("中牟县") is in 人次; expected every figure of one chart in the same unit"`);
	});

	it('placeComparison(data, options) refuses figures that measure different things in the same unit', () => {
		const theatre = tourism.figures.find((entry) => entry.id === 'zhongmou-theatre-visits')!;
		expect(message(() => placeComparison([visitors[1]!, { ...theatre, place: '中牟县' }], options))).toMatchInlineSnapshot(`"placeComparison: figures[1] ("中牟县").metric: received "attendance" but figures[0] measures "visitors"; expected every place measured the same way"`);
	});

	it('placeComparison(data, options) refuses one place, or the same place twice', () => {
		expect(message(() => placeComparison([visitors[0]!], options))).toMatchInlineSnapshot(`"placeComparison: figures: received one figure; expected at least two places to compare"`);
		expect(message(() => placeComparison([visitors[0]!, { ...visitors[1]!, place: '中牟县' }], options))).toMatchInlineSnapshot(`"placeComparison: figures[1] ("中牟县").place: 中牟县 is also figures[0]; expected each place once"`);
	});

	it('placeComparison(data, options) refuses non-finite and negative figures', () => {
		expect(message(() => placeComparison([visitors[0]!, { ...visitors[1]!, value: Number.NaN }], options))).toMatchInlineSnapshot(`"placeComparison: figures[1] ("荥阳市").value: received NaN; expected a finite number"`);
		expect(message(() => placeComparison([visitors[0]!, { ...visitors[1]!, value: -1 }], options))).toMatchInlineSnapshot(`"placeComparison: figures[1] ("荥阳市").value: received -1; expected a count or amount of 0 or more"`);
	});

	it('placeComparison(data, options) draws any valid comparison as a well-formed SVG with every text inside and apart', () => {
		const places = unit.chain((unitOfChart) =>
			fc.uniqueArray(
				fc.record({ place: label, figure: printableFigure(unitOfChart) }).map(({ place, figure }): PlaceFigure => ({ ...figure, place, metric: 'visitors' })),
				{ minLength: 2, maxLength: 6, selector: (entry) => entry.place.trim() },
			),
		);
		fc.assert(
			fc.property(places, (figures) => {
				expect(chartProblems(renderToString(placeComparison(figures, { ...options, idPrefix: 'p' })), 'p')).toEqual([]);
			}),
		);
	});
});
