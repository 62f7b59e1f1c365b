import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { articleSchema, type ArticleInput } from '../../src/schemas/article.ts';
import { datasetSchema } from '../../src/schemas/dataset.ts';
import { editionSchema } from '../../src/schemas/edition.ts';
import { siteConfigSchema } from '../../src/schemas/site.ts';
import { messagesFor } from '../helpers/problems.ts';

const article: ArticleInput = {
	edition: '2024-09-18',
	page: 5,
	column: '文旅看台',
	kicker: '引题',
	headline: '中原区高频业务下沉街道社区',
	subheadline: '副题',
	byline: { reporters: ['唐善普'], correspondents: ['赵晓华'], credit: '文/图' },
	dateline: '本报讯',
	summary: '中原区行政审批和政务信息管理局高度重视政务服务体系建设。',
	images: [{ alt: '居民在楼院里议事的照片', caption: '图说', credit: '记者 摄' }],
	corrections: [{ date: '2024-09-19T10:00:00+08:00', text: '更正说明。' }],
	publishedAt: '2024-09-18T00:00:00+08:00',
};
const edition = { date: '2024-09-18', pages: [{ number: 5, name: '区县新闻' }], notes: ['本期日期为示例假定。'] };
const site = { name: '示例日报', description: '示例日报数字报', url: 'https://example.org' };
const sample = (id: string) => JSON.parse(readFileSync(new URL(`../../data/${id}.json`, import.meta.url), 'utf8'));
const tourism = {
	...sample('mid-autumn-tourism-2024'),
	origin: { name: '郑州市统计局' },
	changes: [{ date: '2024-09-19T10:00:00+08:00', description: '数据更正。' }],
};
tourism.figures[0].period = '2024年';
tourism.charts[0].notes = ['注释'];
const governance = sample('erqi-governance');

/** Every text field of every schema, with a valid input holding it: the field path as the build names it. */
const FIELDS: [schema: z.ZodType, input: unknown, file: string, paths: (string | number)[][]][] = [
	[
		articleSchema,
		article,
		'content/2024-09-18/a.mdx',
		[
			['column'],
			['kicker'],
			['headline'],
			['subheadline'],
			['byline', 'reporters', 0],
			['byline', 'correspondents', 0],
			['byline', 'credit'],
			['dateline'],
			['summary'],
			['images', 0, 'alt'],
			['images', 0, 'caption'],
			['images', 0, 'credit'],
			['corrections', 0, 'text'],
		],
	],
	[editionSchema, edition, 'content/2024-09-18/edition.json', [['pages', 0, 'name'], ['notes', 0]]],
	[siteConfigSchema, site, 'site.config.json', [['name'], ['description']]],
	[
		datasetSchema,
		tourism,
		'data/mid-autumn-tourism-2024.json',
		[
			['title'],
			['description'],
			['holiday'],
			['origin', 'name'],
			['changes', 0, 'description'],
			['figures', 0, 'label'],
			['figures', 0, 'unit'],
			['figures', 0, 'place'],
			['figures', 0, 'period'],
			['figures', 0, 'source', 'sentence'],
			['derived', 0, 'label'],
			['derived', 0, 'unit'],
			['derived', 0, 'place'],
			['charts', 0, 'title'],
			['charts', 0, 'alt'],
			['charts', 0, 'notes', 0],
		],
	],
	[datasetSchema, governance, 'data/erqi-governance.json', [['region']]],
];

const CASES = FIELDS.flatMap(([schema, input, file, paths]) => paths.map((path) => ({ schema, input, file, path, field: path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('').slice(1) })));

function withField(input: unknown, path: (string | number)[], change: (value: string) => string): unknown {
	const copy = structuredClone(input) as Record<string | number, unknown>;
	let node = copy;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	const last = path.at(-1)!;
	node[last] = change(node[last] as string);
	return copy;
}

