import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToString } from '../../../src/charts/index.ts';
import { renderDatasetChart } from '../../../src/charts/dataset-charts.ts';
import { datasetSchema } from '../../../src/schemas/dataset.ts';
import { builtNewsroomSite, dataset, DATASET, EDITION, PRINTED, STORY } from '../../fixtures/newsroom-figures.ts';
import type { BuildResult } from '../../helpers/site-fixture.ts';

let dist: string;
let build: BuildResult;
const read = (path: string) => readFile(join(dist, path), 'utf8');

beforeAll(async () => {
	({ dist, result: build } = await builtNewsroomSite());
}, 300_000);

describe('a holiday report with changes, scales, qualifiers and an outside origin', () => {
	it('builds', () => {
		expect(build.stderr + build.stdout).not.toMatch(/problem/);
		expect(build.code).toBe(0);
	});

	it('the story prints every figure exactly as the report did', async () => {
		const html = await read(`${EDITION}/03/guoqing-lvyou/index.html`);
		const boundTexts = [...html.matchAll(/<data [^>]*>(.*?)<\/data>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
		for (const printed of PRINTED) expect(boundTexts).toContain(printed);
		// A change's words break like the text; only its amount is kept on one line.
		expect(html).toContain('<data class="change" value="-5.1">同比下降<span class="num">5.1%</span></data>');
		expect(html).toContain('<data class="num" value="57000000">0.57亿元</data>');
	});

	it('the change chart draws declines below zero with the paper\'s words, credits the origin and tables the figures as printed', async () => {
		const html = await read(`${EDITION}/03/guoqing-lvyou/index.html`);
		const start = html.indexOf(`<figure class="chart-figure" aria-labelledby="chart-${DATASET}-visitors-change-caption"`);
		const figure = html.slice(start, html.indexOf('</figure>', start));
		const svg = figure.slice(figure.indexOf('<svg'), figure.indexOf('</svg>'));
		expect(svg).toContain('chart--diverging-bar');
		for (const label of ['增长9.2%', '下降5.1%', '增长25.3%', '减少3.4%']) expect(svg).toContain(`>${label}</text>`);
		expect(svg).toContain('chart__bar chart__bar--negative');
		// The alt text is the chart's aria description.
		expect(svg).toMatch(/<desc id="[^"]+">郑州市接待游客同比增长9\.2%，登封市同比下降5\.1%/);
		expect(figure).toContain('单位：%（同比）');
		expect(figure).toContain('来源：河南省文化和旅游厅；本报记者整理');
		for (const printed of ['同比增长9.2%', '同比下降5.1%', '同比减少3.4%']) expect(figure).toContain(`<td class="number">${printed}</td>`);
	});

	it('a chart of amounts in different scales keeps each as printed', async () => {
		const html = await read(`${EDITION}/03/guoqing-lvyou/index.html`);
		const start = html.indexOf(`aria-labelledby="chart-${DATASET}-revenue-caption"`);
		const figure = html.slice(start, html.indexOf('</figure>', start));
		expect(figure).toContain('>103548.43万元</text>');
		expect(figure).toContain('>0.57亿元</text>');
		expect(figure).toContain('<td class="number">103548.43万元</td>');
		expect(figure).toContain('<td class="number">0.57亿元</td>');
	});

	it('the dataset page, CSV and JSON print every figure as the report did and credit the origin', async () => {
		const page = await read(`data/${DATASET}/index.html`);
		for (const printed of PRINTED) expect(page).toContain(`<td class="number" data-label="见报数字">${printed}</td>`);
		expect(page).toMatch(/来源：<a href="https:\/\/hct\.henan\.gov\.cn\/">河南省文化和旅游厅<\/a>；本报记者整理/);
		const csv = await read(`data/${DATASET}.csv`);
		for (const printed of PRINTED) expect(csv).toContain(`,${printed},`);
		expect(csv.split('\r\n')[1]).toMatch(/,河南省文化和旅游厅；本报记者整理$/);
		const json = JSON.parse(await read(`data/${DATASET}.json`));
		expect(json.credit).toBe('河南省文化和旅游厅；本报记者整理');
		expect(json.figures.map((entry: { printed: string }) => entry.printed)).toEqual(PRINTED);
	});

	it('the social card draws the lead chart with the same labels and credits the origin', async () => {
		expect(existsSync(join(dist, 'og', `${STORY}.png`))).toBe(true);
		const parsed = datasetSchema.parse(dataset);
		const svg = renderToString(renderDatasetChart(parsed.charts[0]!, parsed, 'card'));
		for (const label of ['增长9.2%', '下降5.1%', '减少3.4%']) expect(svg).toContain(`>${label}</text>`);
		const cards = await readFile(join(dist, 'og', `${STORY}.png`));
		expect(cards.length).toBeGreaterThan(10_000);
	});

	it('the feed and the edition page print the headline and summary the check passed', async () => {
		const feed = await read('feeds/all.xml');
		expect(feed).toContain('国庆假期郑州接待游客1884.5万人次 同比增长9.2%');
	});
});
