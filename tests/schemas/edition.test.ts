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

describe('siteConfigSchema', () => {
	const valid = { name: '示例日报', description: '示例', url: 'https://example.org' };

	it('siteConfigSchema fills the base path, language and time zone', () => {
		expect(siteConfigSchema.parse(valid)).toMatchObject({ base: '/', language: 'zh-CN', timeZone: 'Asia/Shanghai' });
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
