import type { ChartSpec } from '../schemas/chart.ts';
import { formatEditionDate, formatPageNumber } from '../core/dates.ts';
import { chartFigureIds, ownPlaceFigures } from './dataset-charts.ts';
import { DERIVED_LABEL, type ResolvedFigure } from '../figures/dataset-figures.ts';
import { formatFigure, formatNumber } from '../figures/figures.ts';

/**
 * The widths a chart is laid out for, in viewBox units. A page carries one layout per width and
 * `src/styles/charts.css` shows the widest that fits the column (container queries), scaled up by
 * at most 12.5 % to fill it: 13-unit labels read 13–14.6 px and 12-unit ticks 12–13.5 px at every
 * column width from 288 px up and in print, never above the 14.7 px (11 pt) of printed body text.
 * Each width is at most 1.125 times the one before it; charts.css must name exactly these.
 */
export const CHART_LAYOUT_WIDTHS = [288, 324, 364, 410, 461, 519, 584, 657] as const;

/** The layout width drawn for downloads (SVG and PNG): the 680 px text column of a desktop page. */
export const DOWNLOAD_CHART_WIDTH = 680;

/** The note a log-scale chart carries in its figure, in words a general reader understands. */
export const LOG_SCALE_NOTE = '横轴为对数刻度：每向右一格，数值增至10倍，点与点之间的距离并不表示数量之差。';

/** The notes printed under a chart: the editor's, then what the chart's design needs explained. */
export function chartNotes(spec: ChartSpec): string[] {
	return spec.kind === 'levels' && spec.scale === 'log' ? [...spec.notes, LOG_SCALE_NOTE] : spec.notes;
}

