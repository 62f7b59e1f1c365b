import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, npmRun, runGuideCommand } from '../../helpers/editor-commands.ts';
import { copySampleSite, editFile, projectRoot, type BuildResult } from '../../helpers/site-fixture.ts';

/**
 * The editors' guide, followed to the letter on a copy of the sample site: every `npm run new`
 * command it shows, every complete file it shows, every edit it shows, then `npm run check` and
 * `npm run build`. If the guide says something that is not true, this fails.
 */

const STORY = 'content/2024-09-19/xinzheng-zhongqiu.mdx';
const DATASET = 'data/xinzheng-zhongqiu-2024.json';
const STORY_PAGE = '2024-09-19/05/xinzheng-zhongqiu/index.html';
/** A second story the test leaves in draft, with a dataset made only for it. */
const DRAFT_SLUG = 'caogao-gaojian';
const DRAFT_DATASET = 'caogao-shuju';
const DRAFT_HEADLINE = '这篇草稿不应出现在正式网站上';

let root: string;
let env: Record<string, string>;
const scaffolds: { command: string; result: BuildResult }[] = [];
let afterScaffold: BuildResult;
let finalCheck: BuildResult;
let wrongPageCheck: BuildResult;
let guideCheckExample: string;
let guideBuildExample: string;
let build: BuildResult;
let dist: string;

beforeAll(async () => {
	root = await copySampleSite('broadsheet-guide-');
	dist = join(root, 'dist');
	env = { BROADSHEET_ROOT: root, BROADSHEET_OUT_DIR: dist };
	const guide = await readFile(join(projectRoot, 'docs/editors-guide.md'), 'utf8');
	const blocks = codeBlocks(guide);

	// 1–3: the scaffold commands, in the guide's order.
	const commands = blocks
		.filter((block) => block.lang === 'sh')
		.flatMap((block) => block.text.split('\n'))
		.filter((line) => line.startsWith('npm run new -- '));
	for (const command of commands) scaffolds.push({ command, result: await runGuideCommand(command, env) });
	afterScaffold = await npmRun('check', [], env);

	// A story left in draft, with its own dataset: neither may reach readers.
	await npmRun('new', ['article', '--edition', '2024-09-19', '--page', '5', '--slug', DRAFT_SLUG], env);
	await npmRun('new', ['dataset', '--kind', 'governance', '--id', DRAFT_DATASET, '--article', `2024-09-19/${DRAFT_SLUG}`], env);
	await editFile(root, `content/2024-09-19/${DRAFT_SLUG}.mdx`, (text) => text.replace('headline: 【待填】主题', `headline: ${DRAFT_HEADLINE}`));

	// 6: the finished story and dataset, as the guide prints them.
	for (const block of blocks.filter((candidate) => candidate.attributes.title && !candidate.attributes.replaces)) {
		await writeFile(join(root, block.attributes.title), block.text);
	}
	finalCheck = await npmRun('check', [], env);

	// 7: the guide's example of a problem, made and undone.
	guideCheckExample = blocks.find((block) => block.text.startsWith('Broadsheet found'))!.text;
	guideBuildExample = blocks.find((block) => block.text.startsWith('✓ Content checked'))!.text;
	await editFile(root, STORY, (text) => text.replace('page: 5', 'page: 7'));
	wrongPageCheck = await npmRun('check', [], env);
	await editFile(root, STORY, (text) => text.replace('page: 7', 'page: 5'));

	// 10: the correction and the dataset change, as the guide shows them.
	for (const block of blocks.filter((candidate) => candidate.attributes.replaces)) {
		await editFile(root, block.attributes.title, (text) => {
			if (!text.includes(block.attributes.replaces)) throw new Error(`${block.attributes.title} has no ${block.attributes.replaces}`);
			return text.replace(block.attributes.replaces, block.text.trimEnd());
		});
	}

	// 8: the build.
	build = await npmRun('build', [], env);
	if (build.code !== 0) throw new Error(`The guide's site did not build:\n${build.stdout}\n${build.stderr}`);
});

afterAll(async () => {
	if (root) await rm(root, { recursive: true, force: true });
});

const page = (path: string) => readFile(join(dist, path), 'utf8');

/** Every file of the built site, relative to it. */
async function builtFiles(): Promise<string[]> {
	const entries = await readdir(dist, { recursive: true, withFileTypes: true });
	return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dist.length + 1));
}

