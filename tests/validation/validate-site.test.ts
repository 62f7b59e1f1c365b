import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problem.ts';
import { validateSite } from '../../src/validation/validate-site.ts';
import { copySampleSite, editFile, projectRoot } from '../helpers/site-fixture.ts';

const ERQI = 'content/2024-09-18/erqi-louyuan-zhili.mdx';
const XINGYANG = 'content/2024-09-18/xingyang-zhongqiu-lvyou.mdx';
const TOURISM = 'data/mid-autumn-tourism-2024.json';

/** The copies a test made (some make two), removed after it. */
const roots: string[] = [];
afterEach(async () => {
	for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

/** Validates a copy of the sample site after `breakIt` damaged it; returns the problems as printed. */
async function problemsAfter(breakIt: (root: string) => Promise<void>): Promise<string[]> {
	const root = await copySampleSite();
	roots.push(root);
	await breakIt(root);
	const site = await validateSite(root);
	return site.problems.map(formatProblem);
}

describe('validateSite', () => {
	it('validateSite(sample) finds no problem and reads every edition, story and dataset', async () => {
		const site = await validateSite(projectRoot);
		expect(site.problems).toEqual([]);
		expect([...site.editions.keys()]).toEqual(['2024-09-18']);
		expect([...site.articles.keys()].sort()).toEqual([
			'2024-09-18/erqi-louyuan-zhili',
			'2024-09-18/xingyang-zhongqiu-lvyou',
			'2024-09-18/zhongmou-zhongqiu-lvyou',
			'2024-09-18/zhongyuan-zhengwu-fuwu',
		]);
		expect([...site.datasets.keys()]).toEqual(['erqi-governance', 'mid-autumn-tourism-2024', 'zhongyuan-government-services']);
	});

	it('validateSite refuses a place written two ways with a did-you-mean', async () => {
		expect(await problemsAfter((r) => editFile(r, TOURISM, (t) => t.replace('"place": "荥阳市",\n      "metric": "visitors"', '"place": "荥阳",\n      "metric": "visitors"')))).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:66  figures[4].place  received "荥阳"; did you mean "荥阳市"? expected each place written one way, as the dataset's other figures write it",
			]
		`);
	});

	it('validateSite refuses an unknown metric with a did-you-mean', async () => {
		expect(await problemsAfter((r) => editFile(r, TOURISM, (t) => t.replace('"metric": "visitors"', '"metric": "vistors"')))).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:14  figures[0].metric  received "vistors"; did you mean "visitors"? expected one of the holiday tourism metrics: visitors, revenue, spending-per-visitor, overnight-visitors, hotel-occupancy, ticket-revenue, activities, attendance, duration, drones",
			]
		`);
	});

	it('validateSite refuses a fragment of a sentence as a figure\'s source and prints the whole sentence', async () => {
		const problems = await problemsAfter((r) =>
			editFile(r, TOURISM, (t) => t.replace('"sentence": "全市旅游接待游客40.389万人次,实现旅游收入3440.67万元。"', '"sentence": "接待游客40.389万人次"')),
		);
		expect(problems).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:72  figures[4].source.sentence  figure "xingyang-visitors": received a fragment of a sentence of content/2024-09-18/xingyang-zhongqiu-lvyou.mdx ("接待游客40.389万人次"); expected the whole sentence: "全市旅游接待游客40.389万人次，实现旅游收入3440.67万元。"  → copy the whole sentence, from the end of the sentence before it to its own 。",
			]
		`);
		expect(problems[0]).toContain('expected the whole sentence: "全市旅游接待游客40.389万人次，实现旅游收入3440.67万元。"');
	});

	it.each([
		['headline', (t: string) => t.replace('headline: 中秋假期荥阳接待游客40.389万人次', 'headline: 中秋假期荥阳接待游客40.39万人次')],
		['kicker', (t: string) => t.replace('column: 文旅看台', 'column: 文旅看台\nkicker: 中秋假期迎客1999.9万人次')],
		['subheadline', (t: string) => t.replace('column: 文旅看台', 'column: 文旅看台\nsubheadline: 旅游收入超3500万元')],
		['summary', (t: string) => t.replace('实现旅游收入3440.67万元。\ndatasets', '实现旅游收入3440.76万元。\ndatasets')],
		['images[0].caption', (t: string) => t.replace('column: 文旅看台', 'column: 文旅看台\nimages:\n  - alt: 吾悦广场上空的无人机灯光秀\n    caption: 吾悦广场300架无人机点亮夜空')],
	])('validateSite fails a wrong number in the %s, naming the field, what it prints and the nearest figure', async (field, edit) => {
		const problems = await problemsAfter((r) => editFile(r, XINGYANG, edit));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(new RegExp(`^content/2024-09-18/xingyang-zhongqiu-lvyou\\.mdx:\\d+  ${field.replace(/[[\]]/g, '\\$&')}  prints "`));
		expect(problems[0]).toContain('the nearest figure in the data is');
	});

	it('validateSite accepts a headline number as the paper rounded it with its qualifier, and numbers marked as not figures', async () => {
		const problems = await problemsAfter((r) =>
			editFile(r, XINGYANG, (t) =>
				t.replace('column: 文旅看台', 'column: 文旅看台\nkicker: 游客近40.4万人次 咨询请拨12345热线 服务2024年9月18日\nnotFigures: ["12345热线"]'),
			),
		);
		expect(problems).toEqual([]);
		const wrong = await problemsAfter((r) => editFile(r, XINGYANG, (t) => t.replace('column: 文旅看台', 'column: 文旅看台\nkicker: 咨询请拨12345个热线')));
		expect(wrong).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/xingyang-zhongqiu-lvyou.mdx:6  kicker  prints "12345个", which no figure of the data prints; the nearest figure in the data is "xingyang-drones" 200架  → correct the number or the data; if it is not a data figure (a hotline, a number in a name), list it under notFigures",
			]
		`);
	});

	it.each([
		['figure', XINGYANG, 'figure="xingyang-visitors"', 'figure="xingyang-visitor"', '"xingyang-visitors"'],
		['chart', XINGYANG, 'chart="visitors"', 'chart="visitor"', '"visitors"'],
		['dataset in a component', XINGYANG, '<Num dataset="mid-autumn-tourism-2024" figure="xingyang-visitors"', '<Num dataset="mid-autum-tourism-2024" figure="xingyang-visitors"', '"mid-autumn-tourism-2024"'],
		['dataset in the frontmatter', XINGYANG, 'datasets: [mid-autumn-tourism-2024]', 'datasets: [mid-autumn-tourism-2025]', '"mid-autumn-tourism-2024"'],
		['story in a source', TOURISM, '"article": "2024-09-18/xingyang-zhongqiu-lvyou"', '"article": "2024-09-18/xingyang-zhongqiu-lvyu"', '"2024-09-18/xingyang-zhongqiu-lvyou"'],
	])('one mistyped %s id gives exactly one error, with a did-you-mean', async (_kind, file, from, to, meant) => {
		const problems = await problemsAfter((r) => editFile(r, file, (t) => t.replace(from, to)));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(`did you mean ${meant}?`);
	});

	it('validateSite refuses alt text a screen-reader user cannot use: one character, or the title again', async () => {
		const alt = '"alt": "中秋假期，中牟县接待游客76.57万人次，荥阳市接待游客40.389万人次。"';
		expect(await problemsAfter((r) => editFile(r, TOURISM, (t) => t.replace(alt, '"alt": "图"')))).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:133  charts[0].alt  expected alt text a screen-reader user can use: at least 10 characters saying what the chart shows, with its figures; received "图"",
			]
		`);
		expect(await problemsAfter((r) => editFile(r, TOURISM, (t) => t.replace(alt, '"alt": "2024年中秋假期两地接待游客"')))).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:133  charts[0].alt  received the title again ("2024年中秋假期两地接待游客"); expected alt text a screen-reader user can use, saying what the chart shows with its figures  → write the figures the chart shows in a sentence, such as 中牟县接待游客76.57万人次，荥阳市接待游客40.389万人次。",
			]
		`);
	});

	it('validateSite refuses a photo\'s alt text of one character, or its caption again', async () => {
		const alt = '  - alt: 福华街街道七一三社区为老人庆生的现场照片（原版照片未收录）';
		expect(await problemsAfter((r) => editFile(r, ERQI, (t) => t.replace(alt, '  - alt: 图')))).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/erqi-louyuan-zhili.mdx:14  images[0].alt  expected alt text a screen-reader user can use: at least 6 characters describing what the image shows; received "图"",
			]
		`);
		expect(await problemsAfter((r) => editFile(r, ERQI, (t) => t.replace(alt, '  - alt: 福华街街道七一三社区为老人庆生')))).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/erqi-louyuan-zhili.mdx:14  images[0].alt  received the caption again; expected alt text describing what the image shows, for readers who cannot see it",
			]
		`);
	});

	it('validateSite names a page that is not in the edition, with its line', async () => {
		expect(await problemsAfter((r) => editFile(r, ERQI, (t) => t.replace('page: 5', 'page: 7')))).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/erqi-louyuan-zhili.mdx:3  page  received 7; expected one of the pages of edition 2024-09-18: 5  → add page 7 to content/2024-09-18/edition.json, or correct the page number",
			]
		`);
	});

	it('validateSite names a dataset that does not exist', async () => {
		expect(
			await problemsAfter((r) => editFile(r, ERQI, (t) => t.replace('datasets: [erqi-governance]', 'datasets: [erqi-governence]'))),
		).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/erqi-louyuan-zhili.mdx:12  datasets[0]  received "erqi-governence"; did you mean "erqi-governance"? expected the id of a dataset in data/: erqi-governance, mid-autumn-tourism-2024, zhongyuan-government-services",
			]
		`);
	});

	it('validateSite names a story whose edition does not exist', async () => {
		expect(
			await problemsAfter(async (r) => {
				await rm(join(r, 'content/2024-09-18/edition.json'));
			}),
		).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/erqi-louyuan-zhili.mdx:2  edition  received "2024-09-18", but there is no content/2024-09-18/edition.json; expected an existing edition  → create content/2024-09-18/edition.json with the edition's pages",
			  "content/2024-09-18/xingyang-zhongqiu-lvyou.mdx:2  edition  received "2024-09-18", but there is no content/2024-09-18/edition.json; expected an existing edition  → create content/2024-09-18/edition.json with the edition's pages",
			  "content/2024-09-18/zhongmou-zhongqiu-lvyou.mdx:2  edition  received "2024-09-18", but there is no content/2024-09-18/edition.json; expected an existing edition  → create content/2024-09-18/edition.json with the edition's pages",
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:2  edition  received "2024-09-18", but there is no content/2024-09-18/edition.json; expected an existing edition  → create content/2024-09-18/edition.json with the edition's pages",
			]
		`);
	});

	it('validateSite names malformed JSON with its line', async () => {
		expect(
			await problemsAfter((r) => editFile(r, TOURISM, (t) => t.replace('"holiday": "中秋",', '"holiday": "中秋"'))),
		).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:5  (file)  malformed JSON (CommaExpected); expected valid JSON  → look for a missing comma, quote or bracket on this line or the one before",
			]
		`);
	});

	it('validateSite names an MDX syntax error with its line', async () => {
		expect(await problemsAfter((r) => editFile(r, XINGYANG, (t) => `${t}\n<Chart dataset="x">\n`))).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/xingyang-zhongqiu-lvyou.mdx:27  body  malformed MDX (Expected a closing tag for \`<Chart>\` (14:1-14:20)); expected valid MDX  → close every <Tag> you open, and write a literal { or < as \\{ or \\<",
			]
		`);
	});

	it('validateSite refuses a file saved as GBK and accepts one with a UTF-8 byte-order mark', async () => {
		expect(
			await problemsAfter(async (r) => {
				await writeFile(join(r, XINGYANG), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]));
				await editFile(r, ERQI, (t) => `\uFEFF${t}`);
			}),
		).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/xingyang-zhongqiu-lvyou.mdx  (file)  the file is not valid UTF-8 (it may have been saved as GBK); expected UTF-8 text  → save it again as "UTF-8" in your editor",
			]
		`);
	});

	it('validateSite names a figure whose source article does not exist', async () => {
		expect(
			await problemsAfter((r) =>
				editFile(r, TOURISM, (t) => t.replace('"article": "2024-09-18/xingyang-zhongqiu-lvyou"', '"article": "2024-09-18/xingyang"')),
			),
		).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:71  figures[4].source.article  received "2024-09-18/xingyang"; expected the id of a story, such as "2024-09-18/erqi-louyuan-zhili"",
			]
		`);
	});

	it('validateSite names a figure whose sentence is gone from its story', async () => {
		expect(
			await problemsAfter((r) => editFile(r, XINGYANG, (t) => t.replace('全市旅游接待游客<Num', '全市共接待游客<Num'))),
		).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:72  figures[4].source.sentence  figure "xingyang-visitors": the sentence no longer appears in content/2024-09-18/xingyang-zhongqiu-lvyou.mdx; expected it verbatim: "全市旅游接待游客40.389万人次,实现旅游收入3440.67万元。"  → copy the sentence again from the story, or correct the story",
			]
		`);
	});

	it('validateSite names the figure, the story and the sentence when a dataset value changes under a bound sentence', async () => {
		expect(
			await problemsAfter((r) => editFile(r, TOURISM, (t) => t.replace('"value": 403890', '"value": 403900'))),
		).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:64  figures[4].value  figure "xingyang-visitors": the data now prints "40.390万人次" where the story's sentence in content/2024-09-18/xingyang-zhongqiu-lvyou.mdx printed "40.389万人次" (the charts[0].alt of data/mid-autumn-tourism-2024.json, its headline, its summary print "40.389万人次" too): "全市旅游接待游客40.389万人次,实现旅游收入3440.67万元。"; expected the data and the story to agree  → the story prints this figure with <Num>, so it changed with the data: if the data is right, copy the sentence again with "40.390万人次"; if the story was right, correct the value",
			]
		`);
	});

	it('validateSite names an edition whose date does not match its folder', async () => {
		expect(
			await problemsAfter((r) =>
				editFile(r, 'content/2024-09-18/edition.json', (t) => t.replace('"date": "2024-09-18"', '"date": "2024-09-19"')),
			),
		).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/edition.json:2  date  received "2024-09-19"; expected "2024-09-18", the name of the edition's folder",
			]
		`);
	});

	it('validateSite names an empty file', async () => {
		expect(await problemsAfter((r) => writeFile(join(r, 'data/empty.json'), ''))).toMatchInlineSnapshot(`
			[
			  "data/empty.json  (file)  the file is empty; expected its content",
			]
		`);
	});

	it('validateSite names an image file that is not there', async () => {
		expect(
			await problemsAfter((r) =>
				editFile(r, ERQI, (t) => t.replace('  - alt:', '  - file: ./photos/missing.jpg\n    alt:')),
			),
		).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/erqi-louyuan-zhili.mdx:14  images[0].file  received "./photos/missing.jpg", but there is no such file next to the story; expected an image file",
			]
		`);
	});

	it('validateSite names a broken site config', async () => {
		expect(
			await problemsAfter((r) => editFile(r, 'site.config.json', (t) => t.replace('"base": "/"', '"base": "paper"'))),
		).toMatchInlineSnapshot(`
			[
			  "site.config.json:5  base  expected a path that starts and ends with "/", such as "/" or "/paper/"; received "paper"",
			]
		`);
	});

	it('validateSite reports every problem at once, not just the first', async () => {
		const problems = await problemsAfter(async (r) => {
			await editFile(r, ERQI, (t) => t.replace('page: 5', 'page: 7'));
			await editFile(r, TOURISM, (t) => t.replace('"value": 403890', '"value": -1'));
			await editFile(r, XINGYANG, (t) => t.replace(/^headline:.*$/m, ''));
		});
		expect(problems).toHaveLength(3);
	});
});
