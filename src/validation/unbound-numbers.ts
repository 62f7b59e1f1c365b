import type { Root, RootContent } from 'mdast';
import type { ResolvedFigure } from '../figures/dataset-figures.ts';
import { agrees, figureLikeNumbers, figureNumberPattern } from './figure-numbers.ts';
import type { Problem } from '../core/problem.ts';

/** What a story's prose is checked against. */
export interface UnboundNumberContext {
	file: string;
	/** The line of the file on which the MDX body starts. */
	bodyLine: number;
	/** The ids of the datasets the story lists, for the message. */
	datasets: string[];
	/** Every figure of those datasets, printed and computed. */
	figures: Iterable<ResolvedFigure>;
}

/**
 * Numbers with a unit in a story's prose that no figure of its datasets prints: a figure typed by
 * hand instead of bound with `<Num>`, or one that disagrees with the dataset. Only the prose is
 * read; what `<Num>` prints is not part of it. Returned as warnings: a number may rightly be no
 * data figure at all (a phone number, a quoted slogan).
 */
export function unboundNumbers(tree: Root, context: UnboundNumberContext): Problem[] {
	const figures = [...context.figures];
	if (figures.length === 0) return [];
	// 近30万人次, 16400余件, 1.3万余名, 76.57万人次, 100%; not 第3次, 2024年 or the 3 of 2024.3.
	const number = figureNumberPattern(figures.map((figure) => figure.unit));
	const warnings: Problem[] = [];
	const visit = (node: RootContent): void => {
		if (node.type === 'text') {
			for (const match of figureLikeNumbers(node.value, number)) {
				if (!match.unit && !match.qualifier) continue;
				if (figures.some((figure) => agrees(match, figure))) continue;
				const linesBefore = node.value.slice(0, match.index).split('\n').length - 1;
				const line = node.position ? node.position.start.line + linesBefore + context.bodyLine - 1 : undefined;
				warnings.push({
					file: context.file,
					line,
					field: 'body',
					message: `the text prints "${match.text}", which no figure of the story's datasets (${context.datasets.join(', ')}) prints`,
					hint: 'add it to a dataset and print it with <Num dataset="…" figure="…" />, or correct it; leave it if it is not a data figure',
				});
			}
			return;
		}
		// Code is quoted, not reported; components print their own text.
		if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return;
		if ('children' in node) for (const child of node.children) visit(child as RootContent);
	};
	for (const child of tree.children) visit(child);
	return warnings;
}
