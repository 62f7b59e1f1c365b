import { describe, expect, it } from 'vitest';
import * as charts from '../../src/charts/index.ts';

describe('src/charts/index.ts', () => {
	it('exports the renderers, the error, the serialiser and the social-image helper', () => {
		expect(Object.keys(charts).sort()).toEqual(
			[
				'ChartDataError',
				'LOG_NOTE',
				'DEFAULT_WIDTH',
				'MIN_WIDTH',
				'chartPaint',
				'divergingBar',
				'horizontalBar',
				'levelChart',
				'lightPalette',
				'partOfWhole',
				'placeComparison',
				'renderToString',
				'textWidth',
				'timeSeries',
				'withPresentationAttributes',
				'wrapText',
			].sort(),
		);
	});
});
