import { z } from 'astro/zod';
import { text, urlSegmentText } from './text.ts';
import { isoDate, publicationInstant, publicationTime, shanghaiDateTime } from './iso-date.ts';
import { posix } from 'node:path';

const personName = text().max(20);

/** Who wrote the story and took its pictures, printed as 记者 刘伟平 朱翔宇 通讯员 卢博 王焱 文/图. */
export const bylineSchema = z.strictObject({
	/**
	 * The paper's reporters (记者), in printed order.
	 * @example ["刘伟平", "朱翔宇"]
	 */
	reporters: z.array(personName).default([]),
	/**
	 * Correspondents (通讯员), in printed order.
	 * @example ["卢博", "王焱"]
	 */
	correspondents: z.array(personName).default([]),
	/**
	 * What the named people contributed, when printed: 文 (text), 图 (pictures), 文/图 (both).
	 * @example "文/图"
	 */
	credit: text().optional(),
});

/** A photo's alt text shorter than this cannot say what it shows (社区工作者为老人庆生 is 10). */
export const IMAGE_ALT_MIN_LENGTH = 6;

/**
 * An image file's path, relative to the story (`content/<date>/<slug>.mdx`). It may not climb out
 * of `content/`: only the site's own files are published. (Links that lead out are refused by the
 * content check, which resolves real paths.)
 */
