import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveFigures } from '../src/figures/dataset-figures.ts';
import { formatFigure } from '../src/figures/figures.ts';
import { datasetSchema } from '../src/schemas/dataset.ts';

/** The sample edition's prose, cut into pieces the generator recombines into new stories. */
export interface SampleText {
	/** Body paragraphs, verbatim. */
	paragraphs: string[];
	/** Section headings (小标题), without the `## `. */
	headings: string[];
	/** Headlines (主题) of the sample stories. */
	headlines: string[];
	/** Kickers (引题) and subheadlines (副题) of the sample stories. */
	decks: string[];
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;
/** `<Num dataset="…" figure="…" [bare] />`, a figure bound to a dataset of the sample. */
const BOUND_FIGURE = /<Num\s+dataset="([^"]+)"\s+figure="([^"]+)"(\s+bare)?\s*\/>/g;

/** Every figure of the sample's datasets, printed as the paper prints it, by `dataset/figure`. */
async function samplePrintedFigures(dataFolder: string): Promise<Map<string, { withUnit: string; bare: string }>> {
	const printed = new Map<string, { withUnit: string; bare: string }>();
	for (const name of (await readdir(dataFolder)).filter((file) => file.endsWith('.json')).sort()) {
		const dataset = datasetSchema.parse(JSON.parse(await readFile(join(dataFolder, name), 'utf8')));
		for (const [id, figure] of resolveFigures(dataset)) {
			printed.set(`${name.slice(0, -'.json'.length)}/${id}`, { withUnit: formatFigure(figure), bare: formatFigure(figure, { unit: false }) });
		}
	}
	return printed;
}

/**
 * Reads the sample edition's stories, with their bound figures (`<Num …/>`) printed from the
 * sample's datasets in `dataFolder` and their charts left out. Generated stories are made of real newspaper Chinese so the
 * text processing (MDX parsing, provenance search, HTML size) costs what a real archive costs.
 */
export async function readSampleText(editionFolder: string, dataFolder: string): Promise<SampleText> {
	const sample: SampleText = { paragraphs: [], headings: [], headlines: [], decks: [] };
	const figures = await samplePrintedFigures(dataFolder);
	// The generated stories do not list the sample's datasets, so its bound figures become the text they print.
	const unbind = (text: string) =>
		text.replace(BOUND_FIGURE, (tag, dataset: string, figure: string, bare?: string) => {
			const printed = figures.get(`${dataset}/${figure}`);
			if (!printed) throw new Error(`invalid sample figure: ${tag}`);
			return bare ? printed.bare : printed.withUnit;
		});
	const files = (await readdir(editionFolder)).filter((name) => name.endsWith('.mdx')).sort();
	for (const name of files) {
		const source = (await readFile(join(editionFolder, name), 'utf8')).replace(/\r\n/g, '\n');
		const frontmatter = FRONTMATTER.exec(source);
		if (!frontmatter) throw new Error(`invalid sample story: ${name}`);
		for (const line of frontmatter[1].split('\n')) {
			const field = /^(headline|kicker|subheadline): (.+)$/.exec(line);
			if (!field) continue;
			(field[1] === 'headline' ? sample.headlines : sample.decks).push(field[2].trim());
		}
		for (const block of source.slice(frontmatter[0].length).split(/\n{2,}/)) {
			const text = unbind(block.trim());
			// Charts and other components belong to the sample's own datasets: the generator places its own.
			if (text.length === 0 || text.startsWith('<')) continue;
			if (/<[A-Z]/.test(text)) throw new Error(`invalid sample paragraph: a component other than <Num> in "${text.slice(0, 40)}…"`);
			if (text.startsWith('## ')) sample.headings.push(text.slice(3));
			else sample.paragraphs.push(text);
		}
	}
	if (sample.paragraphs.length === 0) throw new Error(`invalid sample edition: no paragraphs in ${editionFolder}`);
	return sample;
}
