import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problem.ts';
import { validateSite } from '../../src/validation/validate-site.ts';
import { copySampleSite, editFile } from '../helpers/site-fixture.ts';

const ZHONGYUAN = 'content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx';
const SERVICES = 'data/zhongyuan-government-services.json';
const TOURISM = 'data/mid-autumn-tourism-2024.json';

/** The copies a test made (some make two), removed after it. */
const roots: string[] = [];
afterEach(async () => {
	for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

/** The problems of a copy of the sample site after appending `mdx` to the Zhongyuan story. */
async function problemsWith(mdx: string): Promise<string[]> {
	const root = await copySampleSite();
	roots.push(root);
	await editFile(root, ZHONGYUAN, (text) => `${text}\n${mdx}\n`);
	return (await validateSite(root)).problems.map(formatProblem);
}

async function problemsAfterEditing(file: string, edit: (text: string) => string): Promise<string[]> {
	const root = await copySampleSite();
	roots.push(root);
	await editFile(root, file, edit);
	return (await validateSite(root)).problems.map(formatProblem);
}

describe('story components', () => {
	it('<Chart> with an unknown dataset names the file, the prop and the datasets there are', async () => {
		expect(await problemsWith('<Chart dataset="weather" chart="x" />')).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:27  <Chart> dataset  received "weather"; expected one of the datasets in data/: "erqi-governance", "mid-autumn-tourism-2024", "zhongyuan-government-services"",
			]
		`);
	});

	it('<Chart> with an unknown chart lists the charts of the dataset', async () => {
		expect(await problemsWith('<Chart dataset="zhongyuan-government-services" chart="pie" />')).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:27  <Chart> chart  received "pie"; expected one of the charts of dataset "zhongyuan-government-services": "delegated-items"",
			]
		`);
	});

	it('<Chart> with a prop it does not take lists the props it does', async () => {
		expect(
			await problemsWith('<Chart dataset="zhongyuan-government-services" chart="delegated-items" kind="pie" />'),
		).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:27  <Chart> kind  unknown prop; expected only "dataset", "chart"",
			]
		`);
	});

	it('<Chart> without its chart prop says what is missing', async () => {
		expect(await problemsWith('<Chart dataset="zhongyuan-government-services" />')).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:27  <Chart> chart  missing; expected chart="…"",
			]
		`);
	});

	it('<Num> with an unknown figure lists the figures of the dataset', async () => {
		expect(await problemsWith('共<Num dataset="zhongyuan-government-services" figure="machines" />。')).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:27  <Num> figure  received "machines"; expected one of the figures of dataset "zhongyuan-government-services": "veterans-received", "departments", "sections", "service-categories", "service-items", "entry-rate", "delegated-items", "subdistricts-equipped", "self-service-machines", "self-service-coverage", "bank-outlets"",
			]
		`);
	});

	it('<Num> of a dataset the frontmatter does not list says which to add', async () => {
		expect(await problemsWith('共<Num dataset="erqi-governance" figure="grids-micro" />。')).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:27  <Num> dataset  received "erqi-governance", which the story's frontmatter does not list; expected one of: "zhongyuan-government-services"  → add "erqi-governance" to the story's datasets",
			]
		`);
	});

	it('an unknown component, raw HTML, an import and an expression are refused', async () => {
		expect(
			await problemsWith('<Map place="中原区" />\n\n<script>alert(1)</script>\n\nimport X from "x"\n\n共{1 + 1}项'),
		).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:27  <Map>  unknown component; expected one of "Chart", "Num"",
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:29  <script>  received the HTML element <script>; expected Markdown, the components "Chart", "Num", or the inline elements "br", "sup", "sub", "small", "abbr"",
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:31  body  received an import or export; expected none: the story components are provided  → delete the line",
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:33  body  received a {…} expression; expected plain text  → write a literal { as \\{",
			]
		`);
	});

	it('a javascript: link is refused', async () => {
		expect(await problemsWith('[点击](javascript:alert(1))')).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:27  body  received the link "javascript:alert(1)" at column 1; expected an http(s) or mailto: address, or an address on this site (the javascript: scheme is not allowed)",
			]
		`);
	});

	it('every address a story emits goes through one check: inline links, images, reference definitions and GFM autolinks (MDX has no <…> autolinks); only http(s), mailto: and site addresses pass', async () => {
		const hostile = [
			'![图](javascript:alert(1))',
			'[点击](JavaScript:alert(1))',
			'[点击](java&#x09;script:alert(1))',
			'[点击](&#106;avascript:alert(1))',
			'[点击][ref]\n\n[ref]: vbscript:msgbox(1)',
			'![图][pic]\n\n[pic]: data:image/svg+xml;base64,PHN2Zz4=',
			'[文件](file:///etc/passwd)',
		];
		const problems = await problemsWith(hostile.join('\n\n'));
		expect(problems).toHaveLength(hostile.length);
		for (const problem of problems) {
			expect(problem).toMatch(/^content\/2024-09-18\/zhongyuan-zhengwu-fuwu\.mdx:\d+  body  received the (link|image|link definition) ".*" at column \d+; expected an http\(s\) or mailto: address, or an address on this site \(the (javascript|vbscript|data|file): scheme is not allowed\)$/);
		}
		expect(problems[0]).toContain('received the image "javascript:alert(1)" at column 1');
		const fine = ['[站内](/data/)', '[上一版](../04/)', '[注](#note)', '![图](./photos/a.jpg)', '[官网](https://example.org/)', 'https://example.org/a', 'www.example.org', '[信箱](mailto:editor@example.org)', '[第5版](第5版:说明)'];
		expect(await problemsWith(fine.join('\n\n'))).toEqual([]);
	});

	it('a component cannot smuggle an address: HTML elements with attributes and unknown props are refused', async () => {
		const problems = await problemsWith('<a href="javascript:alert(1)">点</a>\n\n<Chart dataset="zhongyuan-government-services" chart="delegated-items" href="javascript:alert(1)" />');
		expect(problems.join('\n')).toContain('<a>  received the HTML element <a>');
		expect(problems.join('\n')).toContain('<Chart> href  unknown prop');
	});

	it('an expression as a prop value is refused', async () => {
		expect(await problemsWith('<Chart dataset={"zhongyuan-government-services"} chart="delegated-items" />')).toMatchInlineSnapshot(`
			[
			  "content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx:27  <Chart> dataset  received an expression; expected a quoted value such as dataset="…"",
			]
		`);
	});
});

