import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The build run in-process, as `npm run build` runs it (src/build/build-site.ts), once per case: its
// exit code and what it prints are what this tests; tests/e2e/editors/editors-guide.test.ts and tests/e2e/build/astro-build.test.ts run the commands themselves.
import { copyBuiltSample } from '../../helpers/shared-site.ts';
import { buildSite, copySampleSite, editFile } from '../../helpers/site-fixture.ts';

const ERQI = 'content/2024-09-18/erqi-louyuan-zhili.mdx';
const ZHONGYUAN = 'content/2024-09-18/zhongyuan-zhengwu-fuwu.mdx';
const EDITION = 'content/2024-09-18/edition.json';
const ERQI_DATA = 'data/erqi-governance.json';
const TOURISM = 'data/mid-autumn-tourism-2024.json';
const SERVICES = 'data/zhongyuan-government-services.json';
const CONFIG = 'site.config.json';

type Break = (root: string) => Promise<void>;
const edit = (file: string, change: (text: string) => string): Break => (root) => editFile(root, file, change);
const replace = (file: string, from: string | RegExp, to: string): Break =>
	edit(file, (text) => {
		const changed = text.replace(from, to);
		if (changed === text) throw new Error(`the case does not apply: ${String(from)} is not in ${file}`);
		return changed;
	});
const write = (file: string, content: string | Buffer): Break => async (root) => {
	await mkdir(join(root, file, '..'), { recursive: true });
	await writeFile(join(root, file), content);
};
const appendToStory = (mdx: string) => edit(ZHONGYUAN, (text) => `${text}\n${mdx}\n`);
/** A file elsewhere on the disk, outside the site root, that the site links to. */
let outside: string;
const linkOutside = (file: string, content: string | Buffer): Break => async (root) => {
	const target = join(outside, file.replaceAll('/', '-'));
	await writeFile(target, content);
	await mkdir(join(root, file, '..'), { recursive: true });
	await symlink(target, join(root, file));
};
/** Applies several breaks, for a case that needs a file and a reference to it. */
const both = (...breaks: Break[]): Break => async (root) => {
	for (const breakIt of breaks) await breakIt(root);
};
const XINGYANG = 'content/2024-09-18/xingyang-zhongqiu-lvyou.mdx';
/** "中文" in GBK, which is not valid UTF-8. */
const GBK = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]);

