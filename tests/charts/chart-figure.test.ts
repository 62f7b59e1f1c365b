import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/charts/render-to-string.ts';
import { chartPng, PNG_FONT_FAMILY, standaloneChartSvg } from '../../src/site/chart-download.ts';
import { CHART_LAYOUT_WIDTHS, chartDescription, chartNotes, LOG_SCALE_NOTE } from '../../src/charts/chart-figure.ts';
import { ownPlaceFigures, renderDatasetChart } from '../../src/charts/dataset-charts.ts';
import { resolveFigures } from '../../src/figures/dataset-figures.ts';
import type { DatasetEntry } from '../../src/site/edition-index.ts';
import type { ChartSpec } from '../../src/schemas/chart.ts';
import type { Dataset } from '../../src/schemas/dataset.ts';
import { parseSvg, sampleDataset, textBoxes } from './svg-testing.ts';

const erqi = await sampleDataset('erqi-governance');
const tourism = await sampleDataset('mid-autumn-tourism-2024');
const services = await sampleDataset('zhongyuan-government-services');
const chartOf = (dataset: Dataset, id: string) => dataset.charts.find((chart) => chart.id === id)!;
const entry = (id: string, data: Dataset) => ({ id, data }) as unknown as DatasetEntry;
const XINGYANG = '2024-09-18/xingyang-zhongqiu-lvyou';
const ZHONGMOU = '2024-09-18/zhongmou-zhongqiu-lvyou';

