import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../src/schemas/dataset.ts';
import { messagesFor } from '../helpers/problems.ts';

const sample = JSON.parse(readFileSync(new URL('../../data/mid-autumn-tourism-2024.json', import.meta.url), 'utf8'));
const withFigure = (change: Record<string, unknown>) => ({
	...sample,
	figures: [{ ...sample.figures[0], ...change }, ...sample.figures.slice(1)],
});

describe('datasetSchema', () => {
	it('datasetSchema accepts the sample datasets', () => {
		for (const name of ['erqi-governance', 'mid-autumn-tourism-2024', 'zhongyuan-government-services']) {
			const input = JSON.parse(readFileSync(new URL(`../../data/${name}.json`, import.meta.url), 'utf8'));
			expect(datasetSchema.safeParse(input).success, name).toBe(true);
		}
	});

	it('datasetSchema names an unknown kind and lists the kinds', () => {
		expect(messagesFor(datasetSchema, { ...sample, kind: 'weather' })).toMatchInlineSnapshot(`
			[
			  "file.json  kind  expected "kind" to be one of "governance", "holiday-tourism", "government-services"; received "weather"",
			]
		`);
	});

	it('datasetSchema refuses a negative count', () => {
		expect(messagesFor(datasetSchema, withFigure({ value: -5 }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].value  expected a count or amount of 0 or more; received -5",
			]
		`);
	});

	it('datasetSchema refuses a percentage over 100', () => {
		expect(messagesFor(datasetSchema, withFigure({ unit: '%', value: 120 }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].value  expected a percentage between 0 and 100, received 120",
			]
		`);
	});

	it('datasetSchema refuses a fraction of a counted thing', () => {
		expect(messagesFor(datasetSchema, withFigure({ value: 76.57 }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].value  expected a whole number of 人次, received 76.57 (write the exact value: 1.3万 is 13000)",
			]
		`);
	});

	it('datasetSchema refuses a qualifier the paper does not use', () => {
		expect(messagesFor(datasetSchema, withFigure({ qualifier: '多' }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].qualifier  expected one of "余"|"近"|"约"|"超"; received "多"",
			]
		`);
	});

	it('datasetSchema refuses a value that is not a number', () => {
		expect(messagesFor(datasetSchema, withFigure({ value: '76.57万' }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].value  expected number, received string",
			]
		`);
	});

	it('datasetSchema refuses two figures with one id', () => {
		expect(
			messagesFor(datasetSchema, { ...sample, figures: [sample.figures[0], sample.figures[0]] }),
		).toMatchInlineSnapshot(`
			[
			  "file.json  figures[1].id  duplicate figure id "zhongmou-visitors"; expected every figure of a dataset to have its own id",
			]
		`);
	});

	it('datasetSchema requires a holiday tourism figure to name its place', () => {
		const { place, ...figure } = sample.figures[0];
		expect(messagesFor(datasetSchema, { ...sample, figures: [figure] })).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].place  missing; expected string",
			]
		`);
	});

	it('datasetSchema refuses chinese numerals for a value that has none', () => {
		expect(messagesFor(datasetSchema, withFigure({ numerals: 'chinese' }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].numerals  expected "chinese" numerals only for 10, 100, 1000 or 10000 (十, 百, 千, 万), but the value is 765700",
			]
		`);
	});
});

describe('datasetSchema provenance', () => {
	it('datasetSchema requires each figure’s source unless the dataset names an outside origin', () => {
		const { source, ...figure } = sample.figures[0];
		expect(messagesFor(datasetSchema, { ...sample, figures: [figure] })).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].source  missing; expected where the paper printed the figure ({ "article", "sentence" }), or an "origin" for the whole dataset",
			]
		`);
		expect(datasetSchema.safeParse({ ...sample, figures: [figure], origin: { name: '郑州市统计局' } }).success).toBe(true);
	});
});
