import Slugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { State } from 'mdast-util-to-hast';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { urlProblem } from '../core/safe-url.ts';
import { ALLOWED_HTML } from './mdx-components.ts';
import { rehypeFullWidthPunctuation } from './rehype-full-width-punctuation.ts';

/**
 * A story body compiled to HTML once per content (see story-loader.ts). Markdown and the allowed
 * inline HTML become HTML as Astro's MDX pipeline makes it (GFM, smart punctuation, heading ids,
 * external links opened without a handle on our page, Chinese punctuation full-width); `<Num>` and `<Chart>` become placeholders
 * (`<!--bs:num …-->`, `<!--bs:chart …-->`) that the story page fills from the datasets when it
 * renders, so a corrected dataset shows without compiling the story again.
 *
 * The build validates every story first (src/validation/), so what reaches the compiler is valid;
 * what is not still fails with the story's name, never silently.
 */

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** What a placeholder stands for. */
export type StoryComponent = { kind: 'num'; dataset: string; figure: string; bare: boolean } | { kind: 'chart'; dataset: string; chart: string };

function props(node: JsxElement): Map<string, string | true> {
	const values = new Map<string, string | true>();
	for (const attribute of node.attributes as MdxJsxAttribute[]) {
		if (attribute.type !== 'mdxJsxAttribute' || (attribute.value != null && typeof attribute.value !== 'string')) {
			throw new Error(`<${node.name}>: received an expression prop; expected plain name="value" props`);
		}
		values.set(attribute.name, attribute.value ?? true);
	}
	return values;
}

/** A placeholder for the page to fill in; ids are checked slugs, so they never hold `--` or `>`. */
function placeholder(component: StoryComponent): ElementContent {
	const { kind, ...values } = component;
	const params = Object.entries(values).flatMap(([name, value]) => (value === false ? [] : [[name, String(value)]]));
	return { type: 'comment', value: `bs:${kind} ${new URLSearchParams(params)}` };
}

function jsxElement(state: State, node: JsxElement): ElementContent | ElementContent[] {
	const values = props(node);
	if (node.name && ALLOWED_HTML.has(node.name)) {
		const element: Element = { type: 'element', tagName: node.name, properties: {}, children: state.all(node as never) as ElementContent[] };
		state.patch(node, element);
		return element;
	}
	const get = (name: string) => {
		const value = values.get(name);
		if (typeof value !== 'string') throw new Error(`<${node.name}>: missing ${name}; expected ${name}="…"`);
		return value;
	};
	if (node.name === 'Num') return placeholder({ kind: 'num', dataset: get('dataset'), figure: get('figure'), bare: values.get('bare') === true });
	if (node.name === 'Chart') return placeholder({ kind: 'chart', dataset: get('dataset'), chart: get('chart') });
	throw new Error(`received the component <${node.name ?? ''}>; expected one of <Num>, <Chart> or ${[...ALLOWED_HTML].map((name) => `<${name}>`).join(', ')}`);
}

const refuse = (what: string) => () => {
	throw new Error(`received ${what}; expected none: stories use the built-in components only`);
};

function textOf(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Properties of the compiled HTML that hold an address. */
const URL_PROPERTIES = ['href', 'src'] as const;

/**
 * Refuses any address the compiled story would link to or load (links, images, reference
 * definitions, autolinks) whose scheme is not allowed, such as `javascript:`: the same check as the
 * content check's (src/core/safe-url.ts), so what the build publishes never holds one.
 */
function checkAddresses() {
	return (tree: HastRoot) => {
		const visit = (node: HastRoot | ElementContent) => {
			if (node.type === 'element') {
				for (const name of URL_PROPERTIES) {
					const value = node.properties[name];
					if (typeof value !== 'string') continue;
					const start = node.position?.start;
					const problem = urlProblem(value, node.tagName === 'img' ? 'image' : 'link', start ? `at line ${start.line}, column ${start.column} of the body` : '');
					if (problem) throw new Error(problem);
				}
			}
			if ('children' in node) for (const child of node.children) visit(child as ElementContent);
		};
		visit(tree);
	};
}

/** Heading ids as Astro's Markdown pipeline makes them (github-slugger), so anchors stay the same. */
function headingIds() {
	return (tree: HastRoot) => {
		const slugger = new Slugger();
		const visit = (node: HastRoot | ElementContent) => {
			if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) node.properties.id ??= slugger.slug(textOf(node));
			if ('children' in node) for (const child of node.children) visit(child as ElementContent);
		};
		visit(tree);
	};
}

const processor = unified()
	.use(remarkParse)
	.use(remarkMdx)
	.use(remarkGfm)
	.use(remarkSmartypants)
	.use(remarkRehype, {
		handlers: {
			mdxJsxFlowElement: jsxElement as never,
			mdxJsxTextElement: jsxElement as never,
			mdxFlowExpression: refuse('a {…} expression'),
			mdxTextExpression: refuse('a {…} expression'),
			mdxjsEsm: refuse('an import or export'),
		},
	})
	.use(headingIds)
	.use(checkAddresses)
	.use(rehypeFullWidthPunctuation)
	.use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
	.use(rehypeStringify);

/** Compiles an MDX story body (without its frontmatter) to HTML with placeholders. */
export async function compileStory(body: string): Promise<string> {
	const tree = processor.parse(body) as Root;
	return processor.stringify(await processor.run(tree));
}

const PLACEHOLDER = /<!--bs:(num|chart) ([^>]*?)-->/g;

function componentOf(kind: string, params: string): StoryComponent {
	const values = new URLSearchParams(params);
	const value = (name: string) => values.get(name) ?? '';
	return kind === 'num'
		? { kind: 'num', dataset: value('dataset'), figure: value('figure'), bare: values.has('bare') }
		: { kind: 'chart', dataset: value('dataset'), chart: value('chart') };
}

/** The components a compiled story places, in order. */
export function storyComponents(html: string): StoryComponent[] {
	return [...html.matchAll(PLACEHOLDER)].map((match) => componentOf(match[1], match[2]));
}

/** A piece of a compiled story as the page places it: HTML, or a chart to draw. */
export type StoryPart = { html: string } | { chart: { dataset: string; chart: string } };

/**
 * Splits a compiled story at its charts and fills in its bound figures with `printFigure` (which
 * returns HTML), for the page to render: HTML parts as they are, chart parts with the chart figure.
 */
export function storyParts(html: string, printFigure: (num: Extract<StoryComponent, { kind: 'num' }>) => string): StoryPart[] {
	const parts: StoryPart[] = [];
	let text = '';
	let last = 0;
	for (const match of html.matchAll(PLACEHOLDER)) {
		text += html.slice(last, match.index);
		last = match.index + match[0].length;
		const component = componentOf(match[1], match[2]);
		if (component.kind === 'num') {
			text += printFigure(component);
		} else {
			parts.push({ html: text });
			text = '';
			parts.push({ chart: { dataset: component.dataset, chart: component.chart } });
		}
	}
	parts.push({ html: text + html.slice(last) });
	return parts.filter((part) => !('html' in part) || part.html.trim() !== '');
}
