import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';

/**
 * Serialises a chart's SVG tree. Text is escaped by hast-util-to-html, so labels from datasets
 * can never inject markup; empty elements are self-closed so the string is also valid XML, as
 * resvg and feed readers need.
 */
export function renderToString(svg: Element): string {
	return toHtml(svg, { space: 'svg', closeEmptyElements: true });
}