/** Each broken input, the file the message must name, and the field (with its line, where there is one). */
const CASES: [name: string, breakIt: Break, file: string, field: string][] = [
	// Site configuration
	['config: malformed JSON', replace(CONFIG, '"url": "https://example.org",', '"url": "https://example.org"'), CONFIG, '(file)'],
	['config: missing name', replace(CONFIG, /"name": "[^"]*",\n\s*/, ''), CONFIG, 'name'],
	['config: url of the wrong type', replace(CONFIG, '"url": "https://example.org"', '"url": 42'), CONFIG, 'url'],
	['config: base path without slashes', replace(CONFIG, '"base": "/"', '"base": "paper"'), CONFIG, 'base'],
	['config: unsupported language', replace(CONFIG, '"language": "zh-CN"', '"language": "en"'), CONFIG, 'language'],
	['config: unknown field', replace(CONFIG, '"base": "/",', '"base": "/",\n  "theme": "dark",'), CONFIG, 'theme'],
	// Editions
	['edition: empty file', write(EDITION, ''), EDITION, '(file)'],
	['edition: no pages', replace(EDITION, /"pages": \[[^\]]*\]/, '"pages": []'), EDITION, 'pages'],
	['edition: two pages with one number', replace(EDITION, '{ "number": 5, "name": "区县新闻" }', '{ "number": 5, "name": "区县新闻" }, { "number": 5, "name": "文旅" }'), EDITION, 'pages[1].number'],
	['edition: impossible date', replace(EDITION, '"date": "2024-09-18"', '"date": "2024-13-01"'), EDITION, 'date'],
	['edition: date that is not its folder', replace(EDITION, '"date": "2024-09-18"', '"date": "2024-09-19"'), EDITION, 'date'],
	['edition: negative issue number', replace(EDITION, '"date": "2024-09-18",', '"date": "2024-09-18",\n  "issue": -3,'), EDITION, 'issue'],
	// Story frontmatter
	['story: missing headline', replace(ERQI, /^headline: .*\n/m, ''), ERQI, 'headline'],
	['story: page of the wrong type', replace(ERQI, 'page: 5', 'page: 五'), ERQI, 'page'],
	['story: page not in its edition', replace(ERQI, 'page: 5', 'page: 7'), ERQI, 'page'],
	['story: unknown dataset', replace(ERQI, 'datasets: [erqi-governance]', 'datasets: [erqi-governence]'), ERQI, 'datasets[0]'],
	['story: time without +08:00', replace(ERQI, 'publishedAt: "2024-09-18"', 'publishedAt: "2024-09-18T00:00:00Z"'), ERQI, 'publishedAt'],
	['story: impossible edition date', replace(ERQI, 'edition: "2024-09-18"', 'edition: "2024-02-30"'), ERQI, 'edition'],
	['story: misspelt field', replace(ERQI, 'kicker:', 'kickr:'), ERQI, 'kickr'],
	['story: draft that is not true or false', replace(ERQI, 'position: 1', 'position: 1\ndraft: maybe'), ERQI, 'draft'],
	['story: image without alt text', replace(ERQI, /  - alt: .*\n    caption/, '  - caption'), ERQI, 'images[0].alt'],
	['story: image file that is not there', replace(ERQI, '  - alt:', '  - file: ./photos/missing.jpg\n    alt:'), ERQI, 'images[0].file'],
	['story: no frontmatter', edit(ZHONGYUAN, (text) => text.replace(/^---[\s\S]*?\n---\n/, '')), ZHONGYUAN, '(file)'],
	['story: frontmatter that is not YAML', replace(ERQI, 'page: 5', 'page: [5'), ERQI, '(file)'],
	['story: empty file', write(ZHONGYUAN, ''), ZHONGYUAN, '(file)'],
	['story: saved as GBK', write(ZHONGYUAN, Buffer.concat([Buffer.from('---\nheadline: '), GBK, Buffer.from('\n---\n')])), ZHONGYUAN, '(file)'],
	['story: file name that is not a slug', write('content/2024-09-18/Bad Name.mdx', '---\n---\n'), 'content/2024-09-18/Bad Name.mdx', '(file)'],
	['story: a link to a story elsewhere on the disk', linkOutside('content/2024-09-18/linked-story.mdx', '---\nedition: "2024-09-18"\n---\n'), 'content/2024-09-18/linked-story.mdx', '(file)'],
	['story: image path that climbs out of the project', replace(ERQI, '  - alt:', '  - file: ./../../../../etc/outside.png\n    alt:'), ERQI, 'images[0].file'],
	['story: image that is a link to a file elsewhere', both(linkOutside('content/2024-09-18/photos/linked.jpg', 'not really a JPEG'), replace(ERQI, '  - alt:', '  - file: ./photos/linked.jpg\n    alt:')), ERQI, 'images[0].file'],
	['story: control character in the headline', replace(ZHONGYUAN, /^headline: .*$/m, 'headline: "中原区\\0政务\\b服务\\uFFFE"'), ZHONGYUAN, 'headline'],
	['story: summary with a control character', replace(ZHONGYUAN, /^summary: .*$/m, 'summary: "摘要\\x08。"'), ZHONGYUAN, 'summary'],
	['story: headline of zero-width characters only', replace(ZHONGYUAN, /^headline: .*$/m, 'headline: "\\u200b\\u200c\\u200d\\u2060"'), ZHONGYUAN, 'headline'],
	['story: headline with a right-to-left override', replace(ZHONGYUAN, /^headline: .*$/m, 'headline: "收入\\u202E3440万元"'), ZHONGYUAN, 'headline'],
	['story: column name with a slash', replace(XINGYANG, 'column: 文旅看台', 'column: 政务/服务'), XINGYANG, 'column'],
	['story: column name that climbs out', replace(XINGYANG, 'column: 文旅看台', 'column: ../../x'), XINGYANG, 'column'],
	['story: outside an edition folder', write('content/drafts/story.mdx', '---\n---\n'), 'content/drafts/story.mdx', '(file)'],
	// Story bodies
	['body: unclosed tag', appendToStory('<Chart dataset="zhongyuan-government-services" chart="delegated-items">'), ZHONGYUAN, 'body'],
	['body: unknown component', appendToStory('<Map place="中原区" />'), ZHONGYUAN, '<Map>'],
	['body: script element', appendToStory('<script>alert(1)</script>'), ZHONGYUAN, '<script>'],
	['body: javascript: link', appendToStory('[点击](javascript:alert(1))'), ZHONGYUAN, 'body'],
	['body: javascript: image', appendToStory('![图](javascript:alert(1))'), ZHONGYUAN, 'body'],
	['body: data: address in a reference definition', appendToStory('[点击][ref]\n\n[ref]: data:text/html;base64,PHNjcmlwdD4='), ZHONGYUAN, 'body'],
	['body: import statement', appendToStory('import Evil from "./evil.js"'), ZHONGYUAN, 'body'],
	['body: expression', appendToStory('共{1 + 1}项'), ZHONGYUAN, 'body'],
	// Chart props and bound figures
	['chart prop: unknown chart', appendToStory('<Chart dataset="zhongyuan-government-services" chart="pie" />'), ZHONGYUAN, '<Chart> chart'],
	['chart prop: unknown prop', appendToStory('<Chart dataset="zhongyuan-government-services" chart="delegated-items" color="red" />'), ZHONGYUAN, '<Chart> color'],
	['chart prop: missing dataset', appendToStory('<Chart chart="delegated-items" />'), ZHONGYUAN, '<Chart> dataset'],
	['bound figure: unknown figure', appendToStory('共<Num dataset="zhongyuan-government-services" figure="robots" />。'), ZHONGYUAN, '<Num> figure'],
	['bound figure: dataset the story does not list', appendToStory('共<Num dataset="erqi-governance" figure="grids-micro" />。'), ZHONGYUAN, '<Num> dataset'],
	['bound figure: value changed under its sentence', replace(TOURISM, '"value": 403890', '"value": 403900'), TOURISM, 'figures[4].value'],
	// Datasets
	['dataset: malformed JSON', replace(SERVICES, '"region": "中原区",', '"region": "中原区"'), SERVICES, '(file)'],
	['dataset: empty file', write(SERVICES, '\n'), SERVICES, '(file)'],
	['dataset: saved as GBK', write('data/gbk-data.json', Buffer.concat([Buffer.from('{"title": "'), GBK, Buffer.from('"}')])), 'data/gbk-data.json', '(file)'],
	['dataset: unknown kind', replace(SERVICES, '"kind": "government-services"', '"kind": "weather"'), SERVICES, 'kind'],
	['dataset: negative count', replace(ERQI_DATA, '"value": 736', '"value": -736'), ERQI_DATA, 'figures[0].value'],
	['dataset: percentage over 100', replace(SERVICES, /"value": 100,\n(\s*)"unit": "%",\n(\s*)"qualifier"/, '"value": 120,\n$1"unit": "%",\n$2"qualifier"'), SERVICES, 'figures[5].value'],
	['dataset: fraction of a counted thing', replace(ERQI_DATA, '"value": 1095', '"value": 1095.5'), ERQI_DATA, 'figures[2].value'],
	['dataset: value that is not a number', replace(ERQI_DATA, '"value": 1095', '"value": "1095个"'), ERQI_DATA, 'figures[2].value'],
	['dataset: two figures with one id', replace(ERQI_DATA, '"id": "volunteer-organisations"', '"id": "party-organisations"'), ERQI_DATA, 'figures[2].id'],
	['dataset: qualifier the paper does not use', replace(ERQI_DATA, '"qualifier": "余"', '"qualifier": "大约"'), ERQI_DATA, 'figures[15].qualifier'],
	['dataset: figure without a unit', replace(ERQI_DATA, /"unit": "个",\n\s*"group": "organisations",\n/, '"group": "organisations",\n'), ERQI_DATA, 'figures[0].unit'],
	['dataset: tourism figure without its place', replace(TOURISM, '"place": "中牟县",\n      "metric": "visitors"', '"metric": "visitors"'), TOURISM, 'figures[0].place'],
	['dataset: source story that does not exist', replace(SERVICES, '"article": "2024-09-18/zhongyuan-zhengwu-fuwu"', '"article": "2024-09-18/zhongyuan"'), SERVICES, 'figures[0].source.article'],
	['dataset: source sentence not in the story', replace(SERVICES, '目前,专窗已接待返乡退役军人报到20余人次。', '目前,专窗已接待退役军人报到20余人次。'), SERVICES, 'figures[0].source.sentence'],
	['dataset: chart naming a missing figure', replace(SERVICES, '"whole": "service-items"', '"whole": "all-items"'), SERVICES, 'charts[0]'],
	['dataset: chart of an unknown kind', replace(SERVICES, '"kind": "part-of-whole"', '"kind": "pie"'), SERVICES, 'charts[0].kind'],
	['dataset: chart comparing 人次 with 元', replace(TOURISM, /"zhongmou-visitors",\n(\s*)"xingyang-visitors"/, '"zhongmou-visitors",\n$1"xingyang-revenue"'), TOURISM, 'charts[0]'],
	['dataset: computed figure dividing by a missing figure', replace(TOURISM, /"xingyang-revenue",\n(\s*)"xingyang-visitors"\n/, '"xingyang-revenue",\n$1"xingyang-guests"\n'), TOURISM, 'derived[0].of'],
	['dataset: a link to a dataset elsewhere on the disk', linkOutside('data/linked-data.json', '{}'), 'data/linked-data.json', '(file)'],
	['dataset: label with a non-character', replace(ERQI_DATA, '"label": "基层党组织"', '"label": "基层党组织\\uFFFE"'), ERQI_DATA, 'figures[0].label'],
	['dataset: amount too small to print', replace(TOURISM, '"value": 34406700', '"value": 1e-12'), TOURISM, 'figures[5].value'],
	['edition: page name with a control character', replace(EDITION, '"name": "区县新闻"', '"name": "区县\\u0000新闻"'), EDITION, 'pages[0].name'],
	['dataset: file name that is not an id', write('data/Erqi Data.json', '{}'), 'data/Erqi Data.json', '(file)'],
];

