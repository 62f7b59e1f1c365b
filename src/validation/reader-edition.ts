/**
 * Checks of what the reader's edition publishes beyond the stories themselves: page scans and the
 * story regions drawn on them, corrections that point at a dataset, and dataset changes that
 * correct a figure. Each problem names the file, the field, what was received and what was expected.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { resolveFigures } from '../figures/dataset-figures.ts';
import type { Article } from '../schemas/article.ts';
import type { Dataset } from '../schemas/dataset.ts';
import type { Edition } from '../schemas/edition.ts';
import type { Locate } from '../core/parse-with-friendly-errors.ts';
import type { Problem } from '../core/problem.ts';

/** A validated file as the site validator keeps it. */
interface Checked<T> {
	file: string;
	data: T;
	locate: Locate;
}

/** The validated content these checks read. */
export interface ReaderEditionContent {
	editions: Map<string, Checked<Edition>>;
	articles: Map<string, Checked<Article>>;
	datasets: Map<string, Checked<Dataset>>;
}

/** The pixel size of an image file, or a message saying why it could not be read. */
async function imageSize(path: string): Promise<{ width: number; height: number } | string> {
	try {
		const { width, height } = await sharp(path).metadata();
		if (!width || !height) return 'has no width or height';
		return { width, height };
	} catch (error) {
		return `cannot be read as an image (${(error as Error).message})`;
	}
}

/**
 * Page scans: each image and PDF exists next to edition.json; each region lies inside the image;
 * each story of the page has exactly one region, and no region names a story of another page or
 * no story at all.
 */
export async function pageScanProblems(site: ReaderEditionContent, root: string): Promise<Problem[]> {
	const problems: Problem[] = [];
	for (const [date, edition] of site.editions) {
		const { file, data, locate } = edition;
		const folder = dirname(file);
		for (const [pageIndex, page] of data.pages.entries()) {
			const { scan } = page;
			if (!scan) continue;
			const field = (...path: (string | number)[]) => ({
				line: locate(['pages', pageIndex, 'scan', ...path]),
				field: `pages[${pageIndex}].scan${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}`,
			});
			if (scan.pdf && !existsSync(join(root, folder, scan.pdf))) {
				problems.push({ file, ...field('pdf'), message: `received "${scan.pdf}", but there is no such file next to edition.json; expected the page's PDF` });
			}
			let size: { width: number; height: number } | undefined;
			if (!existsSync(join(root, folder, scan.image))) {
				problems.push({ file, ...field('image'), message: `received "${scan.image}", but there is no such file next to edition.json; expected the scan of page ${page.number} (PNG, JPEG or WebP)` });
			} else {
				const read = await imageSize(join(root, folder, scan.image));
				if (typeof read === 'string') problems.push({ file, ...field('image'), message: `received "${scan.image}", which ${read}; expected a PNG, JPEG or WebP image` });
				else size = read;
			}
			// Stories of this edition by slug, drafts included: a draft's region is kept for when it is published.
			const stories = new Map(
				[...site.articles].filter(([id]) => id.startsWith(`${date}/`)).map(([id, article]) => [id.slice(date.length + 1), article.data.page] as const),
			);
			const seen = new Set<string>();
			scan.regions.forEach((region, index) => {
				const storyPage = stories.get(region.story);
				if (storyPage === undefined) {
					const slugs = [...stories].filter(([, number]) => number === page.number).map(([slug]) => slug);
					problems.push({ file, ...field('regions', index, 'story'), message: `received "${region.story}"; expected a story of page ${page.number} of this edition: ${slugs.join(', ') || '(none)'}` });
				} else if (storyPage !== page.number) {
					problems.push({ file, ...field('regions', index, 'story'), message: `received "${region.story}", a story of page ${storyPage}; expected a story of page ${page.number}` });
				} else if (seen.has(region.story)) {
					problems.push({ file, ...field('regions', index, 'story'), message: `received "${region.story}" a second time; expected one region per story` });
				}
				seen.add(region.story);
				if (size && (region.x + region.width > size.width || region.y + region.height > size.height)) {
					problems.push({
						file,
						...field('regions', index),
						message: `received x ${region.x}, y ${region.y}, width ${region.width}, height ${region.height}, reaching ${region.x + region.width}×${region.y + region.height}; expected a region inside the ${size.width}×${size.height} image ${scan.image}`,
					});
				}
			});
			const missing = [...stories].filter(([slug, number]) => number === page.number && !seen.has(slug)).map(([slug]) => slug);
			if (missing.length > 0) {
				problems.push({ file, ...field('regions'), message: `has no region for ${missing.map((slug) => `"${slug}"`).join(', ')}; expected one region per story of page ${page.number}`, hint: 'add a region for each story, measured in the image’s pixels' });
			}
		}
	}
	return problems;
}

/**
 * A story's correction that names a dataset must name one the story lists; a dataset change that
 * corrects a figure must name a figure of the dataset.
 */
export function correctionProblems(site: ReaderEditionContent): Problem[] {
	const problems: Problem[] = [];
	for (const article of site.articles.values()) {
		article.data.corrections.forEach((correction, index) => {
			if (correction.dataset === undefined || article.data.datasets.includes(correction.dataset)) return;
			problems.push({
				file: article.file,
				line: article.locate(['corrections', index, 'dataset']),
				field: `corrections[${index}].dataset`,
				message: `received "${correction.dataset}"; expected one of the story's datasets: ${article.data.datasets.join(', ') || '(none)'}`,
			});
		});
	}
	for (const dataset of site.datasets.values()) {
		const figures = resolveFigures(dataset.data);
		dataset.data.changes.forEach((change, index) => {
			if (change.figure === undefined || (figures.has(change.figure) && !figures.get(change.figure)!.derived)) return;
			problems.push({
				file: dataset.file,
				line: dataset.locate(['changes', index, 'figure']),
				field: `changes[${index}].figure`,
				message: `received "${change.figure}"; expected the id of a printed figure of this dataset: ${dataset.data.figures.map((figure) => figure.id).join(', ')}`,
			});
		});
	}
	return problems;
}