describe('dataset charts and computed figures', () => {
	it('a chart kind that does not exist lists the kinds', async () => {
		expect(await problemsAfterEditing(SERVICES, (t) => t.replace('"kind": "part-of-whole"', '"kind": "pie"'))).toMatchInlineSnapshot(`
			[
			  "data/zhongyuan-government-services.json:136  charts[0].kind  expected "kind" to be one of "bar", "levels", "comparison", "part-of-whole", "time-series", "change"; received "pie"",
			]
		`);
	});

	it('a chart naming a figure the dataset lacks lists the figures', async () => {
		expect(await problemsAfterEditing(SERVICES, (t) => t.replace('"whole": "service-items"', '"whole": "all-items"'))).toMatchInlineSnapshot(`
			[
			  "data/zhongyuan-government-services.json:134  charts[0]  chart "delegated-items" names "all-items"; expected ids of this dataset's figures: veterans-received, departments, sections, service-categories, service-items, entry-rate, delegated-items, subdistricts-equipped, self-service-machines, self-service-coverage, bank-outlets",
			]
		`);
	});

	it('a chart comparing figures in different units cannot be drawn, and says why', async () => {
		expect(
			await problemsAfterEditing(TOURISM, (t) => t.replace('"figures": [\n        "zhongmou-visitors",\n        "xingyang-visitors"\n      ]', '"figures": [\n        "zhongmou-visitors",\n        "xingyang-revenue"\n      ]')),
		).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:129  charts[0]  chart "visitors" (多地比较, "comparison") cannot be drawn: figure "xingyang-revenue": unit mismatch: this figure is in 元 but figure "zhongmou-visitors" is in 人次; expected every figure of one chart in the same unit",
			]
		`);
	});

	it('a chart without alt text is refused', async () => {
		expect(await problemsAfterEditing(SERVICES, (t) => t.replace(/"alt": "[^"]*"/, '"alt": ""'))).toMatchInlineSnapshot(`
			[
			  "data/zhongyuan-government-services.json:138  charts[0].alt  expected alt text a screen-reader user can use: at least 10 characters saying what the chart shows, with its figures; received """,
			]
		`);
	});

	it('a computed figure of a figure that does not exist is refused', async () => {
		expect(await problemsAfterEditing(TOURISM, (t) => t.replace('"xingyang-revenue",\n        "xingyang-visitors"', '"xingyang-revenue",\n        "xingyang-guests"'))).toMatchInlineSnapshot(`
			[
			  "data/mid-autumn-tourism-2024.json:119  derived[0].of  received "xingyang-guests"; expected ids of this dataset's printed figures: zhongmou-visitors, zhongmou-activities, zhongmou-moon-viewing-hours, zhongmou-theatre-visits, xingyang-visitors, xingyang-revenue, xingyang-show-days, xingyang-drones",
			]
		`);
	});
});