describe('the editors’ guide, followed step by step', () => {
	it('npm run new creates the edition, the story and the dataset the guide names', () => {
		expect(scaffolds.map(({ command }) => command)).toEqual([
			'npm run new -- edition 2024-09-19',
			'npm run new -- article --edition 2024-09-19 --page 5 --slug xinzheng-zhongqiu',
			'npm run new -- dataset --kind holiday-tourism --id xinzheng-zhongqiu-2024 --article 2024-09-19/xinzheng-zhongqiu',
		]);
		for (const { result } of scaffolds) expect(result.code, result.stderr).toBe(0);
		expect(scaffolds.map(({ result }) => result.stdout.split('\n')[0])).toEqual([
			'Created content/2024-09-19/edition.json',
			`Created ${STORY}`,
			`Created ${DATASET}`,
		]);
	});

	it('npm run check passes on the fresh scaffolds and lists, as warnings, what is left to fill in', () => {
		expect(afterScaffold.code, afterScaffold.stderr).toBe(0);
		expect(afterScaffold.stdout).toContain(
			`  ${STORY}:17  headline  still the placeholder 【待填】 that \`npm run new\` wrote; expected your own text  → write the headline (主题)`,
		);
		expect(afterScaffold.stdout).toContain(
			`  ${DATASET}:18  figures[0].source.sentence  still the placeholder 【待填】 that \`npm run new\` wrote; expected your own text  → copy the sentence that prints the figure from the story, character for character`,
		);
		expect(afterScaffold.stdout).toMatch(/^Check passed: 2 editions, 5 stories \(1 draft\), 4 datasets, 5 charts in \d+\.\d s\.$/m);
	});

	it('npm run check passes on the finished story and dataset with no warning about them', () => {
		expect(finalCheck.code, finalCheck.stderr).toBe(0);
		expect(finalCheck.stderr).toBe('');
		expect(finalCheck.stdout).not.toContain('xinzheng');
		expect(finalCheck.stdout).toMatch(/^Check passed: 2 editions, 6 stories \(1 draft\), 5 datasets, 6 charts in \d+\.\d s\.$/m);
	});

	it('npm run check prints the guide’s example problem line for line, and fails', () => {
		expect(wrongPageCheck.code).toBe(1);
		expect(wrongPageCheck.stderr).toContain(guideCheckExample.trimEnd());
	});

	it('npm run build prints one line per phase and a summary, and nothing else', () => {
		expect(build.stderr).toBe('');
		const lines = build.stdout.trimEnd().split('\n');
		// Times, sizes and how many files the site's routes make vary; the lines and the content counts do not.
		const normalised = lines.map((line) => line.replace(dist, '<dist>').replace(/\d+(\.\d+)? (kB|MB|GB)\b/g, 'N <size>').replace(/\d+(\.\d+)? (s|characters|files|pages|indexed)\b/g, 'N $2'));
		expect(normalised).toMatchInlineSnapshot(`
			[
			  "✓ Content checked: 2 editions, 6 stories (1 draft, not published), 5 datasets, 6 charts (N s)",
			  "  17 warnings, which do not stop the build: npm run check lists them",
			  "✓ Headline font subset: N characters (N s)",
			  "✓ Bundled (N s)",
			  "✓ Rendered N files (N s)",
			  "✓ Images and sitemaps (N s)",
			  "✓ Search index: N pages, N indexed (N s)",
			  "✓ Published: N files copied (N s)",
			  "Built <dist> in N s: N pages, 5 stories, 4 datasets, 5 charts, N <size>.",
			]
		`);
	});

	it('npm run build prints the lines the guide shows, with this site’s numbers', () => {
		const shape = (line: string) =>
			line
				.replace(dist, 'dist')
				.replace(/ \(\d+ drafts?, not published\)/, '')
				.replace(/\d+(\.\d+)? (kB|MB|GB)\b/g, 'N <size>')
				.replace(/\d+(\.\d+)?/g, 'N');
		const printed = build.stdout.trimEnd().split('\n').filter((line) => !line.startsWith('  '));
		expect(printed.map(shape)).toEqual(guideBuildExample.trimEnd().split('\n').map(shape));
	});

	it('the published story prints its bound figures and its chart', async () => {
		const html = await page(STORY_PAGE);
		expect(html).toContain('中秋假期新郑接待游客52.8万人次');
		expect(html).toMatch(/新郑市共接待游客<data class="num" value="528000">52\.8万人次<\/data>/);
		expect(html).toContain('实现旅游收入<data class="num" value="236000000">2.36亿元</data>');
		expect(html).toMatch(/<svg[^>]*>[\s\S]*黄帝故里景区接待游客[\s\S]*<\/svg>/);
		expect(await page('2024-09-19/index.html')).toContain('/2024-09-19/05/xinzheng-zhongqiu/');
	});

	it('a correction is shown above the story’s body and is its JSON-LD dateModified', async () => {
		const html = await page(STORY_PAGE);
		const notice = html.indexOf('class="correction-notice"');
		expect(notice).toBeGreaterThan(0);
		expect(notice).toBeLessThan(html.indexOf('class="story__body"'));
		expect(html).toContain('本文原称始祖山景区接待游客“8.2万人次”，应为“8.3万人次”。');
		expect(html).toContain('<time datetime="2024-09-19T18:00:00+08:00">');
		const article = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)]
			.flatMap((match) => JSON.parse(match[1]))
			.find((item: { '@type'?: string }) => item['@type'] === 'NewsArticle');
		expect(article.datePublished).toBe('2024-09-19T06:00:00+08:00');
		expect(article.dateModified).toBe('2024-09-19T18:00:00+08:00');
		expect(article.correction).toEqual([{ '@type': 'CorrectionComment', datePublished: '2024-09-19T18:00:00+08:00', text: '本文原称始祖山景区接待游客“8.2万人次”，应为“8.3万人次”。' }]);
		// Above and below the story, and on the site's 更正 page, as the guide says.
		const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
		expect(main.match(/本文原称始祖山景区接待游客“8\.2万人次”，应为“8\.3万人次”。/g)).toHaveLength(2);
		expect(html).toContain('<a href="/data/xinzheng-zhongqiu-2024/#changes">查看数据更正记录</a>');
		expect(await page('corrections/index.html')).toContain('更正：本文原称始祖山景区接待游客“8.2万人次”，应为“8.3万人次”。');
		expect(await page('feeds/corrections.xml')).toContain('/2024-09-19/05/xinzheng-zhongqiu/#correction-1');
	});

	it('a corrected figure is shown on the story that prints it, before and after, as the guide says', async () => {
		expect(await page(STORY_PAGE)).toContain('始祖山景区接待游客由“8.2万人次”更正为“8.3万人次”。');
	});

	it('a dataset change is shown on the dataset page and kept in its JSON download', async () => {
		const html = await page('data/xinzheng-zhongqiu-2024/index.html');
		expect(html).toContain('数据更正记录');
		expect(html).toContain('始祖山景区接待游客由8.2万人次更正为8.3万人次。');
		const download = JSON.parse(await page('data/xinzheng-zhongqiu-2024.json'));
		expect(download.changes).toEqual([
			{ date: '2024-09-19T18:00:00+08:00', description: '始祖山景区接待游客由8.2万人次更正为8.3万人次。', figure: 'shizushan-visitors', previous: { value: 82000 } },
		]);
	});

	it('a draft, and the dataset made only for it, are in no file of the production build', async () => {
		const files = await builtFiles();
		expect(files.filter((file) => file.includes(DRAFT_SLUG) || file.includes(DRAFT_DATASET))).toEqual([]);
		const leaks: string[] = [];
		for (const file of files) {
			const bytes = await readFile(join(dist, file));
			// Pagefind's index is gzipped JSON naming each page it indexed.
			const text = /^pagefind\/(.+\/)?fragment\//.test(file) ? gunzipSync(bytes).toString('utf8') : /\.(html|xml|json|csv|txt|js|css)$/.test(file) ? bytes.toString('utf8') : '';
			if ([DRAFT_SLUG, DRAFT_DATASET, DRAFT_HEADLINE].some((needle) => text.includes(needle))) leaks.push(file);
		}
		expect(leaks).toEqual([]);
		// The checks above would pass on an empty folder: the published story is there.
		expect(files).toContain(STORY_PAGE);
		expect(files.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
		expect(existsSync(join(dist, 'sitemap-0.xml'))).toBe(true);
		expect(await page('feeds/all.xml')).toContain('xinzheng-zhongqiu');
	});
});