let root: string;
let outDir: string;
let pristine: Map<string, string>;
let goodDist: string;

async function treeHashes(folder: string, skip: (path: string) => boolean = () => false): Promise<Map<string, string>> {
	const hashes = new Map<string, string>();
	for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
		const path = join(entry.parentPath, entry.name);
		if (!entry.isFile() || skip(path.slice(folder.length + 1))) continue;
		hashes.set(path.slice(folder.length + 1), createHash('sha256').update(await readFile(path)).digest('hex'));
	}
	return hashes;
}
const digest = (hashes: Map<string, string>) => createHash('sha256').update(JSON.stringify([...hashes].sort())).digest('hex');
/** The site root's own files: what a failed build must not touch (its output and caches aside). */
const siteFiles = (folder: string) => treeHashes(folder, (path) => path.startsWith('dist') || path.startsWith('.astro-cache'));

beforeAll(async () => {
	outside = await realpath(await mkdtemp(join(tmpdir(), 'broadsheet-outside-')));
	// The sample as the run's global setup built it: the last good site, with its caches.
	({ root, dist: outDir } = await copyBuiltSample('broadsheet-bad-input-'));
	pristine = await treeHashes(join(root));
	goodDist = digest(await treeHashes(outDir));
});

afterAll(async () => {
	await rm(root, { recursive: true, force: true });
	await rm(outside, { recursive: true, force: true });
});