/** Labels joined as a reader says them: 甲、乙和丙. */
function joinLabels(labels: string[]): string {
	return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join('、')}和${labels.at(-1)}`;
}

/** A sum or share the newsroom works out for a description, labelled as such. */
function computed(text: string): string {
	return `${text}（${DERIVED_LABEL}）`;
}

/**
 * The total of figures in one unit, printed as the largest is (its scale or notation, the most
 * decimals of the figures printed that way): 736个 + 723个 + 1095个 is 2554个, 103548.43万元 +
 * 0.57亿元 is 109248.43万元; 约 when any figure is approximate.
 */
function total(rows: ResolvedFigure[]): string {
	const largest = rows.reduce((a, b) => (b.value > a.value ? b : a));
	const printedAlike = (row: ResolvedFigure) => row.scale === largest.scale && row.notation === largest.notation;
	const fractionDigits = Math.max(...rows.map((row) => (printedAlike(row) ? (row.fractionDigits ?? 0) : 0)));
	const approximate = rows.some((row) => row.qualifier) ? '约' : '';
	const sum = rows.reduce((value, row) => value + row.value, 0);
	return `${approximate}${formatFigure({ value: sum, unit: largest.unit, notation: largest.notation, scale: largest.scale, fractionDigits, numerals: 'arabic' })}`;
}

/** `甲最多，…；乙最少，…`: the highest and lowest rows, ties named together. */
function extremes(rows: Array<{ label: string; figure: ResolvedFigure }>, most: string, least: string): string {
	const values = rows.map((row) => row.figure.value);
	const [max, min] = [Math.max(...values), Math.min(...values)];
	const at = (value: number) => rows.filter((row) => row.figure.value === value);
	if (max === min) return `${joinLabels(rows.map((row) => row.label))}均为${formatFigure(rows[0]!.figure)}`;
	const part = (found: typeof rows, word: string) =>
		found.length === 1 ? `${found[0]!.label}${word}，${formatFigure(found[0]!.figure)}` : `${joinLabels(found.map((row) => row.label))}${word}，各${formatFigure(found[0]!.figure)}`;
	return `${part(at(max), most)}；${part(at(min), least)}`;
}

/**
 * What a chart shows, in a sentence generated from its data, as Datawrapper writes for screen
 * readers: the highest and the lowest, the total where adding up makes sense (categories, places),
 * the share of a part, the first and last period; sums and shares are marked 本报计算. In a story,
 * a place comparison also names the story's own place, which it highlights.
 */
export function chartDescription(spec: ChartSpec, figures: Map<string, ResolvedFigure>, story?: string): string {
	const get = (id: string) => figures.get(id)!;
	const sentence = (body: string) => `${spec.title}：${body}。`;
	switch (spec.kind) {
		case 'part-of-whole': {
			const [part, whole] = [get(spec.part), get(spec.whole)];
			const share = whole.value > 0 ? `，约占${computed(`${formatNumber((part.value / whole.value) * 100, 'standard', 1)}%`)}` : '';
			return sentence(`${whole.label}${formatFigure(whole)}，其中${part.label}${formatFigure(part)}${share}`);
		}
		case 'time-series': {
			const rows = spec.figures.map((id) => ({ label: get(id).period ?? get(id).label, figure: get(id) }));
			const [first, last] = [rows[0]!, rows.at(-1)!];
			if (rows.length === 1) return sentence(`${first.label}${formatFigure(first.figure)}`);
			const span = `${first.label}${formatFigure(first.figure)}，${last.label}${formatFigure(last.figure)}`;
			return sentence(rows.length > 2 ? `${span}；${extremes(rows, '最高', '最低')}` : span);
		}
		case 'bar':
		case 'comparison': {
			const rows = spec.figures.map((id) => ({ label: spec.kind === 'comparison' ? (get(id).place ?? get(id).label) : get(id).label, figure: get(id) }));
			if (rows.length === 1) return sentence(`${rows[0]!.label}${formatFigure(rows[0]!.figure)}`);
			let body = `${extremes(rows, '最多', '最少')}；合计${computed(total(rows.map((row) => row.figure)))}`;
			if (spec.kind === 'bar' && spec.reference) body += `；虚线为${get(spec.reference).label}${formatFigure(get(spec.reference))}`;
			const own = ownPlaceFigures(spec, figures, story);
			if (own.length > 0) body += `；突出显示的是本文报道的${joinLabels(own.map((id) => get(id).place ?? get(id).label))}`;
			return sentence(body);
		}
		default: {
			const rows = chartFigureIds(spec).map((id) => ({ label: get(id).label, figure: get(id) }));
			return sentence(rows.length > 1 ? extremes(rows, '最多', '最少') : `${rows[0]!.label}${formatFigure(rows[0]!.figure)}`);
		}
	}
}

/** What the source line needs to know about a story a figure was printed in. */
export interface SourceStory {
	headline: string;
	edition: string;
	page: number;
}

/** What the newsroom did with an outside body's figures, credited after the body's name. */
export const COMPILED_LABEL = '本报记者整理';

/** `河南省文化和旅游厅；本报记者整理`: the credit of a dataset whose figures come from an outside body. */
export function originCredit(origin: { name: string }): string {
	return `${origin.name}；${COMPILED_LABEL}`;
}

/** `单位：人次`: the unit every figure of the chart shares (the schema and renderers make sure they do). */
export function chartUnitLine(spec: ChartSpec, figures: Map<string, ResolvedFigure>): string {
	const first = figures.get(chartFigureIds(spec)[0])!;
	// A change chart's labels leave the base off (下降5.1%); the unit line names it once.
	return spec.kind === 'change' && first.change ? `单位：${first.unit}（${first.change.base}）` : `单位：${first.unit}`;
}

/**
 * `来源：本报2024年9月18日05版《…》`: the outside body the dataset comes from, the stories the
 * chart's figures were printed in, and the newsroom's own calculation where a figure was computed.
 */
export function chartSourceLine(
	spec: ChartSpec,
	figures: Map<string, ResolvedFigure>,
	stories: Map<string, SourceStory>,
	origin?: { name: string },
): string {
	// The outside body comes first, as the paper credits it: 来源：河南省文化和旅游厅；本报记者整理.
	const sources = new Set<string>(origin ? [originCredit(origin)] : []);
	for (const id of chartFigureIds(spec)) {
		const figure = figures.get(id)!;
		if (figure.derived) {
			sources.add(DERIVED_LABEL);
			continue;
		}
		const story = figure.source && stories.get(figure.source.article);
		if (story) {
			const date = formatEditionDate(story.edition).split(' ')[0];
			sources.add(`本报${date}${formatPageNumber(story.page)}版《${story.headline}》`);
		}
	}
	return `来源：${[...sources].join('；') || '本报'}`;
}
