import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetCsv, csvCell, datasetJson } from '../../src/site/dataset-export.ts';
import { resolveFigures } from '../../src/figures/dataset-figures.ts';
import { formatFigure } from '../../src/figures/figures.ts';
import { datasetSchema } from '../../src/schemas/dataset.ts';

const tourism = datasetSchema.parse(JSON.parse(readFileSync(new URL('../../data/mid-autumn-tourism-2024.json', import.meta.url), 'utf8')));

describe('resolveFigures', () => {
	it('resolveFigures(dataset) computes revenue per visitor in 荥阳 from the printed figures', () => {
		const perVisitor = resolveFigures(tourism).get('xingyang-revenue-per-visitor')!;
		expect(perVisitor.value).toBe(85.19);
		expect(formatFigure(perVisitor)).toBe('85.19元');
		expect(perVisitor.derived).toEqual({ operation: 'ratio', of: ['xingyang-revenue', 'xingyang-visitors'] });
		expect(perVisitor.source).toBeUndefined();
	});
});

describe('computed changes', () => {
	const figure = (id: string, value: number, unit: string, period: string) => ({ id, label: id, value, unit, period, source: { article: '2024-10-08/guoqing', sentence: `${id}。` } });
	const dataset = datasetSchema.parse({
		kind: 'governance',
		title: '变化',
		region: '郑州市',
		figures: [
			figure('visitors-2024', 946000, '人次', '2024年'),
			figure('visitors-2023', 997000, '人次', '2023年'),
			figure('share-2024', 41.5, '%', '2024年'),
			figure('share-2023', 39.2, '%', '2023年'),
		],
		derived: [
			{ id: 'visitors-change', label: '接待游客同比', operation: 'change', of: ['visitors-2024', 'visitors-2023'], base: '同比', unit: '%', fractionDigits: 1 },
			{ id: 'share-change', label: '占比变化', operation: 'point-change', of: ['share-2024', 'share-2023'], base: '比上年', unit: '个百分点', fractionDigits: 1 },
		],
	});

	it('a computed change names its base and prints its direction word: 同比下降5.1%, 比上年提高2.3个百分点', () => {
		const figures = resolveFigures(dataset);
		expect(figures.get('visitors-change')!.value).toBe(-5.1);
		expect(formatFigure(figures.get('visitors-change')!)).toBe('同比下降5.1%');
		expect(formatFigure(figures.get('share-change')!)).toBe('比上年提高2.3个百分点');
	});

	it('a computed change without its base is refused', () => {
		const result = datasetSchema.safeParse({ ...dataset, derived: [{ ...dataset.derived[0], base: undefined }] });
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]!.path).toEqual(['derived', 0, 'base']);
	});
});

describe('dataset downloads', () => {
	it('csvCell(value) neutralises text a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-1')).toBe("'-1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('二七区')).toBe('二七区');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell(403890)).toBe('403890');
	});

	it('datasetCsv(dataset) starts with a UTF-8 byte-order mark and has one row per figure', () => {
		const csv = datasetCsv(tourism, new Map());
		expect(csv.startsWith('\uFEFFid,指标,数值,')).toBe(true);
		const lines = csv.trim().split('\r\n');
		expect(lines).toHaveLength(1 + tourism.figures.length + tourism.derived.length);
		expect(lines).toContain(lines.find((line) => line.startsWith('xingyang-visitors,荥阳市接待游客,403890,人次,,40.389万人次,荥阳市')));
		expect(csv).toContain('本报计算：xingyang-revenue ÷ xingyang-visitors');
	});

	it('datasetJson(id, dataset) lists every figure with how it printed, computed ones included', () => {
		const json = JSON.parse(datasetJson('mid-autumn-tourism-2024', tourism));
		expect(json.id).toBe('mid-autumn-tourism-2024');
		expect(json.figures.find((figure: { id: string }) => figure.id === 'xingyang-visitors').printed).toBe('40.389万人次');
		expect(json.figures.find((figure: { id: string }) => figure.id === 'xingyang-revenue-per-visitor').derived).toBeDefined();
	});
});
