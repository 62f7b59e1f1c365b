import { describe, expect, it } from 'vitest';
import { chartProblems, overlappingTexts } from './svg-testing.ts';

// The checks every property test relies on must themselves catch what they claim to.
describe('chartProblems', () => {
	const svg = (body: string, root = 'viewBox="0 0 100 50" width="100%" role="img" aria-labelledby="c-1 c-2"') =>
		`<svg xmlns="http://www.w3.org/2000/svg" ${root}><title id="c-1">t</title><desc id="c-2">d</desc>${body}</svg>`;

	it('chartProblems(svg, idPrefix) passes a clean chart', () => {
		expect(chartProblems(svg('<text x="10" y="20" font-size="10">网格</text>'), 'c')).toEqual([]);
	});

	it('chartProblems(svg, idPrefix) reports text outside the viewBox, overlapping texts, NaN, unrounded numbers and style', () => {
		const problems = chartProblems(
			svg(
				'<text x="90" y="20" font-size="10">网格</text><text x="10" y="40" font-size="10">楼院</text><text x="15" y="41" font-size="10">楼院</text>' +
					'<rect x="NaN" y="1.23456" width="1" height="1" style="fill:red" />',
			),
			'c',
		);
		expect(problems).toEqual([
			'style attribute on <rect>',
			'rect[x]="NaN"',
			'unrounded rect[y]="1.23456"',
			'"网格" at {"left":90,"top":11.2,"right":110,"bottom":22} is outside the viewBox 100×50',
			'"楼院" overlaps "楼院"',
		]);
	});

	it('chartProblems(svg, idPrefix) reports a fixed height, a missing role, ids without the prefix and a broken aria-labelledby', () => {
		const problems = chartProblems(svg('', 'viewBox="0 0 100 50" height="50" aria-labelledby="x-1"'), 'chart');
		expect(problems).toEqual(['fixed size on <svg>', 'no role="img"', 'ids without the prefix: c-1 c-2', 'aria-labelledby points at ']);
	});

	it('chartProblems(svg, idPrefix) refuses markup that is not well-formed XML', () => {
		expect(() => chartProblems('<svg><text></svg>', 'c')).toThrow('not well-formed XML');
	});

	it('overlappingTexts(svg) treats the lines of a wrapped label as apart', () => {
		expect(overlappingTexts(svg('<text x="0" y="20" font-size="14">网格</text><text x="0" y="38.2" font-size="14">网格</text>'))).toEqual([]);
	});
});
