import type { Root, RootContent } from 'mdast';
import { halfWidthMarks } from '../core/chinese-punctuation.ts';
import type { Problem } from '../core/problem.ts';

/** Where a story's body is. */
export interface HalfWidthContext {
	file: string;
	/** The line of the file on which the MDX body starts. */
	bodyLine: number;
}

/**
 * Half-width `, ; : ! ? ( )` in the Chinese sentences of a story's body (统计,中秋假期): the site
 * prints them full-width (see src/core/chinese-punctuation.ts), but the source then reads otherwise
 * than the page, and a sentence copied from it into a dataset differs from the page's. One
 * warning per story, at the first mark, with the count: not an error, as the page is right.
 */
export function halfWidthPunctuation(tree: Root, context: HalfWidthContext): Problem[] {
	let count = 0;
	let first: { line?: number; excerpt: string } | undefined;
	const visit = (node: RootContent): void => {
		if (node.type === 'text') {
			const marks = halfWidthMarks(node.value);
			if (marks.length === 0) return;
			count += marks.length;
			if (!first) {
				const { index } = marks[0];
				const linesBefore = node.value.slice(0, index).split('\n').length - 1;
				const line = node.position ? node.position.start.line + linesBefore + context.bodyLine - 1 : undefined;
				first = { line, excerpt: node.value.slice(Math.max(0, index - 4), index + 5).replace(/\s+/g, ' ') };
			}
			return;
		}
		// Code is quoted as typed; components print their own text.
		if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return;
		if ('children' in node) for (const child of node.children) visit(child as RootContent);
	};
	for (const child of tree.children) visit(child);
	if (!first) return [];
	const marks = count === 1 ? '1 half-width punctuation mark' : `${count} half-width punctuation marks`;
	return [
		{
			file: context.file,
			line: first.line,
			field: 'body',
			message: `${marks} in Chinese sentences, the first in "${first.excerpt}"; the site prints them full-width (，；：！？（）)`,
			hint: 'type them full-width in the story, so the file reads as the page does',
		},
	];
}
