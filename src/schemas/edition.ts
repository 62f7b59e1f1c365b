import { z } from 'astro/zod';
import { text } from './text.ts';
import { isoDate } from './iso-date.ts';

/** One printed page (版面) of an edition. */
export const editionPageSchema = z.strictObject({
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

/**
 * An edition (期): one day's paper. Stored as `content/<date>/edition.json`,
 * beside the MDX stories of that day.
 */
export const editionSchema = z
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
		pages: z.array(editionPageSchema).min(1, 'expected at least one page'),
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

export type EditionPage = z.output<typeof editionPageSchema>;
export type EditionInput = z.input<typeof editionSchema>;
export type Edition = z.output<typeof editionSchema>;
