import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/cache/registry.ts';
import { validateSite } from '../../src/validation/validate-site.ts';
import { copySampleSite, editFile } from '../helpers/site-fixture.ts';

/**
 * A story's check is kept between runs (src/validation/check-cache.ts) and must give exactly what
 * checking it afresh gives, and be dropped when a dataset the story prints from changes.
 */

let root: string;

beforeAll(async () => {
	root = await copySampleSite('broadsheet-check-cache-');
});

afterAll(() => rm(root, { recursive: true, force: true }));

const summary = (site: Awaited<ReturnType<typeof validateSite>>) => ({
	problems: site.problems,
	warnings: site.warnings,
	articles: [...site.articles].map(([id, { file, data, text, headings, quotes }]) => ({ id, file, data, text, headings, quotes })),
});

describe('kept story checks', () => {
	it('a second check of the same site gives what the first gave', async () => {
		const first = summary(await validateSite(root));
		expect(first.articles).toHaveLength(4);
		expect(summary(await validateSite(root))).toEqual(first);
	});

	it('a changed dataset checks the stories that print it again', async () => {
		await editFile(root, 'data/mid-autumn-tourism-2024.json', (text) => text.replace('"value": 403890,', '"value": 403990,'));
		const site = await validateSite(root);
		// The story prints the figure with <Num>: its text now holds the new figure, and the changed value is blamed.
		expect(site.articles.get('2024-09-18/xingyang-zhongqiu-lvyou')?.text).toContain('40.399万人次');
		expect(site.problems.map((problem) => `${problem.file} ${problem.field}`)).toContain('data/mid-autumn-tourism-2024.json figures[4].value');
	});

	it('finds a sentence a dataset newly quotes from a story whose check was kept, or reports it missing', async () => {
		const quote = (sentence: string) =>
			editFile(root, 'data/erqi-governance.json', (text) => {
				const dataset = JSON.parse(text) as { figures: { source: { article: string; sentence: string } }[] };
				dataset.figures[0].source = { article: '2024-09-18/zhongyuan-zhengwu-fuwu', sentence };
				return JSON.stringify(dataset, null, '\t');
			});
		const sentenceProblems = async () =>
			(await validateSite(root)).problems.filter((problem) => problem.file === 'data/erqi-governance.json' && problem.field === 'figures[0].source.sentence');
		await validateSite(root);
		// The story does not list the dataset: only the new quote says that its kept check no longer knows enough.
		await quote('实施政务服务进网点、进园区。');
		expect(await sentenceProblems()).toEqual([]);
		expect(await sentenceProblems()).toEqual([]);
		await quote('这句话不在稿件里。');
		expect(await sentenceProblems()).toHaveLength(1);
		expect(await sentenceProblems()).toHaveLength(1);
		await quote('实施政务服务进网点、进园区。');
		expect(await sentenceProblems()).toEqual([]);
	});

	it('keeps the checks of the stories it saw, and a story removed leaves them', async () => {
		const kept = async () => {
			const folder = join(cacheRoot(), 'checks');
			const shards = (await readdir(folder)).filter((name) => /^stories-\d+\.json$/.test(name));
			const stories = await Promise.all(shards.map(async (name) => Object.keys((JSON.parse(await readFile(join(folder, name), 'utf8')) as { stories: object }).stories)));
			return stories.flat().sort();
		};
		await validateSite(root);
		expect(await kept()).toContain('content/2024-09-18/erqi-louyuan-zhili.mdx');
		await rm(join(root, 'content/2024-09-18/erqi-louyuan-zhili.mdx'));
		await validateSite(root);
		expect(await kept()).not.toContain('content/2024-09-18/erqi-louyuan-zhili.mdx');
	});
});
