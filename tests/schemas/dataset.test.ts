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
			  "file.json  figures[0].value  expected a count or amount of 0 or more, received -5 (a decline such as 同比下降5.1% is a change: give the figure a "change")",
			]
		`);
	});

	it('datasetSchema refuses a percentage over 100', () => {
		expect(messagesFor(datasetSchema, withFigure({ unit: '%', value: 120 }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].value  expected a percentage between 0 and 100, received 120 (a growth such as 增长125% is a change: give the figure a "change")",
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
		expect(messagesFor(datasetSchema, withFigure({ qualifier: '大概' }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].qualifier  expected one of "余"|"多"|"以上"|"左右"|"上下"|"近"|"约"|"超"|"逾"|"不到"|"不足"; received "大概"",
			]
		`);
	});

	it('datasetSchema takes every qualifier the paper prints', () => {
		for (const qualifier of ['余', '多', '以上', '左右', '上下', '近', '约', '超', '逾', '不到', '不足']) {
			expect(messagesFor(datasetSchema, withFigure({ qualifier }))).toEqual([]);
		}
	});

	it('datasetSchema takes a decline, a change over 100% and a change in percentage points', () => {
		expect(messagesFor(datasetSchema, withFigure({ value: -5.1, unit: '%', change: { kind: 'percent', direction: '下降', base: '同比' } }))).toEqual([]);
		expect(messagesFor(datasetSchema, withFigure({ value: 125.3, unit: '%', change: { kind: 'percent', direction: '增长', base: '较2019年同期' } }))).toEqual([]);
		expect(messagesFor(datasetSchema, withFigure({ value: 2.3, unit: '个百分点', change: { kind: 'points', direction: '提高', base: '比上年' } }))).toEqual([]);
		expect(messagesFor(datasetSchema, withFigure({ value: 2, unit: '倍', change: { kind: 'multiple', direction: '翻番', base: '同比' } }))).toEqual([]);
	});

	it('datasetSchema refuses a change whose direction word disagrees with its sign, unit or base', () => {
		expect(messagesFor(datasetSchema, withFigure({ value: 5.1, unit: '%', change: { kind: 'percent', direction: '下降', base: '同比' } }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].value  received 5.1 with "下降"; expected a value below 0 (同比下降5.1% is -5.1)",
			]
		`);
		expect(messagesFor(datasetSchema, withFigure({ value: 2.3, unit: '%', change: { kind: 'points', direction: '提高', base: '上年' } }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].change.base  expected 同比, 环比, or a named period as printed, starting with 比 or 较 (比上年, 较2019年同期); received "上年"",
			  "file.json  figures[0].unit  received "%"; expected "个百分点" for a change of kind "points"",
			]
		`);
		expect(messagesFor(datasetSchema, withFigure({ value: 3, unit: '倍', change: { kind: 'multiple', direction: '翻番', base: '同比' } }))).toMatchInlineSnapshot(`
			[
			  "file.json  figures[0].value  received 3; expected 翻番 only for a change of kind "multiple" with the value 2 (翻一番), 4 (翻两番), 8 or 16",
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
