/**
 * What the generator writes where a story shows a chart or binds a figure in its prose. Stories
 * use the project's MDX components by default (`<Num …/>` in sentences, `<Chart …/>` after the
 * paragraph that prints the figures, the chart defined in the story's dataset), so the bench
 * measures the build with every feature on; `--components plain` writes plain text and no chart,
 * and `--components path/to/module.ts` plugs in other snippets without touching the generator.
 */

/** A chart the generator would place after the paragraph that prints its figures. */
export interface ChartRequest {
	/** The dataset the chart draws, its file name under `data/` without `.json`. */
	dataset: string;
	/** The dataset's kind: holiday tourism figures have a place each, governance figures do not. */
	kind: 'holiday-tourism' | 'governance';
	/** The ids of the figures, in the order the paragraph prints them. */
	figures: string[];
	/** A title for the chart, such as "2021年中秋假期各地接待游客". */
	title: string;
	/** What the chart shows, in words, for its alt text. */
	description: string;
}

/** A chart block for a story and the definition its dataset needs for it. */
export interface ChartSnippet {
	/** The MDX of the block. */
	mdx: string;
	/** Added to the dataset's `charts`, when the component draws charts the dataset defines. */
	spec?: Record<string, unknown>;
}

/** A figure printed in a sentence, which a bound-figure component prints from its dataset. */
export interface BoundFigureRequest {
	dataset: string;
	figure: string;
	/** The figure exactly as the paper prints it (40.389万人次), which the plain-text default writes. */
	printed: string;
}

/** Makes the MDX snippets for charts and bound figures. */
export interface StoryComponents {
	/** The names of the MDX components the snippets use; the baseline site gets empty stand-ins for them. */
	names: string[];
	/** The chart block, or undefined to leave the chart out. */
	chart(request: ChartRequest): ChartSnippet | undefined;
	/** The MDX that prints a figure inside its sentence. */
	figure(request: BoundFigureRequest): string;
}

/**
 * No chart and figures as plain text: the provenance sentences in the datasets then appear
 * verbatim in the story's text, as `validateSite` requires.
 */
export const plainTextComponents: StoryComponents = {
	names: [],
	chart: () => undefined,
	figure: ({ printed }) => printed,
};

/**
 * The project's story components: `<Num dataset figure />` prints a figure from its dataset, and
 * `<Chart dataset chart />` draws a chart the dataset defines (a place comparison for holiday
 * figures, horizontal bars for governance figures). Validation prints a bound figure into the
 * story's text, so the provenance sentences are the same as with plain text.
 */
export const boundComponents: StoryComponents = {
	names: ['Num', 'Chart'],
	chart: ({ dataset, kind, figures, title, description }) => ({
		mdx: `<Chart dataset="${dataset}" chart="main" />`,
		spec: { id: 'main', kind: kind === 'holiday-tourism' ? 'comparison' : 'bar', title, alt: description, figures },
	}),
	figure: ({ dataset, figure }) => `<Num dataset="${dataset}" figure="${figure}" />`,
};

/**
 * The components for `--components`: `bound` (the default), `plain`, or the path of a module
 * whose default export is a `StoryComponents`, resolved from the current folder.
 */
export async function loadStoryComponents(choice: string | undefined): Promise<StoryComponents> {
	if (choice === undefined || choice === 'bound') return boundComponents;
	if (choice === 'plain') return plainTextComponents;
	const { pathToFileURL } = await import('node:url');
	const { resolve } = await import('node:path');
	const loaded = (await import(pathToFileURL(resolve(choice)).href)) as { default?: StoryComponents };
	const components = loaded.default;
	if (!components || typeof components.chart !== 'function' || typeof components.figure !== 'function' || !Array.isArray(components.names)) {
		throw new Error(`invalid components module: ${choice} (expected a default export with names, chart and figure)`);
	}
	return components;
}
