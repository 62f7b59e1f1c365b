import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { didYouMeanPhrase } from '../core/did-you-mean.ts';
import { formatFigure } from '../figures/figures.ts';
import { urlProblem } from '../core/safe-url.ts';
import type { DatasetLookup, StoryInput } from '../validation/entries.ts';
import type { Problem } from '../core/problem.ts';

export type { DatasetLookup } from '../validation/entries.ts';

interface PropSpec {
	required: boolean;
	/** A prop written without a value, such as `bare`. */
	flag?: boolean;
}

/**
 * The components editors place in stories. `Chart` draws a chart its dataset defines; `Num` prints a
 * figure of a dataset inside a sentence (`bare` leaves its unit off), so a correction to the data
 * corrects the story.
 */
export const STORY_COMPONENTS: Record<string, Record<string, PropSpec>> = {
	Chart: { dataset: { required: true }, chart: { required: true } },
	Num: { dataset: { required: true }, figure: { required: true }, bare: { required: false, flag: true } },
};

/**
 * The only raw HTML a story may contain: inline typography the paper uses. Anything else (scripts,
 * iframes, styles, forms) is refused at build.
 */
export const ALLOWED_HTML = new Set(['br', 'sup', 'sub', 'small', 'abbr']);

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface StoryContext {
	file: string;
	/** The line of the file the MDX body starts on. */
	bodyLine: number;
	/** The datasets the story's frontmatter lists. */
	datasets: string[];
	lookup: DatasetLookup;
	/** Datasets whose files exist but are invalid: already reported, so references to them are not. */
	invalid: Set<string>;
}

const list = (values: Iterable<string>) => [...values].map((value) => `"${value}"`).join(', ') || '(none)';

/**
 * Checks every element, expression and import in a story body, and returns the problems and a
 * printer for bound figures (for the story's readable text).
 */
