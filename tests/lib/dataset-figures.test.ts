import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetCsv, csvCell, datasetJson } from '../../src/lib/dataset-export.ts';
import { resolveFigures } from '../../src/lib/dataset-figures.ts';
import { formatFigure } from '../../src/lib/figures.ts';
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
