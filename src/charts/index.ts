/**
 * Broadsheet's chart renderers: pure functions from validated figures and options to an SVG hast
 * tree, with no DOM, clock or randomness, so articles, dataset pages, social images and tests
 * all draw the same bytes from the same input.
 */
export { ChartDataError } from './chart-data-error.ts';
export { DEFAULT_WIDTH, MIN_WIDTH, type ChartOptions } from './chart-options.ts';
export type { ChartRow } from './chart-row.ts';
export { divergingBar, type DivergingBarOptions } from './diverging-bar.ts';
export { horizontalBar, type HorizontalBarOptions, type ReferenceLine } from './horizontal-bar.ts';
export { LOG_NOTE, levelChart, type LevelChartOptions, type LevelScale } from './level-chart.ts';
export { partOfWhole, type PartOfWholeData, type PartOfWholeOptions } from './part-of-whole.ts';
export { placeComparison, type PlaceComparisonOptions, type PlaceFigure } from './place-comparison.ts';
export { chartPaint, lightPalette, withPresentationAttributes, type ChartPalette, type PresentationOptions } from './presentation.ts';
export { renderToString } from './render-to-string.ts';
export { timeSeries, type TimeSeriesOptions, type TimeSeriesPoint } from './time-series.ts';
export { textWidth, wrapText } from './text-metrics.ts';