export const imagePathSchema = z
	.string()
	.regex(/^\.{1,2}\//, 'expected a path relative to the article, such as "./photos/birthday.jpg"')
	.refine((path) => posix.normalize(`content/date/${path}`).startsWith('content/'), {
		error: (issue) => `received ${JSON.stringify(issue.input)}, which leads out of content/; expected an image inside content/, such as "./photos/birthday.jpg"`,
	});

/**
 * Builds the schema of an image entry. Astro's content layer passes its `image()` helper, which
 * resolves the file and reads its size; the standalone validator passes a plain path check.
 */
export function imageEntrySchema<T extends z.ZodType>(file: T) {
	return z.strictObject({
		/**
		 * The image file, relative to the article. Omit it when the printed photo is not available:
		 * the site then shows a placeholder clearly marked as one, with the caption.
		 * @example "./photos/birthday.jpg"
		 */
		// Astro's image() is typed by what it gives, not by the path it takes; it takes the checked path.
		file: imagePathSchema.pipe(file as unknown as z.ZodType<z.output<T>, string>).optional(),
		/**
		 * What the image shows, for readers who cannot see it. Required once the story is published;
		 * a draft may leave it out for now (`npm run check` lists it as a warning).
		 * @example "社区工作者与老人围坐在生日蛋糕前"
		 */
		alt: text(`expected alt text a screen-reader user can use: at least ${IMAGE_ALT_MIN_LENGTH} characters describing what the image shows`, { minLength: IMAGE_ALT_MIN_LENGTH }).optional(),
		/**
		 * The caption (图说) printed with the image.
		 * @example "福华街街道七一三社区为老人庆生"
		 */
		caption: text().optional(),
		/**
		 * Who took the picture, when it differs from the byline.
		 * @example "记者 刘伟平 摄"
		 */
		credit: text().optional(),
	});
}

/**
 * A correction (更正) to a published story: shown above and below its body with its date, in its
 * JSON-LD (`correction`), on the public 更正 page and in the corrections feed.
 */
export const correctionSchema = z.strictObject({
	/**
	 * When the correction was made, in Beijing time.
	 * @example "2024-09-19T10:00:00+08:00"
	 */
	date: shanghaiDateTime,
	/**
	 * What was wrong and what is right, as readers will read it.
	 * @example "本文原称荥阳市旅游收入“3440万元”，应为“3440.67万元”。"
	 */
	text: text(),
	/**
	 * The dataset whose corrected figure this correction concerns, if any: the notice links to the
	 * dataset's change log (数据更正记录). It must be one of the story's `datasets`.
	 * @example "mid-autumn-tourism-2024"
	 */
	dataset: z.string().min(1).optional(),
});

/** Builds the frontmatter schema of an MDX story, with the given image-file field. */
export function articleSchemaWith<T extends z.ZodType>(file: T) {
	return z
		.strictObject({
			/**
			 * The edition (date) the story was printed in; an edition file for it must exist.
			 * @example "2024-09-18"
			 */
			edition: isoDate,
			/**
			 * The number of the page (版面) of that edition the story was printed on.
			 * @example 5
			 */
			page: z.int().min(1),
			/**
			 * The story's place on its page in print order, 1 for the lead story (头条). Stories without
			 * one follow those with one, in file-name order.
			 * @example 1
			 */
			position: z.int().min(1).optional(),
			/**
			 * The column (栏目) the story ran under, if any.
			 * @example "文旅看台"
			 */
			column: urlSegmentText('a column name').optional(),
			/**
			 * The kicker (引题) printed above the headline, if any.
			 * @example "靶向施策提升楼院治理水平"
			 */
			kicker: text().optional(),
			/**
			 * The headline (主题).
			 * @example "二七区723个楼院实现“三类组织”全覆盖"
			 */
			headline: text(),
			/**
			 * The subheadline (副题) printed below the headline, if any.
			 * @example "政务服务实现“就近办、家门口办”"
			 */
			subheadline: text().optional(),
			/** The byline. */
			byline: bylineSchema,
			/**
			 * The dateline that opens the story, if any; the byline follows it in brackets.
			 * @example "本报讯"
			 */
			dateline: text().optional(),
			/**
			 * One or two sentences for lists, feeds and search results, taken from the story.
			 * @example "中牟县智慧旅游大数据监测和重点景区统计,中秋假期全县共接待游客76.57万人次。"
			 */
			summary: text().max(300),
			/**
			 * Ids of the datasets (file names under `data/`) the story's figures come from.
			 * @example ["mid-autumn-tourism-2024"]
			 */
			datasets: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a dataset id: lower-case letters, digits and hyphens, such as "erqi-governance"')).default([]),
			/** Photos printed with the story, in order. */
			images: z.array(imageEntrySchema(file)).default([]),
			/**
			 * When the story was first published, in Beijing time; the date alone when no time is
			 * known (the page then shows the date without a time; feeds, sitemaps and JSON-LD use the
			 * day's first moment, see `publicationInstant`).
			 * @example "2024-09-18T06:00:00+08:00"
			 */
			publishedAt: publicationTime,
			/**
			 * When the story was last changed, in Beijing time; omitted if never.
			 * @example "2024-09-18T15:30:00+08:00"
			 */
			updatedAt: shanghaiDateTime.optional(),
			/**
			 * Corrections (更正) made after publication, oldest first; each is shown above the story's
			 * body, and the latest date becomes the story's modification time.
			 * @example [{ "date": "2024-09-19T10:00:00+08:00", "text": "本文原称荥阳市旅游收入“3440万元”，应为“3440.67万元”。" }]
			 */
			corrections: z.array(correctionSchema).default([]),
			/**
			 * Numbers in the headline, kicker, subheadline, summary and captions that are not data
			 * figures, as printed (a hotline, a number in a name): every other figure-like number there
			 * must agree with a figure of the story's datasets.
			 * @example ["12345热线"]
			 */
			notFigures: z.array(text()).default([]),
			/**
			 * Drafts are shown by `npm run dev` and left out of every production build.
			 * @example false
			 */
			draft: z.boolean().default(false),
		})
		.superRefine((article, ctx) => {
			if (!article.draft) {
				article.images.forEach((image, index) => {
					if (image.alt === undefined) {
						ctx.addIssue({
							code: 'custom',
							path: ['images', index, 'alt'],
							input: image.alt,
							message: 'missing; expected alt text describing the image for readers who cannot see it (only a draft may leave it out)',
						});
					}
				});
			}
			article.images.forEach((image, index) => {
				if (image.alt !== undefined && image.caption !== undefined && image.alt === image.caption) {
					ctx.addIssue({
						code: 'custom',
						path: ['images', index, 'alt'],
						input: image.alt,
						message: 'received the caption again; expected alt text describing what the image shows, for readers who cannot see it',
					});
				}
			});
			article.corrections.forEach((correction, index) => {
				if (Date.parse(correction.date) < Date.parse(publicationInstant(article.publishedAt))) {
					ctx.addIssue({
						code: 'custom',
						path: ['corrections', index, 'date'],
						input: correction.date,
						message: `received "${correction.date}", before the story was published (${article.publishedAt}); expected the date the correction was made`,
					});
				}
			});
		});
}

/** The frontmatter schema for standalone validation, where an image file is a relative path. */
export const articleSchema = articleSchemaWith(z.string());

export type ArticleInput = z.input<typeof articleSchema>;
export type Article = z.output<typeof articleSchema>;
export type Byline = z.output<typeof bylineSchema>;
export type CorrectionInput = z.input<typeof correctionSchema>;
export type Correction = z.output<typeof correctionSchema>;
