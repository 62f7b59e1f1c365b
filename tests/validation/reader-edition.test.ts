import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problem.ts';
import { validateSite } from '../../src/validation/validate-site.ts';
import { copyReaderEditionSite, EDITION, REGIONS } from '../helpers/reader-edition-fixture.ts';
import { editFile } from '../helpers/site-fixture.ts';

/**
 * Page scans, corrections and dataset changes of the reader's edition, checked by the one
 * validation path the build and `npm run check` share: each mistake gives one message naming the
 * file, the field, what was received and what was expected.
 */

const EDITION_FILE = `content/${EDITION}/edition.json`;

/** The copies a test made (some make two), removed after it. */
const roots: string[] = [];
afterEach(async () => {
	for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

/** Validates the reader-edition fixture after `breakIt` changed it; returns the problems as printed. */
async function problemsAfter(breakIt: (root: string) => Promise<void> = async () => {}): Promise<string[]> {
	const root = await copyReaderEditionSite('broadsheet-reader-edition-check-');
	roots.push(root);
	await breakIt(root);
	return (await validateSite(root)).problems.map(formatProblem);
}

/** Rewrites page 05's scan of the fixture's edition. */
const editScan = (change: (scan: { image: string; pdf?: string; regions: typeof REGIONS }) => void) => (site: string) =>
	editFile(site, EDITION_FILE, (text) => {
		const edition = JSON.parse(text);
		change(edition.pages[1].scan);
		return JSON.stringify(edition, null, 2);
	});

describe('validateSite on page scans, corrections and dataset changes', () => {
	it('accepts the fixture: a scan with one region per story, a PDF, a correction and a corrected figure', async () => {
		expect(await problemsAfter()).toEqual([]);
	});

	it('names a region that reaches outside the image, with the image’s size read from the file', async () => {
		const problems = await problemsAfter(editScan((scan) => (scan.regions[2].width = 600)));
		expect(problems).toEqual([
			`${EDITION_FILE}:29  pages[1].scan.regions[2]  received x 520, y 800, width 600, height 560, reaching 1120×1360; expected a region inside the 1000×1400 image ./scans/05.png`,
		]);
	});

	it('names a story of the page without a region, and a region given twice', async () => {
		const problems = await problemsAfter(editScan((scan) => (scan.regions[1].story = 'erqi-louyuan-zhili')));
		expect(problems).toEqual([
			expect.stringContaining('pages[1].scan.regions[1].story  received "erqi-louyuan-zhili" a second time; expected one region per story'),
			expect.stringContaining('pages[1].scan.regions  has no region for "zhongmou-zhongqiu-lvyou"; expected one region per story of page 5'),
		]);
	});

	it('refuses a region for a story of another page, and one for no story at all', async () => {
		const problems = await problemsAfter(
			editScan((scan) => scan.regions.push({ story: 'zhongyuan-zhengwu-fuwu', x: 0, y: 0, width: 10, height: 10 }, { story: 'no-such-story', x: 0, y: 0, width: 10, height: 10 })),
		);
		expect(problems).toEqual([
			expect.stringContaining('pages[1].scan.regions[3].story  received "zhongyuan-zhengwu-fuwu", a story of page 1; expected a story of page 5'),
			expect.stringContaining(
				'pages[1].scan.regions[4].story  received "no-such-story"; expected a story of page 5 of this edition: erqi-louyuan-zhili, xingyang-zhongqiu-lvyou, zhongmou-zhongqiu-lvyou',
			),
		]);
	});

	it('names a scan image or PDF that is missing, or an image that is not one', async () => {
		expect(await problemsAfter(editScan((scan) => ((scan.image = './scans/missing.png'), (scan.pdf = './scans/missing.pdf'))))).toEqual([
			expect.stringContaining('pages[1].scan.pdf  received "./scans/missing.pdf", but there is no such file next to edition.json; expected the page\'s PDF'),
			expect.stringContaining('pages[1].scan.image  received "./scans/missing.png", but there is no such file next to edition.json; expected the scan of page 5 (PNG, JPEG or WebP)'),
		]);
		expect(
			await problemsAfter(async (site) => {
				await writeFile(join(site, 'content', EDITION, 'scans/05.png'), 'not an image');
			}),
		).toEqual([expect.stringMatching(/pages\[1\]\.scan\.image {2}received "\.\/scans\/05\.png", which cannot be read as an image \(.+\); expected a PNG, JPEG or WebP image$/)]);
	});

	it('refuses a scan path outside the edition folder', async () => {
		expect(await problemsAfter(editScan((scan) => (scan.image = '../2024-09-18/scans/05.png')))).toEqual([
			expect.stringContaining('pages[1].scan.image  expected a path relative to edition.json inside its folder, such as "./scans/05.png"'),
		]);
	});

	it('names a correction’s dataset that the story does not list, and a change of a figure the dataset does not have', async () => {
		const problems = await problemsAfter(async (site) => {
			await editFile(site, `content/${EDITION}/xingyang-zhongqiu-lvyou.mdx`, (text) => text.replace('    dataset: mid-autumn-tourism-2024', '    dataset: erqi-governance'));
			await editFile(site, 'data/mid-autumn-tourism-2024.json', (text) => text.replace('"figure": "xingyang-revenue"', '"figure": "xingyang-income"'));
		});
		expect(problems).toEqual([
			expect.stringMatching(/^content\/2024-09-19\/xingyang-zhongqiu-lvyou\.mdx:\d+ {2}corrections\[0\]\.dataset {2}received "erqi-governance"; expected one of the story's datasets: mid-autumn-tourism-2024$/),
			expect.stringMatching(/^data\/mid-autumn-tourism-2024\.json:\d+ {2}changes\[0\]\.figure {2}received "xingyang-income"; expected the id of a printed figure of this dataset: zhongmou-visitors, /),
		]);
	});

	it('wants a changed figure’s value before the change with the figure', async () => {
		const problems = await problemsAfter((site) => editFile(site, 'data/mid-autumn-tourism-2024.json', (text) => text.replace(/,\s*"previous": \{[^}]*\}/, '')));
		expect(problems).toEqual([expect.stringContaining('changes[0].previous  expected "figure" and "previous" together: the corrected figure and its value before the change')]);
	});
});
