import type { Root, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fullWidthPunctuation } from '../core/chinese-punctuation.ts';

const parser = unified().use(remarkParse).use(remarkMdx);

/** A story's body parsed as MDX, or where its syntax broke. */
export type ParsedBody = { ok: true; tree: Root } | { ok: false; line?: number; message: string };

/** Parses an MDX body; a syntax error (an unclosed tag, a stray `{`) comes back with its line. */
export function parseMdxBody(body: string): ParsedBody {
	try {
		return { ok: true, tree: parser.parse(body) };
	} catch (error) {
		const { place, reason, message } = error as {
			place?: { line?: number; start?: { line?: number } };
			reason?: string;
			message: string;
		};
		const text = reason ?? message;
		// Some micromark errors carry their position only inside the reason: "(3:1-3:16)".
		const fromReason = /\((\d+):\d+/.exec(text)?.[1];
		const line = place?.start?.line ?? place?.line ?? (fromReason ? Number(fromReason) : undefined);
		return { ok: false, line, message: text };
	}
}

/** Prints an inline component (a bound figure) as the reader sees it; undefined prints nothing. */
export type PrintInline = (node: MdxJsxTextElement) => string | undefined;

/**
 * The story's readable text, block by block (paragraphs and headings), as a reader sees it, with
 * bound figures printed and Chinese punctuation full-width, as the page prints it. Provenance
 * sentences are looked for in this text (after the same normalising, see {@link quotedSentence}).
 */
export function articleText(tree: Root, printInline: PrintInline = () => undefined): string {
	const blocks: string[] = [];
	const visit = (node: RootContent | Root): void => {
		if (node.type === 'paragraph' || node.type === 'heading') {
			blocks.push(inlineText(node, printInline));
			return;
		}
		if ('children' in node) for (const child of node.children) visit(child as RootContent);
	};
	visit(tree);
	return fullWidthPunctuation(blocks.join('\n'));
}

/**
 * A dataset's `source.sentence` as it is looked for in its story: trimmed, with Chinese punctuation
 * full-width, so a sentence copied with half-width marks still matches the story that has them.
 */
export function quotedSentence(sentence: string): string {
	return fullWidthPunctuation(sentence.trim());
}

function inlineText(node: RootContent | Root, printInline: PrintInline): string {
	if (node.type === 'text' || node.type === 'inlineCode') return node.value;
	if (node.type === 'mdxJsxTextElement') return printInline(node) ?? '';
	if ('children' in node) return node.children.map((child) => inlineText(child as RootContent, printInline)).join('');
	return '';
}

/** The story's section headings (小标题), in order. */
export function articleHeadings(tree: Root, printInline: PrintInline = () => undefined): string[] {
	return tree.children.filter((node) => node.type === 'heading').map((node) => inlineText(node, printInline));
}
