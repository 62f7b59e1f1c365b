import { describe, expect, it } from 'vitest';
import { articleSchema, type ArticleInput } from '../../src/schemas/article.ts';
import { isDateAlone, publicationInstant } from '../../src/schemas/iso-date.ts';
import { messagesFor } from '../helpers/problems.ts';

const valid: ArticleInput = {
	edition: '2024-09-18',
	page: 5,
	headline: '中原区高频业务下沉街道社区 政务服务实现“就近办、家门口办”',
	byline: { reporters: ['唐善普'], correspondents: ['赵晓华', '李希闻'] },
	dateline: '本报讯',
	summary: '中原区行政审批和政务信息管理局高度重视政务服务体系建设。',
	publishedAt: '2024-09-18T00:00:00+08:00',
};

describe('articleSchema', () => {
	it('articleSchema accepts a complete story and fills the defaults', () => {
		const article = articleSchema.parse(valid);
		expect(article.datasets).toEqual([]);
		expect(article.images).toEqual([]);
		expect(article.draft).toBe(false);
	});

	it('articleSchema accepts YAML dates that the parser already turned into Date objects', () => {
		const article = articleSchema.parse({ ...valid, edition: new Date('2024-09-18'), publishedAt: new Date('2024-09-17T22:00:00Z') });
		expect(article.edition).toBe('2024-09-18');
		expect(article.publishedAt).toBe('2024-09-18T06:00:00+08:00');
	});

	it('articleSchema accepts the date alone when no time is known; publicationInstant gives that day’s first moment in Beijing', () => {
		const article = articleSchema.parse({ ...valid, publishedAt: '2024-09-18' });
		expect(article.publishedAt).toBe('2024-09-18');
		expect(isDateAlone(article.publishedAt)).toBe(true);
		expect(publicationInstant(article.publishedAt)).toBe('2024-09-18T00:00:00+08:00');
		expect(isDateAlone(valid.publishedAt as string)).toBe(false);
		expect(publicationInstant(valid.publishedAt as string)).toBe(valid.publishedAt);
	});

	it('articleSchema refuses a correction dated before a publication given as a date alone', () => {
		const corrections = [{ date: '2024-09-17T23:00:00+08:00', text: '更正。' }];
		expect(messagesFor(articleSchema, { ...valid, publishedAt: '2024-09-18', corrections })).toMatchInlineSnapshot(`
			[
			  "file.json  corrections[0].date  received "2024-09-17T23:00:00+08:00", before the story was published (2024-09-18); expected the date the correction was made",
			]
		`);
	});

	it('articleSchema names a missing headline', () => {
		const { headline, ...input } = valid;
		expect(messagesFor(articleSchema, input, 'content/2024-09-18/a.mdx')).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/a.mdx  headline  missing; expected string",
			]
		`);
	});

	it('articleSchema refuses a time without the +08:00 offset', () => {
		expect(messagesFor(articleSchema, { ...valid, publishedAt: '2024-09-18T06:00:00Z' })).toMatchInlineSnapshot(`
			[
			  "file.json  publishedAt  expected a date and time with the +08:00 offset, such as "2024-09-18T06:00:00+08:00"; received "2024-09-18T06:00:00Z"",
			]
		`);
	});

	it('articleSchema refuses an impossible date', () => {
		expect(messagesFor(articleSchema, { ...valid, edition: '2024-02-30' })).toMatchInlineSnapshot(`
			[
			  "file.json  edition  expected a date written as YYYY-MM-DD, such as "2024-09-18"; received "2024-02-30"",
			]
		`);
	});

	it('articleSchema refuses a page that is not a whole number', () => {
		expect(messagesFor(articleSchema, { ...valid, page: '五' })).toMatchInlineSnapshot(`
			[
			  "file.json  page  expected number, received string",
			]
		`);
	});

	it('articleSchema requires alt text on every image', () => {
		expect(messagesFor(articleSchema, { ...valid, images: [{ caption: '图说' }] })).toMatchInlineSnapshot(`
			[
			  "file.json  images[0].alt  missing; expected alt text describing the image for readers who cannot see it (only a draft may leave it out)",
			]
		`);
	});

	it('articleSchema lets a draft leave alt text out for now', () => {
		expect(messagesFor(articleSchema, { ...valid, draft: true, images: [{ caption: '图说' }] })).toEqual([]);
	});

	it('articleSchema accepts dated corrections and refuses one dated before publication', () => {
		const correction = { date: '2024-09-19T10:00:00+08:00', text: '本文原称“3440万元”，应为“3440.67万元”。' };
		expect(articleSchema.parse({ ...valid, corrections: [correction] }).corrections).toEqual([correction]);
		expect(messagesFor(articleSchema, { ...valid, corrections: [{ ...correction, date: '2024-09-17T10:00:00+08:00' }] })).toMatchInlineSnapshot(`
			[
			  "file.json  corrections[0].date  received "2024-09-17T10:00:00+08:00", before the story was published (2024-09-18T00:00:00+08:00); expected the date the correction was made",
			]
		`);
	});

	it('articleSchema names an unknown field, such as a misspelt one', () => {
		expect(messagesFor(articleSchema, { ...valid, headlin: 'x' })).toMatchInlineSnapshot(`
			[
			  "file.json  headlin  unknown field "headlin"; expected only the fields the schema documents",
			]
		`);
	});
});
