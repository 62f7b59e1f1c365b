import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { npmRun } from '../../helpers/editor-commands.ts';
import { copySampleSite, editFile } from '../../helpers/site-fixture.ts';

let root: string | undefined;
afterEach(async () => {
	if (root) await rm(root, { recursive: true, force: true });
	root = undefined;
});

/** `npm run check`'s output with the time it took taken out. */
async function check(siteRoot: string) {
	const result = await npmRun('check', [], { BROADSHEET_ROOT: siteRoot });
	const untimed = (text: string) => text.replace(/\b\d+\.\d s\b/g, 'N s');
	return { code: result.code, stdout: untimed(result.stdout), stderr: untimed(result.stderr) };
}

const FRONTMATTER = `edition: "2024-09-18"
page: 5
headline: 示例
byline:
  reporters: [张朝晖]
summary: 示例。
publishedAt: "2024-09-18T06:00:00+08:00"`;

describe('npm run check', () => {
	it('npm run check on the sample passes and says what it read', async () => {
		// A copy of the sample, so the check keeps its cache there and not in the project's.
		root = await copySampleSite('broadsheet-check-');
		const result = await check(root);
		expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
		// The sample is transcribed as printed, with half-width punctuation in its Chinese sentences: a warning per story.
		expect(result.stdout).toMatchInlineSnapshot(`
			"4 warnings (they do not stop the build):
			  content/2024-09-18/erqi-louyuan-zhili.mdx:19  body  54 half-width punctuation marks in Chinese sentences, the first in "76个村(社区)党"; the site prints them full-width (，；：！？（）)  → type them full-width in the story, so the file reads as the page does
			  content/2024-09-18/xingyang-zhongqiu-lvyou.mdx:15  body  29 half-width punctuation marks in Chinese sentences, the first in "中秋假期,荥阳市文"; the site prints them full-width (，；：！？（）)  → type them full-width in the story, so the file reads as the page does
			  content/2024-09-18/zhongmou-zhongqiu-lvyou.mdx:16  body  25 half-width punctuation marks in Chinese sentences, the first in "景区统计,中秋假期"; the site prints them full-width (，；：！？（）)  → type them full-width in the story, so the file reads as the page does
			  content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:15  body  28 half-width punctuation marks in Chinese sentences, the first in "事这么快,工作人员"; the site prints them full-width (，；：！？（）)  → type them full-width in the story, so the file reads as the page does

			Check passed: 1 edition, 4 stories, 3 datasets, 4 charts in N s.
			"
		`);
	});

	it('npm run check prints one line per mistake, of every kind, all at once, then the warnings, and fails', async () => {
		root = await copySampleSite('broadsheet-check-');
		const r = root;
		// The site config.
		await editFile(r, 'site.config.json', (t) => t.replace('"base": "/"', '"base": "paper"'));
		// An edition.
		await mkdir(join(r, 'content/2024-09-20'));
		await writeFile(join(r, 'content/2024-09-20/edition.json'), '{\n  "date": "2024-09-20",\n  "pages": []\n}\n');
		// A story's frontmatter, and a reference from a story to its edition.
		await editFile(r, 'content/2024-09-18/xingyang-zhongqiu-lvyou.mdx', (t) => t.replace('publishedAt: "2024-09-18"', 'publishedAt: "2024-09-18 00:00"'));
		await editFile(r, 'content/2024-09-18/erqi-louyuan-zhili.mdx', (t) => t.replace('page: 5', 'page: 7'));
		// A dataset.
		await editFile(r, 'data/zhongyuan-government-services.json', (t) => t.replace(/"value": \d+/, '"value": -1'));
		// Chart props, a bound figure, and (by a changed value under a bound sentence) provenance.
		await editFile(r, 'content/2024-09-18/zhongmou-zhongqiu-lvyou.mdx', (t) =>
			t
				.replace('chart="visitors"', 'chart="visitor"')
				.concat('\n另有3个景区推出<Num dataset="mid-autumn-tourism-2024" figure="zhongmou-visitor" />活动。\n'),
		);
		await editFile(r, 'data/mid-autumn-tourism-2024.json', (t) => t.replace('"value": 765700', '"value": 765800'));
		// MDX syntax.
		await writeFile(join(r, 'content/2024-09-18/broken.mdx'), `---\n${FRONTMATTER}\n---\n\n正文。\n\n<Chart dataset="x">\n`);
		// A draft whose photo has no alt text yet: a warning, not an error.
		await writeFile(join(r, 'content/2024-09-18/draft-photo.mdx'), `---\n${FRONTMATTER}\nimages:\n  - caption: 图说\ndraft: true\n---\n\n正文。\n`);

		const result = await check(r);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"Broadsheet found 9 problems in the content:
			  site.config.json:5  base  expected a path that starts and ends with "/", such as "/" or "/paper/"; received "paper"
			  data/zhongyuan-government-services.json:10  figures[0].value  expected a count or amount of 0 or more, received -1 (a decline such as 同比下降5.1% is a change: give the figure a "change")
			  content/2024-09-18/broken.mdx:13  body  malformed MDX (Expected a closing tag for \`<Chart>\` (4:1-4:20)); expected valid MDX  → close every <Tag> you open, and write a literal { or < as \\{ or \\<
			  content/2024-09-18/xingyang-zhongqiu-lvyou.mdx:12  publishedAt  expected a date and time with the +08:00 offset, such as "2024-09-18T06:00:00+08:00"; received "2024-09-18 00:00"
			  content/2024-09-18/zhongmou-zhongqiu-lvyou.mdx:18  <Chart> chart  received "visitor"; did you mean "visitors"? expected one of the charts of dataset "mid-autumn-tourism-2024": "visitors"
			  content/2024-09-18/zhongmou-zhongqiu-lvyou.mdx:26  <Num> figure  received "zhongmou-visitor"; did you mean "zhongmou-visitors"? expected one of the figures of dataset "mid-autumn-tourism-2024": "zhongmou-visitors", "zhongmou-activities", "zhongmou-moon-viewing-hours", "zhongmou-theatre-visits", "xingyang-visitors", "xingyang-revenue", "xingyang-show-days", "xingyang-drones", "xingyang-revenue-per-visitor"
			  content/2024-09-20/edition.json:3  pages  expected at least one page; received a list of 0
			  content/2024-09-18/erqi-louyuan-zhili.mdx:3  page  received 7; expected one of the pages of edition 2024-09-18: 5  → add page 7 to content/2024-09-18/edition.json, or correct the page number
			  data/mid-autumn-tourism-2024.json:11  figures[0].value  figure "zhongmou-visitors": the data now prints "76.58万人次" where the story's sentence in content/2024-09-18/zhongmou-zhongqiu-lvyou.mdx printed "76.57万人次" (the charts[0].alt of data/mid-autumn-tourism-2024.json, its headline, its summary print "76.57万人次" too): "中牟县智慧旅游大数据监测和重点景区统计,中秋假期全县共接待游客76.57万人次。"; expected the data and the story to agree  → the story prints this figure with <Num>, so it changed with the data: if the data is right, copy the sentence again with "76.58万人次"; if the story was right, correct the value

			Check failed: 9 problems to fix (N s).
			"
		`);
		expect(result.stdout).toMatchInlineSnapshot(`
			"5 warnings (they do not stop the build):
			  content/2024-09-18/draft-photo.mdx:10  images[0].alt  missing; a draft may leave it out, but the story cannot be published without it  → describe what the image shows, for readers who cannot see it
			  content/2024-09-18/erqi-louyuan-zhili.mdx:19  body  54 half-width punctuation marks in Chinese sentences, the first in "76个村(社区)党"; the site prints them full-width (，；：！？（）)  → type them full-width in the story, so the file reads as the page does
			  content/2024-09-18/zhongmou-zhongqiu-lvyou.mdx:26  body  the text prints "3个", which no figure of the story's datasets (mid-autumn-tourism-2024) prints  → add it to a dataset and print it with <Num dataset="…" figure="…" />, or correct it; leave it if it is not a data figure
			  content/2024-09-18/zhongmou-zhongqiu-lvyou.mdx:16  body  25 half-width punctuation marks in Chinese sentences, the first in "景区统计,中秋假期"; the site prints them full-width (，；：！？（）)  → type them full-width in the story, so the file reads as the page does
			  content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:15  body  28 half-width punctuation marks in Chinese sentences, the first in "事这么快,工作人员"; the site prints them full-width (，；：！？（）)  → type them full-width in the story, so the file reads as the page does

			"
		`);
	});
});
