import { describe, expect, it } from 'vitest';
import { editionSchema } from '../../src/schemas/edition.ts';
import { siteConfigSchema } from '../../src/schemas/site.ts';
import { messagesFor } from '../helpers/problems.ts';

describe('editionSchema', () => {
	it('editionSchema accepts an edition without an issue number', () => {
		expect(editionSchema.parse({ date: '2024-09-18', pages: [{ number: 5, name: '区县新闻' }] }).notes).toEqual([]);
	});

	it('editionSchema refuses an edition without pages', () => {
		expect(messagesFor(editionSchema, { date: '2024-09-18', pages: [] })).toMatchInlineSnapshot(`
			[
			  "file.json  pages  expected at least one page; received a list of 0",
			]
		`);
	});

	it('editionSchema refuses two pages with one number', () => {
		expect(
			messagesFor(editionSchema, {
				date: '2024-09-18',
				pages: [
					{ number: 5, name: '区县新闻' },
					{ number: 5, name: '文旅' },
				],
			}),
		).toMatchInlineSnapshot(`
			[
			  "file.json  pages[1].number  duplicate page number 5; expected each page of the edition to have its own number",
			]
		`);
	});
});

describe('page scans in editionSchema', () => {
	const page = (scan: unknown) => ({ date: '2024-09-19', pages: [{ number: 5, name: '区县新闻', scan }] });
	const region = { story: 'erqi-louyuan-zhili', x: 0, y: 0, width: 10, height: 10 };

	it('editionSchema accepts a scan with an image, a PDF and regions', () => {
		expect(editionSchema.parse(page({ image: './scans/05.png', pdf: './scans/05.pdf', regions: [region] })).pages[0].scan?.regions).toEqual([region]);
	});

	it('editionSchema refuses a scan without regions, a region of no size and an image that is not one', () => {
		expect(messagesFor(editionSchema, page({ image: './scans/05.gif', regions: [] }))).toMatchInlineSnapshot(`
			[
			  "file.json  pages[0].scan.image  expected a file such as "./scans/05.png"; received "./scans/05.gif"",
			  "file.json  pages[0].scan.regions  expected one region per story of the page; received a list of 0",
			]
		`);
		expect(messagesFor(editionSchema, page({ image: './scans/05.png', regions: [{ ...region, width: 0, x: -1 }] }))).toMatchInlineSnapshot(`
			[
			  "file.json  pages[0].scan.regions[0].x  expected pixels from the image’s left edge, 0 or more; received -1",
			  "file.json  pages[0].scan.regions[0].width  expected a width in pixels, 1 or more; received 0",
			]
		`);
	});
});

describe('siteConfigSchema', () => {
	const valid = { name: '示例日报', description: '示例', url: 'https://example.org' };

	it('siteConfigSchema fills the base path, language and time zone', () => {
		expect(siteConfigSchema.parse(valid)).toMatchObject({ base: '/', language: 'zh-CN', timeZone: 'Asia/Shanghai', weekStart: 'monday' });
		expect(siteConfigSchema.parse(valid).correctionsPolicy).toBeUndefined();
	});

	it('siteConfigSchema refuses a calendar week that starts on another day', () => {
		expect(messagesFor(siteConfigSchema, { ...valid, weekStart: 'saturday' }, 'site.config.json')).toMatchInlineSnapshot(`
			[
			  "site.config.json  weekStart  expected one of "monday"|"sunday"; received "saturday"",
			]
		`);
	});

	it('siteConfigSchema refuses a base path without slashes', () => {
		expect(messagesFor(siteConfigSchema, { ...valid, base: 'paper' }, 'site.config.json')).toMatchInlineSnapshot(`
			[
			  "site.config.json  base  expected a path that starts and ends with "/", such as "/" or "/paper/"; received "paper"",
			]
		`);
	});

	it('siteConfigSchema refuses a site URL that is not http(s)', () => {
		expect(messagesFor(siteConfigSchema, { ...valid, url: 'example.org' }, 'site.config.json')).toMatchInlineSnapshot(`
			[
			  "site.config.json  url  expected an absolute http(s) address such as "https://paper.example.cn"; received "example.org"",
			]
		`);
	});
});