export function checkStoryBody(tree: Root, context: StoryContext): { problems: Problem[]; printInline: (node: MdxJsxTextElement) => string | undefined } {
	const problems: Problem[] = [];
	const at = (node: { position?: { start: { line: number } } }) =>
		node.position ? node.position.start.line + context.bodyLine - 1 : undefined;
	const report = (node: RootContent, field: string, message: string, hint?: string) =>
		problems.push({ file: context.file, line: at(node), field, message, hint });

	const props = (node: JsxElement): Map<string, string | true> | undefined => {
		const values = new Map<string, string | true>();
		for (const attribute of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
			if (attribute.type === 'mdxJsxExpressionAttribute') {
				report(node, `<${node.name}>`, 'received a {…} spread; expected plain name="value" props');
				return undefined;
			}
			if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
				report(node, `<${node.name}> ${attribute.name}`, `received an expression; expected a quoted value such as ${attribute.name}="…"`);
				return undefined;
			}
			values.set(attribute.name, attribute.value ?? true);
		}
		return values;
	};

	const unlisted = new Set<string>();
	// A dataset id in the frontmatter that names no dataset is reported there, once: what follows
	// from it in the body (its components, a correct id the frontmatter misspelt) is not reported again.
	const unknownListed = context.datasets.filter((id) => !context.lookup.has(id) && !context.invalid.has(id));
	/** The dataset a component names, if it is valid for this story. */
	const datasetOf = (node: JsxElement, values: Map<string, string | true>) => {
		const id = values.get('dataset');
		if (typeof id !== 'string' || context.invalid.has(id)) return undefined;
		if (!context.lookup.has(id)) {
			if (context.datasets.includes(id) || unlisted.has(id)) return undefined;
			unlisted.add(id);
			report(node, `<${node.name}> dataset`, `received "${id}";${didYouMeanPhrase(id, context.lookup.keys())} expected one of the datasets in data/: ${list(context.lookup.keys())}`);
			return undefined;
		}
		if (!context.datasets.includes(id)) {
			// Once per dataset: every figure of a story usually comes from the same one.
			if (unlisted.has(id) || unknownListed.length > 0) return undefined;
			unlisted.add(id);
			report(node, `<${node.name}> dataset`, `received "${id}", which the story's frontmatter does not list; expected one of: ${list(context.datasets)}`, `add "${id}" to the story's datasets`);
			return undefined;
		}
		return context.lookup.get(id)!;
	};

	const checkProps = (node: JsxElement): Map<string, string | true> | undefined => {
		const spec = STORY_COMPONENTS[node.name!];
		const values = props(node);
		if (!values) return undefined;
		let ok = true;
		for (const [name, value] of values) {
			const prop = spec[name];
			if (!prop) {
				report(node, `<${node.name}> ${name}`, `unknown prop; expected only ${list(Object.keys(spec))}`);
				ok = false;
			} else if (Boolean(prop.flag) !== (value === true)) {
				report(node, `<${node.name}> ${name}`, prop.flag ? `received a value; expected "${name}" alone, without a value` : `received no value; expected ${name}="…"`);
				ok = false;
			}
		}
		for (const [name, prop] of Object.entries(spec)) {
			if (prop.required && !values.has(name)) {
				report(node, `<${node.name}> ${name}`, `missing; expected ${name}="…"`);
				ok = false;
			}
		}
		return ok ? values : undefined;
	};

	const printed = new Map<JsxElement, string>();
	const visit = (node: RootContent): void => {
		switch (node.type) {
			case 'mdxjsEsm':
				report(node, 'body', 'received an import or export; expected none: the story components are provided', 'delete the line');
				return;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				report(node, 'body', 'received a {…} expression; expected plain text', 'write a literal { as \\{');
				return;
			case 'html':
				report(node, 'body', 'received raw HTML; expected Markdown or the story components');
				return;
			case 'link':
			case 'definition':
			case 'image': {
				// One check for every address the compiler emits (src/core/safe-url.ts); references use their definition's.
				const what = { link: 'link', definition: 'link definition', image: 'image' }[node.type];
				const problem = urlProblem(node.url, what, node.position ? `at column ${node.position.start.column}` : '');
				if (problem) report(node, 'body', problem);
				break;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				const name = node.name ?? '';
				if (/^[a-z]/.test(name)) {
					if (!ALLOWED_HTML.has(name)) {
						report(node, `<${name}>`, `received the HTML element <${name}>; expected Markdown, the components ${list(Object.keys(STORY_COMPONENTS))}, or the inline elements ${list(ALLOWED_HTML)}`);
					} else if (node.attributes.length > 0) {
						report(node, `<${name}>`, `received attributes on <${name}>; expected none`);
					}
					break;
				}
				if (!STORY_COMPONENTS[name]) {
					report(node, `<${name || 'fragment'}>`, `unknown component; expected one of ${list(Object.keys(STORY_COMPONENTS))}`);
					return;
				}
				const values = checkProps(node);
				const dataset = values && datasetOf(node, values);
				if (name === 'Chart' && node.type !== 'mdxJsxFlowElement') {
					report(node, '<Chart>', 'is inside a sentence; expected <Chart … /> on a line of its own');
				}
				if (dataset && name === 'Chart') {
					const id = values.get('chart') as string;
					if (!dataset.charts.has(id)) {
						report(node, '<Chart> chart', `received "${id}";${didYouMeanPhrase(id, dataset.charts.keys())} expected one of the charts of dataset "${values.get('dataset')}": ${list(dataset.charts.keys())}`);
					}
				}
				if (dataset && name === 'Num') {
					const id = values.get('figure') as string;
					const figure = dataset.figures.get(id);
					if (!figure) {
						report(node, '<Num> figure', `received "${id}";${didYouMeanPhrase(id, dataset.figures.keys())} expected one of the figures of dataset "${values.get('dataset')}": ${list(dataset.figures.keys())}`);
					} else {
						printed.set(node, formatFigure(figure, { unit: values.get('bare') !== true }));
					}
					if (name === 'Num' && node.type !== 'mdxJsxTextElement') {
						report(node, '<Num>', 'stands on a line of its own; expected it inside a sentence');
					}
				}
				if (node.children.length > 0) report(node, `<${name}>`, `has content; expected it to close itself: <${name} … />`);
				return;
			}
		}
		if ('children' in node) for (const child of node.children) visit(child as RootContent);
	};
	for (const child of tree.children) visit(child);
	return { problems, printInline: (node) => printed.get(node) };
}

const checkedBodies = new WeakMap<Root, ReturnType<typeof checkStoryBody>>();

/**
 * `checkStoryBody` for a story entry, once per entry: the story-components rule reports its
 * problems, and the runner prints the story's text with its bound figures.
 */
export function checkStoryEntry({ story, datasets }: StoryInput): ReturnType<typeof checkStoryBody> {
	let checked = checkedBodies.get(story.tree);
	if (!checked) {
		checked = checkStoryBody(story.tree, { file: story.file, bodyLine: story.bodyLine, datasets: story.data.datasets, lookup: datasets.lookup, invalid: datasets.invalid });
		checkedBodies.set(story.tree, checked);
	}
	return checked;
}
