import { describe, expect, it } from 'vitest';
import { lastModified, newsArticleJsonLd, newsMediaOrganizationJsonLd } from '../../src/site/json-ld.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { siteConfigSchema } from '../../src/schemas/site.ts';

const published = '2024-09-19T06:00:00+08:00';

describe('lastModified', () => {
	it('lastModified(article) is the publication time of a story never changed', () => {
		expect(lastModified({ publishedAt: published, corrections: [] })).toBe(published);
	});

	it('lastModified(article) is the latest of the update time and the corrections’ dates', () => {
		const corrections = [
			{ date: '2024-09-19T18:00:00+08:00', text: '更正一' },
			{ date: '2024-09-20T09:00:00+08:00', text: '更正二' },
		];
		expect(lastModified({ publishedAt: published, updatedAt: '2024-09-19T15:30:00+08:00', corrections })).toBe('2024-09-20T09:00:00+08:00');
		expect(lastModified({ publishedAt: published, updatedAt: '2024-09-21T08:00:00+08:00', corrections })).toBe('2024-09-21T08:00:00+08:00');
	});
});

describe('newsArticleJsonLd and newsMediaOrganizationJsonLd', () => {
	const site = siteConfigSchema.parse({ name: '示例日报', description: '示例', url: 'https://example.org' });
	const article = articleSchema.parse({
		edition: '2024-09-19',
		page: 5,
		headline: '主题',
		byline: { reporters: ['张三'] },
		summary: '导语。',
		publishedAt: published,
		corrections: [
			{ date: '2024-09-19T18:00:00+08:00', text: '更正一' },
			{ date: '2024-09-20T09:00:00+08:00', text: '更正二' },
		],
	});
	const urls = { article: 'https://example.org/a/', edition: 'https://example.org/e/', site: 'https://example.org/', image: 'https://example.org/a.png' };

	it('newsArticleJsonLd(input) writes each correction as a CorrectionComment, oldest first, and the latest as dateModified', () => {
		const value = newsArticleJsonLd({ article, edition: { date: '2024-09-19' }, page: { number: 5, name: '区县新闻' }, site, urls });
		expect(value.correction).toEqual([
			{ '@type': 'CorrectionComment', datePublished: '2024-09-19T18:00:00+08:00', text: '更正一' },
			{ '@type': 'CorrectionComment', datePublished: '2024-09-20T09:00:00+08:00', text: '更正二' },
		]);
		expect(value.dateModified).toBe('2024-09-20T09:00:00+08:00');
		expect(value.publisher).toEqual({ '@type': 'NewsMediaOrganization', name: '示例日报', url: 'https://example.org/' });
	});

	it('newsArticleJsonLd(input) has no correction for a story never corrected, and names the corrections policy when there is one', () => {
		const value = newsArticleJsonLd({
			article: { ...article, corrections: [] },
			edition: { date: '2024-09-19' },
			page: { number: 5, name: '区县新闻' },
			site,
			urls: { ...urls, correctionsPolicy: 'https://example.org/corrections/policy/' },
		});
		expect(value).not.toHaveProperty('correction');
		expect((value.publisher as { correctionsPolicy: string }).correctionsPolicy).toBe('https://example.org/corrections/policy/');
	});

	it('newsMediaOrganizationJsonLd(site, urls) names correctionsPolicy only when the site has a policy page', () => {
		expect(newsMediaOrganizationJsonLd(site, { site: urls.site })).toEqual({ '@context': 'https://schema.org', '@type': 'NewsMediaOrganization', name: '示例日报', url: 'https://example.org/' });
		expect(newsMediaOrganizationJsonLd(site, { site: urls.site, correctionsPolicy: 'https://example.org/corrections/policy/' }).correctionsPolicy).toBe('https://example.org/corrections/policy/');
	});
});
