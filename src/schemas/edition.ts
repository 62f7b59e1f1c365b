import { z } from 'astro/zod';
import { text } from './text.ts';
import { isoDate } from './iso-date.ts';

/**
 * A story's region on a page scan: a rectangle in the image's pixels, measured from its top left
 * corner. The page view draws it as a link to the story over the image.
 */
export const scanRegionSchema = z.strictObject({
	/**
	 * The story the region shows: its file name under the edition folder, without `.mdx`. It must be
	 * a story of this page.
	 * @example "erqi-louyuan-zhili"
	 */
	story: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a story slug such as "erqi-louyuan-zhili"'),
	/**
	 * The left edge, in pixels from the image's left.
	 * @example 40
	 */
	x: z.int().min(0, 'expected pixels from the image’s left edge, 0 or more'),
	/**
	 * The top edge, in pixels from the image's top.
	 * @example 120
	 */
	y: z.int().min(0, 'expected pixels from the image’s top edge, 0 or more'),
	/**
	 * The width in pixels.
	 * @example 600
	 */
	width: z.int().min(1, 'expected a width in pixels, 1 or more'),
	/**
	 * The height in pixels.
	 * @example 900
	 */
	height: z.int().min(1, 'expected a height in pixels, 1 or more'),
});

/** A path under the edition's folder, as an editor writes it. */
const scanPath = (extension: RegExp, example: string) =>
	z
		.string()
		.regex(/^\.\/(?!.*\.\.\/)[\w./-]+$/, `expected a path relative to edition.json inside its folder, such as "${example}"`)
		.regex(extension, `expected a file such as "${example}"`);

/** Builds the schema of a page scan, with the given image-file field (Astro's `image()` in the collection). */
export function pageScanSchemaWith<T extends z.ZodType>(image: T) {
	return z.strictObject({
		/**
		 * The scan of the printed page (PNG, JPEG or WebP), relative to edition.json.
		 * @example "./scans/05.png"
		 */
		image,
		/**
		 * The printed page as a PDF, relative to edition.json, offered for download (optional).
		 * @example "./scans/05.pdf"
		 */
		pdf: scanPath(/\.pdf$/i, './scans/05.pdf').optional(),
		/** Each story's region on the image: exactly one per story of the page. */
		regions: z.array(scanRegionSchema).min(1, 'expected one region per story of the page'),
	});
}

/** Builds the schema of a page, with the given image-file field for its scan. */
export function editionPageSchemaWith<T extends z.ZodType>(image: T) {
	return editionPageFields.extend({
		/**
		 * The scan of the printed page (版面图) with each story's region, if the paper has one. Without
		 * it the page view draws a schematic of the page from its stories and says so.
		 */
		scan: pageScanSchemaWith(image).optional(),
	});
}

const scanImagePath = scanPath(/\.(png|jpe?g|webp)$/i, './scans/05.png');

/** One printed page (版面) of an edition, without its scan. */
const editionPageFields = z.strictObject({
	/**
	 * The page number as printed, shown as 第05版.
	 * @example 5
	 */
	number: z.int().min(1).max(999),
	/**
	 * The page's name, shown after the number: 第05版：区县新闻.
	 * @example "区县新闻"
	 */
	name: text(),
});

/** One printed page (版面) of an edition. */
export const editionPageSchema = editionPageSchemaWith(scanImagePath);

/**
 * Builds the edition schema with the given image-file field for page scans. Astro's content layer
 * passes its `image()` helper, which resolves the file and reads its size; the standalone validator
 * passes a plain path check and reads the size itself.
 */
export function editionSchemaWith<T extends z.ZodType>(image: T) {
	return z
		.strictObject({
			/**
			 * The publication date, which must match the folder name.
			 * @example "2024-09-18"
			 */
			date: isoDate,
			/**
			 * The issue number (期号) printed in the masthead; omitted when unknown.
			 * @example 24512
			 */
			issue: z.int().positive().optional(),
			/**
			 * The edition's pages in print order.
			 * @example [{ "number": 5, "name": "区县新闻" }]
			 */
			pages: z.array(editionPageSchemaWith(image)).min(1, 'expected at least one page'),
			/**
			 * Editors' notes shown to readers on the edition's pages, such as what is assumed
			 * about an edition reconstructed from an undated print page.
			 * @example ["本期日期为示例假定。"]
			 */
			notes: z.array(text()).default([]),
		})
		.superRefine((edition, ctx) => {
			const seen = new Set<number>();
			edition.pages.forEach((page, index) => {
				if (seen.has(page.number)) {
					ctx.addIssue({
						code: 'custom',
						path: ['pages', index, 'number'],
						input: page.number,
						message: `duplicate page number ${page.number}; expected each page of the edition to have its own number`,
					});
				}
				seen.add(page.number);
			});
		});
}

/**
 * An edition (期): one day's paper. Stored as `content/<date>/edition.json`,
 * beside the MDX stories of that day.
 */
export const editionSchema = editionSchemaWith(scanImagePath);

export type EditionPage = z.output<typeof editionPageSchema>;
export type PageScan = NonNullable<EditionPage['scan']>;
export type ScanRegion = z.output<typeof scanRegionSchema>;
export type EditionInput = z.input<typeof editionSchema>;
export type Edition = z.output<typeof editionSchema>;
