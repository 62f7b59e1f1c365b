/**
 * Corrections as published data: every story's corrections across the archive, newest first, for
 * the 更正 page and the corrections feed; and the figures a dataset's change log corrects, printed
 * as the paper printed them before and after, for the stories that print them.
 */
import type { Correction } from '../schemas/article.ts';
import type { DatasetChange } from '../schemas/dataset-base.ts';
import { storyComponents } from '../stories/compile-story.ts';
import { resolveFigures } from '../figures/dataset-figures.ts';
import type { ArticleEntry, DatasetEntry, IndexedEdition } from './edition-index.ts';
import { formatFigure } from '../figures/figures.ts';

/** One correction of one story. */
export interface PublishedCorrection {
	article: ArticleEntry;
	correction: Correction;
	/** Its place among the story's corrections, for its anchor on the story page. */
	index: number;
}

/** The anchor of a story's correction on the story page: `#correction-1` for its first. */
export const correctionAnchor = (index: number) => `correction-${index + 1}`;

/** Every correction of the published stories, newest first; corrections made at one moment keep print order. */
export function allCorrections(editions: readonly IndexedEdition[]): PublishedCorrection[] {
	return editions
		.flatMap((edition) => edition.articles.flatMap((article) => article.data.corrections.map((correction, index) => ({ article, correction, index }))))
		.sort((a, b) => Date.parse(b.correction.date) - Date.parse(a.correction.date));
}

/** A change in a dataset's log that corrects one printed figure, with the figure printed before and after. */
export interface FigureCorrection {
	change: DatasetChange;
	/** The change's place in the dataset's log, for its anchor on the dataset page (`#change-1`). */
	index: number;
	figureId: string;
	label: string;
	/** The figure as printed before the change: 3440万元. */
	before: string;
	/** The figure as printed now: 3440.67万元. */
	after: string;
}

/** The changes of a dataset's log that correct a figure, oldest first. */
export function figureCorrections(dataset: DatasetEntry): FigureCorrection[] {
	const figures = resolveFigures(dataset.data);
	return dataset.data.changes.flatMap((change, index) => {
		const figure = change.figure === undefined ? undefined : figures.get(change.figure);
		if (!figure || change.previous === undefined) return [];
		return [{ change, index, figureId: figure.id, label: figure.label, before: formatFigure({ ...figure, value: change.previous.value, fractionDigits: change.previous.fractionDigits ?? figure.fractionDigits, qualifier: change.previous.qualifier ?? figure.qualifier }), after: formatFigure(figure) }];
	});
}

/** The anchor of a change on its dataset's page. */
export const changeAnchor = (index: number) => `change-${index + 1}`;

/**
 * Whether a story prints a figure: the figure was taken from the story, or the story binds it
 * with `<Num>` (read from the story's compiled body).
 */
export function printsFigure(article: ArticleEntry, html: string, datasetId: string, figureId: string, figureSource?: string): boolean {
	if (figureSource === article.id) return true;
	return storyComponents(html).some((component) => component.kind === 'num' && component.dataset === datasetId && component.figure === figureId);
}
