import { ChartDataError } from '../../charts/index.ts';
import { chartFigureIds, renderDatasetChart } from '../../charts/dataset-charts.ts';
import { resolveFigures } from '../../figures/dataset-figures.ts';
import { didYouMeanPhrase } from '../../core/did-you-mean.ts';
import type { ChartSpec } from '../../schemas/chart.ts';
import type { DatasetEntry } from '../entries.ts';
import type { Rule } from '../rule.ts';

/** Each chart names figures of its dataset, and its renderer can draw them together. */
export const chartDrawable: Rule<DatasetEntry> = {
	name: 'chart-drawable',
	description: "each chart names figures of its dataset (with a did-you-mean), and can be drawn from them",
	check({ id, data, file, locate }, report) {
		const figures = resolveFigures(data);
		data.charts.forEach((chart, index) => {
			const field = `charts[${index}]`;
			const unknown = [...chartFigureIds(chart), ...chart.highlight].filter((figure) => !figures.has(figure));
			if (unknown.length > 0) {
				const meant = unknown.map((figure) => didYouMeanPhrase(figure, figures.keys())).join('');
				report.problem({
					file,
					line: locate(['charts', index]),
					field,
					message: `chart "${chart.id}" names ${unknown.map((figure) => `"${figure}"`).join(', ')};${meant} expected ids of this dataset's figures: ${[...figures.keys()].join(', ')}`,
				});
				return;
			}
			try {
				renderDatasetChart(chart, data, `check-${id}`, figures);
			} catch (error) {
				if (!(error instanceof ChartDataError)) throw error;
				report.problem({ file, line: locate(['charts', index]), field, message: chartErrorInGuideWords(chart, error) });
			}
		});
	},
};

/** The chart kinds as the editors' guide names them. */
const CHART_KIND_NAMES: Record<ChartSpec['kind'], string> = {
	bar: '横条图',
	comparison: '多地比较',
	levels: '层级图',
	'part-of-whole': '部分与整体',
	'time-series': '时间序列',
	change: '增减图',
};

/**
 * A renderer's refusal in the editors' guide's words: the chart by id and kind as the guide names
 * it, figures by id (not `placeComparison: figures[1] ("荥阳市")`).
 */
function chartErrorInGuideWords(chart: ChartSpec, error: ChartDataError): string {
	const ids = chartFigureIds(chart);
	const figureId = (index: number) => ids[index] ?? `#${index + 1}`;
	const byId = (text: string) =>
		text
			.replace(/\b(?:rows|figures)\[(\d+)\](?: \("[^"]*"\))?/g, (_, index: string) => `figure "${figureId(Number(index))}"`)
			.replace(/^(part|whole)\b/, (name: string) => (chart.kind === 'part-of-whole' ? `figure "${chart[name as 'part' | 'whole']}"` : name))
			.replace(/^reference\b/, chart.kind === 'bar' && chart.reference ? `figure "${chart.reference}"` : 'reference');
	const prefix = `${error.chart}: ${error.field ? `${error.field}: ` : ''}`;
	const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
	const where = error.field ? `${byId(error.field)}: ` : '';
	return `chart "${chart.id}" (${CHART_KIND_NAMES[chart.kind]}, "${chart.kind}") cannot be drawn: ${where}${byId(detail)}`;
}
