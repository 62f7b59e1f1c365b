import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation, halfWidthMarks, withFullWidthPunctuation, withFullWidthPunctuationDeep } from '../../src/core/chinese-punctuation.ts';

describe('fullWidthPunctuation', () => {
	it('fullWidthPunctuation(text) prints , ; : ! ? between Han characters full-width', () => {
		expect(fullWidthPunctuation('景区统计,中秋假期;全县:共接待!好?')).toBe('景区统计，中秋假期；全县：共接待！好？');
	});

	it('fullWidthPunctuation(text) prints a bracket pair in Chinese text full-width, dropping the spaces around it', () => {
		expect(fullWidthPunctuation('本报讯(记者 史治国)')).toBe('本报讯（记者 史治国）');
		expect(fullWidthPunctuation('本报讯 (记者 史治国) 今年')).toBe('本报讯（记者 史治国）今年');
		expect(fullWidthPunctuation('76个村(社区)党组织')).toBe('76个村（社区）党组织');
	});

	it('fullWidthPunctuation(text) takes the spaces a half-width mark had after it', () => {
		expect(fullWidthPunctuation('统计, 中秋')).toBe('统计，中秋');
	});

	it('fullWidthPunctuation(text) leaves numbers, times and Latin text alone', () => {
		for (const text of ['1,000', '3.5', '10:30', 'Hello, world (again); ok: yes!', 'f(x) = 1, 2', '共1,000人']) {
			expect(fullWidthPunctuation(text)).toBe(text);
		}
	});

	it('fullWidthPunctuation(text) judges a mark by its Chinese neighbour on either side', () => {
		expect(fullWidthPunctuation('40.389万人次,实现')).toBe('40.389万人次，实现');
		expect(fullWidthPunctuation('游客76.57万人次。3440.67,实现')).toBe('游客76.57万人次。3440.67，实现');
		expect(fullWidthPunctuation('“可观”,“可感”')).toBe('“可观”,“可感”');
	});
});

describe('halfWidthMarks', () => {
	it('halfWidthMarks(text) lists each mark the site prints full-width, and nothing in Latin text', () => {
		expect(halfWidthMarks('统计,中秋(假期)')).toEqual([
			{ index: 2, mark: ',', fullWidth: '，' },
			{ index: 5, mark: '(', fullWidth: '（' },
			{ index: 8, mark: ')', fullWidth: '）' },
		]);
		expect(halfWidthMarks('1,000 and (x); y')).toEqual([]);
	});
});

describe('withFullWidthPunctuation', () => {
	it('withFullWidthPunctuation(article) prints the text a reader sees full-width and leaves names alone', () => {
		const article = withFullWidthPunctuation({
			headline: '中秋假期,荥阳',
			summary: '统计,全县',
			byline: { credit: '文/图', reporters: ['史治国'] },
			images: [{ alt: '照片,夜景', caption: undefined }],
			corrections: [{ text: '本文原称(错),应为' }],
		});
		expect(article).toMatchObject({
			headline: '中秋假期，荥阳',
			summary: '统计，全县',
			byline: { credit: '文/图', reporters: ['史治国'] },
			images: [{ alt: '照片，夜景' }],
			corrections: [{ text: '本文原称（错），应为' }],
		});
	});
});

describe('withFullWidthPunctuationDeep', () => {
	it('withFullWidthPunctuationDeep(json) prints every string of a dataset full-width and leaves ids, numbers and URLs alone', () => {
		const dataset = { id: 'a-b', title: '向街道(社区)延伸', figures: [{ value: 1.5, label: '村(社区),中心', source: { article: '2024-09-18/a', url: 'https://example.org/a,b' } }] };
		expect(withFullWidthPunctuationDeep(dataset)).toEqual({
			id: 'a-b',
			title: '向街道（社区）延伸',
			figures: [{ value: 1.5, label: '村（社区），中心', source: { article: '2024-09-18/a', url: 'https://example.org/a,b' } }],
		});
	});
});