describe('chart layouts', () => {
	it('CHART_LAYOUT_WIDTHS grow by at most 12.5 %, so 13-unit labels stay under 11 pt body text (14.67 px) and 12-unit ticks at 12 px or more', () => {
		const widths = [...CHART_LAYOUT_WIDTHS];
		expect(widths).toEqual([...widths].sort((a, b) => a - b));
		for (let index = 1; index < widths.length; index++) expect(widths[index]! / widths[index - 1]!).toBeLessThanOrEqual(1.127);
		expect(13 * 1.127).toBeLessThan((11 * 96) / 72);
		// The widest layout covers the 680 px text column of a desktop page.
		expect(680 / widths.at(-1)!).toBeLessThanOrEqual(1.127);
	});

	it('charts.css shows exactly one layout for every container width, the widest that fits', async () => {
		const css = await readFile(new URL('../../src/styles/charts.css', import.meta.url), 'utf8');
		const rules = [...css.matchAll(/@container chart ([^{]*)\{\s*\.chart-layout--(\d+) \{\s*display: block;\s*\}\s*\}/g)].map(([, condition, width]) => ({
			width: Number(width),
			from: Number(/width >= (\d+)px/.exec(condition!)?.[1] ?? 0),
			to: Number(/width < (\d+)px/.exec(condition!)?.[1] ?? Infinity),
		}));
		expect(rules.map((rule) => rule.width)).toEqual([...CHART_LAYOUT_WIDTHS]);
		rules.forEach((rule, index) => {
			// Each layout is shown from its own width up to the next layout's width.
			expect(rule.from).toBe(index === 0 ? 0 : rule.width);
			expect(rule.to).toBe(CHART_LAYOUT_WIDTHS[index + 1] ?? Infinity);
		});
	});
});

describe('chartDescription', () => {
	it('states the highest, the lowest and the total of a bar chart, marking the total as computed', () => {
		expect(chartDescription(chartOf(erqi, 'organisations'), resolveFigures(erqi))).toBe(
			'二七区“三类组织”数量：志愿服务组织最多，1095个；自治组织最少，723个；合计2554个（本报计算）；虚线为实现“三类组织”全覆盖的楼院723个。',
		);
	});

	it('names the highest and lowest level without adding up levels of one hierarchy', () => {
		const text = chartDescription(chartOf(erqi, 'grid-levels'), resolveFigures(erqi));
		expect(text).toBe('二七区四级网格数量：微网格最多，6281个；一级网格最少，17个。');
	});

	it('gives a part its share of the whole, computed', () => {
		expect(chartDescription(chartOf(services, 'delegated-items'), resolveFigures(services))).toBe(
			'向街道(社区)延伸的高频业务：进驻区级政务大厅的审批服务事项1589项，其中向街道(社区)延伸的高频业务187项，约占11.8%（本报计算）。',
		);
	});

	it('in a story, names the place the story reports and the chart highlights; totals keep the printed notation', () => {
		const spec = chartOf(tourism, 'visitors');
		const figures = resolveFigures(tourism);
		expect(chartDescription(spec, figures, XINGYANG)).toBe(
			'2024年中秋假期两地接待游客：中牟县最多，76.57万人次；荥阳市最少，40.389万人次；合计116.959万人次（本报计算）；突出显示的是本文报道的荥阳市。',
		);
		expect(chartDescription(spec, figures, ZHONGMOU)).toContain('突出显示的是本文报道的中牟县');
		expect(chartDescription(spec, figures)).not.toContain('本文');
	});

	it('names ties together and says 约 for a total of approximate figures', () => {
		const spec: ChartSpec = { id: 'ties', kind: 'bar', title: '并列', alt: '并列', notes: [], highlight: [], figures: ['a', 'b', 'c'] };
		const base = { unit: '项', notation: 'standard', fractionDigits: 0, numerals: 'arabic' } as const;
		const figures = new Map([
			['a', { ...base, id: 'a', label: '甲', value: 20, qualifier: '余' as const }],
			['b', { ...base, id: 'b', label: '乙', value: 20 }],
			['c', { ...base, id: 'c', label: '丙', value: 5 }],
		]);
		expect(chartDescription(spec, figures)).toBe('并列：甲和乙最多，各20余项；丙最少，5项；合计约45项（本报计算）。');
	});
});

describe('the story’s own place', () => {
	it('ownPlaceFigures picks the figures the story printed, none outside a story or when it printed them all', () => {
		const spec = chartOf(tourism, 'visitors');
		const figures = resolveFigures(tourism);
		expect(ownPlaceFigures(spec, figures, XINGYANG)).toEqual(['xingyang-visitors']);
		expect(ownPlaceFigures(spec, figures, ZHONGMOU)).toEqual(['zhongmou-visitors']);
		expect(ownPlaceFigures(spec, figures, undefined)).toEqual([]);
		const both = new Map([...figures].map(([id, figure]) => [id, { ...figure, source: figure.source && { ...figure.source, article: XINGYANG } }]));
		expect(ownPlaceFigures(spec, both, XINGYANG)).toEqual([]);
	});

	it('a place comparison placed in a story draws its own place highlighted, bold and marked （本文）', () => {
		const svg = renderToString(renderDatasetChart(chartOf(tourism, 'visitors'), tourism, 'v', undefined, { story: ZHONGMOU }));
		const elements = parseSvg(svg);
		expect(elements.filter((element) => element.name === 'rect').map((rect) => rect.attributes.class)).toEqual(['chart__bar chart__bar--highlight', 'chart__bar']);
		const labels = textBoxes(svg).filter((text) => text.className.includes('chart__label'));
		expect(labels.map((label) => [label.text, label.className])).toEqual([
			['中牟县（本文）', 'chart__text chart__label chart__label--highlight'],
			['荥阳市', 'chart__text chart__label'],
		]);
	});
});

describe('chartNotes', () => {
	it('explains a log scale in words, and adds nothing to a linear chart', () => {
		const levels = chartOf(erqi, 'grid-levels');
		expect(chartNotes(levels)).toEqual(levels.notes);
		expect(chartNotes({ ...levels, scale: 'log' } as ChartSpec)).toEqual([...levels.notes, LOG_SCALE_NOTE]);
	});
});

describe('chart downloads', () => {
	const spec = chartOf(erqi, 'organisations');
	const dataset = entry('erqi-governance', erqi);

	it('standaloneChartSvg is the chart with its title, unit, notes and source, every colour and font written in', () => {
		const svg = standaloneChartSvg(spec, dataset, new Map([['2024-09-18/erqi-louyuan-zhili', { headline: '楼院治理', edition: '2024-09-18', page: 5 }]]));
		expect(svg.startsWith('<?xml')).toBe(true);
		const elements = parseSvg(svg.slice(svg.indexOf('<svg')));
		expect(elements[0]!.attributes).toMatchObject({ width: '712', 'font-family': expect.stringContaining('Noto Sans CJK SC') });
		const texts = elements.filter((element) => element.name === 'text').map((element) => element.text);
		expect(texts.slice(0, 2)).toEqual(['二七区“三类组织”数量', '单位：个']);
		expect(texts).toContain('注：“三类组织”指党组织、自治组织、志愿服务组织。');
		expect(texts.at(-1)).toBe('来源：本报2024年9月18日05版《楼院治理》');
		expect(svg).not.toMatch(/var\(--|class="chart__bar"(?![^>]*fill=)/);
		expect(elements.find((element) => element.name === 'desc')!.text).toContain('合计2554个（本报计算）');
	});

	it('chartPng draws it at twice its width with Chinese glyphs, once: an unchanged chart comes from the kept PNG', async () => {
		const svg = standaloneChartSvg(spec, dataset, new Map(), { fontFamily: PNG_FONT_FAMILY });
		const dir = await mkdtemp(join(tmpdir(), 'broadsheet-chart-png-'));
		const png = await chartPng(svg, dir);
		const [kept] = await readdir(dir);
		expect((await readFile(join(dir, kept!))).equals(png)).toBe(true);
		// A kept file is returned as it is, not drawn again.
		await writeFile(join(dir, kept!), 'kept');
		expect((await chartPng(svg, dir)).toString()).toBe('kept');
		await rm(dir, { recursive: true, force: true });
		const { width, height } = await sharp(png).metadata();
		expect(width).toBe(1424);
		expect(height).toBeGreaterThan(400);
		// Without glyphs the title would leave the top band blank: count dark pixels there.
		const { data, info } = await sharp(png).extract({ left: 0, top: 0, width: 1424, height: 80 }).greyscale().raw().toBuffer({ resolveWithObject: true });
		let dark = 0;
		for (let index = 0; index < data.length; index += info.channels) if (data[index]! < 100) dark++;
		expect(dark).toBeGreaterThan(2000);
	});
});
