import { describe, expect, it } from 'vitest';
import { pagefindInput, searchPage } from '../../src/search/search-pages.ts';
import { pageUrl } from '../../src/search/write-part.ts';

/** A story page as the article route writes it, with `around` outside the searchable element. */
function storyPage({ edition = '2024-09-18', column = '文旅看台', text = '中秋假期荥阳接待游客。', around = '' } = {}): string {
	return [
		`<!DOCTYPE html><html lang="zh-CN"><head><link rel="stylesheet" href="/_astro/style.${around}.css"></head><body>`,
		`<nav>${around}</nav>`,
		'<article class="story" data-pagefind-body>',
		`<div hidden data-pagefind-meta="date:2024年9月18日" data-pagefind-filter="edition:${edition}"></div>`,
		`<div hidden data-pagefind-meta="page:第05版：区县新闻" data-pagefind-filter="page:第05版：区县新闻"></div>`,
		`<div hidden data-pagefind-filter="column:${column}"></div>`,
		`<h1 data-pagefind-meta="title">标题</h1><div class="story__body"><p>${text}</p><article><p>嵌入的引文</p></article><p>末段。</p></div>`,
		'</article>',
		`<aside class="related">${around}</aside></body></html>`,
	].join('');
}

describe('searchPage', () => {
	it('searchPage(path, html) puts a story in its edition’s month and reads its filters, unescaped', () => {
		const page = searchPage('2024-09-18/05/a/index.html', storyPage({ column: '文旅&amp;看台' }));
		expect(page).toMatchObject({ part: '2024-09', filters: { edition: '2024-09-18', page: '第05版：区县新闻', column: '文旅&看台' } });
	});

	it('searchPage(path, html) skips a page without data-pagefind-body', () => {
		expect(searchPage('archive/index.html', '<html lang="zh-CN"><body><h1>往期</h1></body></html>')).toBeUndefined();
	});

	it('searchPage(path, html) gives the same hash when only what is outside the searchable element changed', () => {
		const before = searchPage('2024-09-18/05/a/index.html', storyPage({ around: 'A1' }));
		const after = searchPage('2024-09-18/05/a/index.html', storyPage({ around: 'B2' }));
		const corrected = searchPage('2024-09-18/05/a/index.html', storyPage({ around: 'A1', text: '更正后的句子。' }));
		expect(after!.hash).toBe(before!.hash);
		expect(corrected!.hash).not.toBe(before!.hash);
	});

	it('searchPage(path, html) names the file and what it found when the edition filter is missing', () => {
		expect(() => searchPage('x/index.html', storyPage({ edition: 'tomorrow' }))).toThrow(
			'x/index.html: a page that search finds needs data-pagefind-filter="edition:YYYY-MM-DD" inside its data-pagefind-body element, which decides the part of the search index it goes into; found edition "tomorrow".',
		);
	});
});

describe('pagefindInput', () => {
	it('pagefindInput(path, html) keeps the whole searchable element, nested elements of its kind included', () => {
		const input = pagefindInput('a/index.html', storyPage({ around: 'NAV' }))!;
		expect(input).toMatch(/^<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><\/head><body><article class="story" data-pagefind-body>/);
		expect(input).toContain('<article><p>嵌入的引文</p></article><p>末段。</p></div></article></body></html>');
		expect(input).not.toContain('NAV');
	});

	it('pagefindInput(path, html) names the file when the element is not closed', () => {
		expect(() => pagefindInput('a/index.html', '<html><body><article data-pagefind-body><p>x</p></body></html>')).toThrow('a/index.html: the <article data-pagefind-body> element is not closed.');
	});
});

describe('pageUrl', () => {
	it('pageUrl(sourcePath) gives the URL Pagefind gives, percent-encoding as it does', () => {
		expect(pageUrl('2024-09-18/05/erqi-louyuan-zhili/index.html')).toBe('/2024-09-18/05/erqi-louyuan-zhili/');
		expect(pageUrl('index.html')).toBe('/');
		expect(pageUrl('a b/楼院#1/index.html')).toBe('/a%20b/%E6%A5%BC%E9%99%A2%231/');
	});
});
