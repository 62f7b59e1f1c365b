import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleSchema, bylineSchema } from '../../../src/schemas/article.ts';
import { datasetKinds } from '../../../src/schemas/dataset.ts';
import { npmRun } from '../../helpers/editor-commands.ts';
import { copySampleSite, editFile } from '../../helpers/site-fixture.ts';

let root: string | undefined;
afterEach(async () => {
	if (root) await rm(root, { recursive: true, force: true });
	root = undefined;
});

const newFile = (site: string, ...args: string[]) => npmRun('new', args, { BROADSHEET_ROOT: site });

describe('npm run new', () => {
	it('npm run new -- edition copies the pages of the previous edition and counts the issue on', async () => {
		root = await copySampleSite('broadsheet-new-');
		await editFile(root, 'content/2024-09-18/edition.json', (t) =>
			t.replace('"pages": [', '"issue": 24512,\n  "pages": [\n    { "number": 1, "name": "要闻" },'),
		);
		const result = await newFile(root, 'edition', '2024-09-19');
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatchInlineSnapshot(`
			"Created content/2024-09-19/edition.json
			  pages copied from 2024-09-18: 01 要闻, 05 区县新闻
			  issue: 24513 (the previous edition's + 1; correct it if that is wrong)
			"
		`);
		expect(await readFile(join(root, 'content/2024-09-19/edition.json'), 'utf8')).toMatchInlineSnapshot(`
			"{
			  "date": "2024-09-19",
			  "issue": 24513,
			  "pages": [
			    { "number": 1, "name": "要闻" },
			    { "number": 5, "name": "区县新闻" }
			  ],
			  "notes": []
			}
			"
		`);
	});

	it('npm run new -- article writes every frontmatter field, each under a comment that explains it', async () => {
		root = await copySampleSite('broadsheet-new-');
		await newFile(root, 'edition', '2024-09-19');
		const result = await newFile(root, 'article', '--edition', '2024-09-19', '--page', '5', '--slug', 'xinzheng-zhongqiu');
		expect(result.code, result.stderr).toBe(0);
		const lines = (await readFile(join(root, 'content/2024-09-19/xinzheng-zhongqiu.mdx'), 'utf8')).split('\n');
		const fields = [...Object.keys(articleSchema.shape), ...Object.keys(bylineSchema.shape)];
		for (const field of fields) {
			// Optional fields without a sensible default are written commented out, ready to use.
			const at = lines.findIndex((line) => new RegExp(`^\\s*(# )?${field}:`).test(line));
			expect(at, `${field} is in the scaffold`).toBeGreaterThan(0);
			expect(lines.slice(0, at).reverse().find((line) => !/^\s*(# )?\w+:/.test(line) || line.includes('：')), `${field} is explained`).toMatch(/^\s*# .*[\u4e00-\u9fff]/);
		}
	});

	it('npm run new -- dataset of every kind gives a site that passes npm run check, the story printing its figure and chart', async () => {
		root = await copySampleSite('broadsheet-new-');
		await newFile(root, 'edition', '2024-09-19');
		for (const kind of datasetKinds) {
			await newFile(root, 'article', '--edition', '2024-09-19', '--page', '5', '--slug', `story-${kind}`);
			const result = await newFile(root, 'dataset', '--kind', kind, '--id', `data-${kind}`, '--article', `2024-09-19/story-${kind}`);
			expect(result.code, result.stderr).toBe(0);
			const story = await readFile(join(root, `content/2024-09-19/story-${kind}.mdx`), 'utf8');
			expect(story).toContain(`datasets: [data-${kind}]`);
			expect(story).toContain(`<Num dataset="data-${kind}" figure="example-figure" />`);
			expect(story).toContain(`<Chart dataset="data-${kind}" chart="example-chart" />`);
		}
		const check = await npmRun('check', [], { BROADSHEET_ROOT: root });
		expect(check.stderr).toBe('');
		expect(check.code).toBe(0);
		expect(check.stdout).toMatch(/^Check passed: 2 editions, 7 stories \(3 drafts\), 6 datasets, 7 charts in \d+\.\d s\.$/m);
	});

	it('npm run check fails a scaffolded story published before its placeholders are filled in, and its dataset with it', async () => {
		root = await copySampleSite('broadsheet-new-');
		await newFile(root, 'edition', '2024-09-19');
		await newFile(root, 'article', '--edition', '2024-09-19', '--page', '5', '--slug', 'xinzheng-zhongqiu');
		await newFile(root, 'dataset', '--kind', 'governance', '--id', 'xinzheng-data', '--article', '2024-09-19/xinzheng-zhongqiu');
		await editFile(root, 'content/2024-09-19/xinzheng-zhongqiu.mdx', (t) => t.replace('draft: true', 'draft: false'));
		const check = await npmRun('check', [], { BROADSHEET_ROOT: root });
		expect(check.code).toBe(1);
		expect(check.stderr).toMatch(/^Broadsheet found 14 problems in the content:$/m);
		expect(check.stderr).toContain('content/2024-09-19/xinzheng-zhongqiu.mdx:17  headline  still the placeholder 【待填】');
		expect(check.stderr).toContain('data/xinzheng-data.json:3  title  still the placeholder 【待填】');
	});

	it('npm run new refuses what it cannot do, says why and how to fix it, and writes nothing', async () => {
		root = await copySampleSite('broadsheet-new-');
		const results = [
			await newFile(root, 'edition', '2024-9-19'),
			await newFile(root, 'edition', '2024-09-18'),
			await newFile(root, 'article', '--edition', '2024-09-19', '--page', '5', '--slug', 'xinzheng'),
			await newFile(root, 'article', '--edition', '2024-09-18', '--page', '7', '--slug', 'xinzheng'),
			await newFile(root, 'article', '--edition', '2024-09-18', '--page', '5', '--slug', 'Xin Zheng'),
			await newFile(root, 'article', '--edition', '2024-09-18', '--page', '5', '--slug', 'erqi-louyuan-zhili'),
			await newFile(root, 'dataset', '--kind', 'tourism', '--id', 'x', '--article', '2024-09-18/erqi-louyuan-zhili'),
			await newFile(root, 'dataset', '--kind', 'governance', '--id', 'x', '--article', '2024-09-18/erqi'),
			await newFile(root, 'dataset', '--kind', 'governance', '--id', 'erqi-governance', '--article', '2024-09-18/erqi-louyuan-zhili'),
		];
		expect(results.map((result) => result.code)).toEqual(results.map(() => 1));
		expect(results.map((result) => result.stderr.trim())).toMatchInlineSnapshot(`
			[
			  "Nothing was created: received "2024-9-19"; expected the edition's date as YYYY-MM-DD  → npm run new -- edition 2024-09-19",
			  "Nothing was created: content/2024-09-18/edition.json already exists; expected a new edition  → edit the existing file instead",
			  "Nothing was created: there is no edition 2024-09-19 (content/2024-09-19/edition.json); expected an existing edition  → npm run new -- edition 2024-09-19",
			  "Nothing was created: --page: received 7; expected one of the pages of edition 2024-09-18: 5  → add page 7 to content/2024-09-18/edition.json, or choose another page",
			  "Nothing was created: --slug: received "Xin Zheng"; expected lower-case letters, digits and hyphens, such as "xinzheng-zhongqiu" (it becomes the story's address)  → npm run new -- article --edition 2024-09-19 --page 5 --slug xinzheng-zhongqiu",
			  "Nothing was created: content/2024-09-18/erqi-louyuan-zhili.mdx already exists; expected a new story  → choose another --slug, or edit the existing file",
			  "Nothing was created: --kind: received "tourism"; expected one of "governance", "holiday-tourism", "government-services"  → npm run new -- dataset --kind holiday-tourism --id xinzheng-zhongqiu-2024 --article 2024-09-19/xinzheng-zhongqiu",
			  "Nothing was created: there is no story content/2024-09-18/erqi.mdx; expected the story the figures are printed in  → create it first: npm run new -- article --edition 2024-09-18 --page <n> --slug erqi",
			  "Nothing was created: data/erqi-governance.json already exists; expected a new dataset  → choose another --id, or edit the existing file",
			]
		`);
		const check = await npmRun('check', [], { BROADSHEET_ROOT: root });
		expect(check.stdout).toMatch(/^Check passed: 1 edition, 4 stories, 3 datasets, 4 charts/m);
	});
});
