import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/validation/problem.ts';
import { validateSite } from '../../src/validation/validate-site.ts';
import { copySampleSite, editFile, projectRoot } from '../helpers/site-fixture.ts';

const ERQI = 'content/2024-09-18/erqi-louyuan-zhili.mdx';
const XINGYANG = 'content/2024-09-18/xingyang-zhongqiu-lvyou.mdx';
const TOURISM = 'data/mid-autumn-tourism-2024.json';

let root: string | undefined;
afterEach(async () => {
	if (root) await rm(root, { recursive: true, force: true });
	root = undefined;
});

/** Validates a copy of the sample site after `breakIt` damaged it; returns the problems as printed. */
async function problemsAfter(breakIt: (root: string) => Promise<void>): Promise<string[]> {
	root = await copySampleSite();
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
			  "content/2024-09-18/erqi-louyuan-zhili.mdx:12  datasets[0]  received "erqi-governence"; expected the id of a dataset in data/: erqi-governance, mid-autumn-tourism-2024, zhongyuan-government-services",
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
			  "content/2024-09-18/xingyang-zhongqiu-lvyou.mdx:25  body  the story's MDX is malformed: Expected a closing tag for \`<Chart>\` (12:1-12:20)  → close every <Tag> you open, and write a literal { or < as \\{ or \\<",
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
			await problemsAfter((r) => editFile(r, XINGYANG, (t) => t.replaceAll('全市旅游接待游客40.389万人次', '全市共接待游客40.389万人次'))),
		).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:72  figures[4].source.sentence  figure "xingyang-visitors": the sentence no longer appears in content/2024-09-18/xingyang-zhongqiu-lvyou.mdx; expected it verbatim: "全市旅游接待游客40.389万人次,实现旅游收入3440.67万元。"  → copy the sentence again from the story, or correct the story",
			  "data/mid-autumn-tourism-2024.json:86  figures[5].source.sentence  figure "xingyang-revenue": the sentence no longer appears in content/2024-09-18/xingyang-zhongqiu-lvyou.mdx; expected it verbatim: "全市旅游接待游客40.389万人次,实现旅游收入3440.67万元。"  → copy the sentence again from the story, or correct the story",
			]
		`);
	});

	it('validateSite names a figure whose value no longer matches the sentence it came from', async () => {
		expect(
			await problemsAfter((r) => editFile(r, TOURISM, (t) => t.replace('"value": 403890', '"value": 403900'))),
		).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:64  figures[4].value  figure "xingyang-visitors" prints as "40.390万人次", which is not in its sentence in content/2024-09-18/xingyang-zhongqiu-lvyou.mdx: "全市旅游接待游客40.389万人次,实现旅游收入3440.67万元。"  → the dataset and the story disagree: correct whichever is wrong",
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
