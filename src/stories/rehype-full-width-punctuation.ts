import type { Element, ElementContent, Root, Text } from 'hast';
import { fullWidthPunctuationMap, UNKNOWN_TEXT } from '../core/chinese-punctuation.ts';

/** Elements whose text is quoted as typed: code is never retypeset. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/** Inline elements: text on both sides of their edges reads as one run (`<strong>中秋</strong>,假期`). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);

/**
 * Prints the half-width punctuation of a story's Chinese text full-width (see
 * src/core/chinese-punctuation.ts), in the compiled HTML, so the page, its feed item, its search
 * record and its excerpt all read the same. A mark is judged by the text around it across inline
 * elements; a figure placeholder (`<!--bs:num …-->`) is text not known yet, and a block's edge
 * ends the run.
 */
export function rehypeFullWidthPunctuation() {
	return (tree: Root) => {
		const texts: { node: Text; start: number }[] = [];
		let run = '';
		const visit = (node: Root | ElementContent) => {
			if (node.type === 'text') {
				texts.push({ node, start: run.length });
				run += node.value;
			} else if (node.type === 'comment') {
				run += UNKNOWN_TEXT;
			} else if (node.type === 'element' || node.type === 'root') {
				const element = node as Element;
				if (node.type === 'element' && VERBATIM.has(element.tagName)) return void (run += UNKNOWN_TEXT);
				const block = node.type === 'element' && !INLINE.has(element.tagName);
				if (block) run += '\n';
				for (const child of element.children) visit(child);
				if (block) run += '\n';
			}
		};
		visit(tree);
		const printed = fullWidthPunctuationMap(run);
		for (const { node, start } of texts) node.value = printed.slice(start, start + node.value.length).join('');
	};
}
