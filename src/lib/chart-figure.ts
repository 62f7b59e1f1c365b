import type { ChartSpec } from '../schemas/chart.ts';
import { formatEditionDate, formatPageNumber } from './dates.ts';
import { chartFigureIds } from './dataset-charts.ts';
import { DERIVED_LABEL, type ResolvedFigure } from './dataset-figures.ts';

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
