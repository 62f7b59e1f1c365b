import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { renderToString, withPresentationAttributes } from '../../src/charts/index.ts';
import { HEADLINE_FONT_SOURCE } from '../../src/fonts/headline-font.ts';
import { renderDatasetChart } from '../../src/charts/dataset-charts.ts';
import { datasetSchema } from '../../src/schemas/dataset.ts';
import type { SocialCard } from '../../src/social/social-card.ts';

/** The sample's lead story, as its card shows it. */
export const sampleCard: SocialCard = {
	siteName: '示例日报',
	kicker: '靶向施策提升楼院治理水平',
	headline: '二七区723个楼院实现“三类组织”全覆盖',
	dateLine: '2024年9月18日 星期三',
	pageLine: '第05版：区县新闻',
};

/** A chart of the sample's datasets as the og route puts it on a card: colours inlined, the card's face named. */
export async function sampleChartSvg(datasetId: string, chartId: string): Promise<string> {
	const dataset = datasetSchema.parse(JSON.parse(await readFile(join(import.meta.dirname, '../../data', `${datasetId}.json`), 'utf8')));
	const chart = dataset.charts.find((candidate) => candidate.id === chartId)!;
	const svg = renderDatasetChart(chart, dataset, `card-${datasetId}-${chartId}`);
	return renderToString(withPresentationAttributes(svg, { fontFamily: 'Noto Serif SC' }));
}

/** A TrueType subset of the headline face holding `text`'s characters, as a build cuts one. */
export async function subsetFile(text: string): Promise<string> {
	const data = await subsetFont(await readFile(HEADLINE_FONT_SOURCE), text, { targetFormat: 'truetype' });
	const file = join(await mkdtemp(join(tmpdir(), 'card-font-')), 'subset.ttf');
	await writeFile(file, data);
	return file;
}

/** Every character of the card's lines and of its chart's drawn text, and the ellipsis. */
export function textOf(card: SocialCard): string {
	const chartText = [...(card.chartSvg ?? '').replace(/<(title|desc)\b[^>]*>[\s\S]*?<\/\1>/g, '').matchAll(/>([^<]+)</g)].map(([, text]) => text).join('');
	return [card.siteName, card.kicker, card.headline, card.dateLine, card.pageLine, chartText, '…'].join('');
}