describe('one rule for every text field', () => {
	it('the valid inputs are valid, so each case below changes one field only', () => {
		for (const [schema, input, file] of FIELDS) expect(messagesFor(schema, input, file)).toEqual([]);
	});

	it.each(CASES)('$file $field refuses U+0000, U+0008 and U+FFFE, which XML forbids, naming the file and field', ({ schema, input, file, path, field }) => {
		for (const character of ['\u0000', '\u0008', '\uFFFE']) {
			const messages = messagesFor(schema, withField(input, path, (value) => `${value.slice(0, 1)}${character}${value.slice(1)}`), file);
			expect(messages).toHaveLength(1);
			expect(messages[0]).toContain(`${file}  ${field}  received text holding the control character or non-character U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position 2; expected plain text`);
		}
	});

	it.each(CASES)('$file $field refuses text made only of invisible characters, naming the file and field', ({ schema, input, file, path, field }) => {
		const messages = messagesFor(schema, withField(input, path, () => '\u200b\u200c\u200d\u2060'), file);
		expect(messages).toEqual([`${file}  ${field}  received "\\u200B\\u200C\\u200D\\u2060", which has no visible character; expected some text a reader can see`]);
	});

	it('refuses bidirectional overrides and isolates: they reorder what a reader sees, so 收入3440万元 could show as something else', () => {
		for (const character of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
			expect(messagesFor(articleSchema, { ...article, headline: `收入${character}3440万元` })).toEqual([
				`file.json  headline  received text holding the bidirectional control U+${character.charCodeAt(0).toString(16).toUpperCase()} at position 3; expected plain text (the character reorders what readers see, so the text would not read as it is written)`,
			]);
		}
	});

	it('accepts what Chinese text does need: full-width punctuation, spaces between parts of a headline, line breaks in a long summary, emoji with joiners', () => {
		expect(messagesFor(articleSchema, { ...article, headline: '中原区高频业务下沉 政务服务实现“就近办、家门口办”', summary: '第一句。\n第二句。', kicker: '👨‍👩‍👧 家庭游' })).toEqual([]);
	});
});

describe('values that become part of an address', () => {
	it.each(['政务/服务', '../../x', '文旅 看台', '政务\\服务', '文旅:看台', '问答?', '#话题', '100%', '.hidden'])('a column named %j is refused with what is allowed, naming the file and field', (column) => {
		const [message] = messagesFor(articleSchema, { ...article, column }, 'content/2024-09-18/a.mdx');
		expect(message).toMatch(/^content\/2024-09-18\/a\.mdx {2}column {2}received ".*"; expected a column name without spaces, \/ \\ : \* \? " < > \| # % or a leading dot, since it becomes part of an address$/);
	});

	it('a Chinese column name, as the sample uses, is accepted', () => {
		expect(articleSchema.parse({ ...article, column: '文旅看台' }).column).toBe('文旅看台');
	});

	it('a dataset id a story lists must be an id, since it becomes the address data/<id>/', () => {
		expect(messagesFor(articleSchema, { ...article, datasets: ['../secrets'] })).toEqual([
			'file.json  datasets[0]  expected a dataset id: lower-case letters, digits and hyphens, such as "erqi-governance"; received "../secrets"',
		]);
	});

	it('an image path may not climb out of content/', () => {
		expect(messagesFor(articleSchema, { ...article, images: [{ file: './../../../etc/x.png', alt: '居民在楼院里议事的照片' }] })).toEqual([
			'file.json  images[0].file  received "./../../../etc/x.png", which leads out of content/; expected an image inside content/, such as "./photos/birthday.jpg"',
		]);
		expect(messagesFor(articleSchema, { ...article, images: [{ file: '../2024-09-17/photos/a.jpg', alt: '居民在楼院里议事的照片' }] })).toEqual([]);
	});
});

describe('odd numbers in a dataset', () => {
	it('-0 is read as 0, so it never prints as "-0"', () => {
		const input = structuredClone(governance);
		input.figures[0].value = -0;
		const parsed = datasetSchema.parse(input);
		expect(Object.is(parsed.figures[0]!.value, 0)).toBe(true);
	});

	it('a value that is not 0 but prints as 0 at its precision is refused, once, saying why', () => {
		const input = structuredClone(tourism);
		const revenue = input.figures.findIndex((entry: { unit: string }) => entry.unit === '万元' || entry.unit === '元');
		input.figures[revenue].value = 1e-12;
		expect(messagesFor(datasetSchema, input, 'data/t.json')).toEqual([
			`data/t.json  figures[${revenue}].value  received 1e-12, which prints as "0.00" with ${input.figures[revenue].fractionDigits} decimal places; expected a value that does not print as 0 (check the value, or raise fractionDigits to the digits the paper printed)`,
		]);
		// A count of people cannot be 1e-12 in the first place, which is the one thing said.
		input.figures[revenue].value = 3440;
		input.figures[0].value = 1e-12;
		expect(messagesFor(datasetSchema, input, 'data/t.json')).toEqual([expect.stringContaining('figures[0].value  expected a whole number of 人次, received 1e-12')]);
	});
});
