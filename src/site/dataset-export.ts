import type { Dataset } from '../schemas/dataset.ts';
import { DERIVED_LABEL, derivedOperationWord, resolveFigures } from '../figures/dataset-figures.ts';
import { originCredit } from '../charts/chart-figure.ts';
import { formatFigure } from '../figures/figures.ts';

/** The byte-order mark that makes Excel read a CSV file as UTF-8 rather than the system code page. */
const UTF8_BOM = '\uFEFF';

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading apostrophe; quotes, commas and line breaks are quoted.
 */
export function csvCell(value: string | number | undefined): string {
	if (value === undefined) return '';
	if (typeof value === 'number') return String(value);
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Absolute URLs of the stories figures were printed in, by article id. */
export type StoryUrls = Map<string, string>;

/** A dataset as CSV for spreadsheets: one row per figure, printed and computed, with provenance. */
export function datasetCsv(dataset: Dataset, storyUrls: StoryUrls): string {
	const header = ['id', '指标', '数值', '单位', '限定', '见报写法', '地点', '分组', '时期', '出处稿件', '原句', '说明', '来源'];
	const credit = dataset.origin ? originCredit(dataset.origin) : undefined;
	const rows = [...resolveFigures(dataset).values()].map((figure) => {
		const printed = dataset.figures.find((candidate) => candidate.id === figure.id);
		return [
			figure.id,
			figure.label,
			figure.value,
			figure.unit,
			figure.qualifier,
			formatFigure(figure),
			figure.place,
			printed?.group,
			figure.period,
			figure.source ? storyUrls.get(figure.source.article) : undefined,
			figure.source?.sentence,
			figure.derived ? `${DERIVED_LABEL}：${figure.derived.of.join(` ${derivedOperationWord(figure.derived.operation)} `)}` : undefined,
			figure.derived ? DERIVED_LABEL : (credit ?? (figure.source ? '本报' : undefined)),
		];
	});
	return `${UTF8_BOM}${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A dataset as JSON: the file editors wrote, with computed figures and how each figure printed. */
export function datasetJson(id: string, dataset: Dataset): string {
	const figures = [...resolveFigures(dataset).values()].map((figure) => ({ ...figure, printed: formatFigure(figure) }));
	// An outside body's figures carry the credit a reader would cite them by.
	const credit = dataset.origin ? originCredit(dataset.origin) : undefined;
	return `${JSON.stringify({ id, ...dataset, credit, figures, derived: undefined }, null, 2)}\n`;
}