/** Puts the site root back as the sample was, leaving the good dist/ in place. */
async function restore(): Promise<void> {
	// Links are not files to treeHashes: removed here.
	for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
		if (entry.isSymbolicLink()) await rm(join(entry.parentPath, entry.name));
	}
	const now = await siteFiles(root);
	for (const path of now.keys()) if (!pristine.has(path)) await rm(join(root, path));
	const fresh = await copySampleSite('broadsheet-bad-input-source-');
	for (const path of pristine.keys()) {
		if (path.startsWith('dist') || path.startsWith('.astro-cache')) continue;
		if (now.get(path) !== pristine.get(path)) await writeFile(join(root, path), await readFile(join(fresh, path)));
	}
	await rm(fresh, { recursive: true, force: true });
}

describe('bad input', () => {
	it('has at least 40 cases', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
	});

	it.each(CASES)('%s: the build fails naming the file and field, and the last good site is untouched', async (name, breakIt, file, field) => {
		await restore();
		await breakIt(root);
		const before = await siteFiles(root);
		const result = await buildSite(root, outDir);
		expect(result.code, name).not.toBe(0);
		const problems = result.stderr.split('\n').filter((line) => line.startsWith('  '));
		const named = problems.find((line) => line.includes(`${file}`) && line.includes(`  ${field}`));
		expect(named, `no line names ${file} and ${field}:\n${result.stderr}`).toBeDefined();
		expect(named).toMatch(/expected/);
		// The folder outside the site is a new temporary one each run.
		expect(problems.map((line) => line.replaceAll(outside, '<outside>'))).toMatchSnapshot();
		expect(digest(await treeHashes(outDir))).toBe(goodDist);
		expect(await siteFiles(root)).toEqual(before);
		await expect(stat(`${outDir}.staging`)).rejects.toThrow();
		// A build takes its turn at the project's build lock, which the dev-server test
		// (tests/e2e/editors/dev.test.ts) holds while its server runs: a case may wait for it.
	}, 300_000);

	it('a UTF-8 byte-order mark, as Windows editors write, is accepted', async () => {
		await restore();
		await editFile(root, ERQI, (text) => `\uFEFF${text}`);
		await editFile(root, ERQI_DATA, (text) => `\uFEFF${text}`);
		const result = await buildSite(root, outDir);
		expect(result.code, result.stderr).toBe(0);
		await restore();
	});
});
