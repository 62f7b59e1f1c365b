import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheStore, pruneCaches, startCacheUse } from '../../src/cache/registry.ts';
import { CHART_LAYOUT_WIDTHS } from '../../src/charts/chart-figure.ts';
import { renderDatasetChart } from '../../src/charts/dataset-charts.ts';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { resolveFigures } from '../../src/figures/dataset-figures.ts';
import { datasetSchema } from '../../src/schemas/dataset.ts';
import { chartLayouts, chartThumbnail, useChartLayouts } from '../../src/site/chart-layouts.ts';
import type { DatasetEntry } from '../../src/site/edition-index.ts';

/**
 * Charts drawn for pages are kept between builds (src/site/chart-layouts.ts): drawn once per
 * dataset entry, chart and story, and marked used for the pages Astro copies without rendering.
 * (Each test file has caches of its own: tests/setup-caches.ts.)
 */

const data = datasetSchema.parse(JSON.parse(readFileSync(new URL('../../data/mid-autumn-tourism-2024.json', import.meta.url), 'utf8')));
const entry = (digest: string, id = 'mid-autumn-tourism-2024'): DatasetEntry => ({ id, collection: 'datasets', data, digest }) as DatasetEntry;
const spec = data.charts[0];
const figures = resolveFigures(data);
/** The store's drawing files, relative to it. */
const keptFiles = () => readdirSync(cacheStore('charts').dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'));

describe('chart layouts', () => {
	it('are the chart drawn at every layout width, ids prefixed by dataset, chart and width', () => {
		const layouts = chartLayouts(entry('one'), spec, figures);
		expect(layouts.map(({ width }) => width)).toEqual([...CHART_LAYOUT_WIDTHS]);
		for (const { width, svg } of layouts) {
			expect(svg).toBe(renderToString(renderDatasetChart(spec, data, `chart-mid-autumn-tourism-2024-${spec.id}-w${width}`, figures, { width })));
		}
	});

	it('are taken from the store for the same dataset entry, chart and story, and drawn again for another entry or story', () => {
		const dataset = entry('two');
		chartLayouts(dataset, spec, figures);
		expect(keptFiles().length).toBeGreaterThan(0);
		// Whatever the store holds is what a page gets: proof that the chart is not drawn again.
		for (const name of keptFiles()) {
			const path = join(cacheStore('charts').dir, name);
			writeFileSync(path, JSON.stringify(CHART_LAYOUT_WIDTHS.map(() => '<svg>kept</svg>')));
		}
		expect(chartLayouts(dataset, spec, figures)[0].svg).toBe('<svg>kept</svg>');
		// Another digest (the file edited, or parsed by other code), another id, or a story: drawn.
		expect(chartLayouts(entry('three'), spec, figures)[0].svg).toMatch(/^<svg[^>]*viewBox/);
		expect(chartLayouts(entry('two', 'other-id'), spec, figures)[0].svg).toContain('chart-other-id-');
		expect(chartLayouts(dataset, spec, figures, '2024-09-19/xinzheng-zhongqiu')[0].svg).toMatch(/^<svg[^>]*viewBox/);
		// …and the story's layouts are kept apart from the dataset page's.
		expect(chartLayouts(dataset, spec, figures)[0].svg).toBe('<svg>kept</svg>');
	});

	it('keep each story’s drawings in a file of its own, so that a page reads the same whatever number of stories place the chart', () => {
		const dataset = entry('placed');
		const stories = ['2024-09-18/a', '2024-09-18/b', '2024-09-19/c'];
		const before = new Set(keptFiles());
		for (const story of ['', ...stories]) chartLayouts(dataset, spec, figures, story || undefined);
		const files = keptFiles().filter((name) => !before.has(name));
		// One folder for the dataset entry, a file for its page's layouts and one for each story's.
		expect(new Set(files.map((name) => dirname(name))).size).toBe(1);
		expect(files).toHaveLength(1 + stories.length);
		for (const name of files) expect(JSON.parse(readFileSync(join(cacheStore('charts').dir, name), 'utf8'))).toHaveLength(CHART_LAYOUT_WIDTHS.length);
	});

	it('keep the thumbnails of page schematics beside the layouts, by their id prefix', () => {
		const dataset = entry('thumbnails');
		const drawn = chartThumbnail(dataset, spec, 'schematic-1-2');
		expect(drawn).toBe(renderToString(renderDatasetChart(spec, data, 'schematic-1-2')));
		const [name] = keptFiles().filter((file) => readFileSync(join(cacheStore('charts').dir, file), 'utf8').includes('schematic-1-2'));
		const path = join(cacheStore('charts').dir, name);
		writeFileSync(path, JSON.stringify(['<svg>kept</svg>']));
		expect(chartThumbnail(dataset, spec, 'schematic-1-2')).toBe('<svg>kept</svg>');
		// Another place on a page has ids of its own, so it is drawn with them; the page's layouts are apart.
		expect(chartThumbnail(dataset, spec, 'schematic-1-3')).toContain('schematic-1-3');
		expect(chartLayouts(dataset, spec, figures)[0].svg).toMatch(/^<svg[^>]*viewBox/);
	});

	it('are kept by a build that marks their datasets used, and pruned by one that does not', () => {
		const [used, unused] = [entry('used'), entry('unused')];
		chartLayouts(used, spec, figures);
		chartLayouts(unused, spec, figures);
		const minuteAgo = new Date(Date.now() - 60_000);
		for (const name of keptFiles()) utimesSync(join(cacheStore('charts').dir, name), minuteAgo, minuteAgo);
		startCacheUse();
		useChartLayouts([used]);
		pruneCaches();
		expect(keptFiles()).toHaveLength(1);
		expect(chartLayouts(used, spec, figures)[0].svg).toMatch(/^<svg[^>]*viewBox/);
		expect(keptFiles()).toHaveLength(1);
	});
});
