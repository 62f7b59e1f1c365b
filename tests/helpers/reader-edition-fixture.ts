import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { sharedSite, type SharedSite } from './shared-site.ts';
import { copySampleSite, editFile } from './site-fixture.ts';

/**
 * Made-up content for the reader's edition that the sample has none of (it printed no correction
 * and has no page scan): a copy of the sample with the sample edition again under 2024-09-16 and
 * 2024-09-19 (so 2024-09-17 has no edition). On 2024-09-19 the Zhongyuan story moves to a page
 * 01 of its own, without a scan; page 05 has a scan the test draws ({@link SCAN_SIZE}), a PDF and
 * one region per story; the Xingyang story carries {@link CORRECTION} (and the Zhongmou story of
 * 2024-09-16 {@link EARLIER_CORRECTION}), and the tourism dataset's
 * change log corrects the Xingyang revenue figure from {@link PREVIOUS_REVENUE}.
 */
export const EDITION = '2024-09-19';
export const SCAN_SIZE = { width: 1000, height: 1400 };
export const REGIONS = [
	{ story: 'erqi-louyuan-zhili', x: 40, y: 60, width: 920, height: 700 },
	{ story: 'zhongmou-zhongqiu-lvyou', x: 40, y: 800, width: 440, height: 560 },
	{ story: 'xingyang-zhongqiu-lvyou', x: 520, y: 800, width: 440, height: 560 },
];
export const CORRECTION = {
	date: '2024-09-20T10:00:00+08:00',
	text: '本文原称荥阳市旅游收入“3440万元”，应为“3440.67万元”。',
	dataset: 'mid-autumn-tourism-2024',
};
/** An earlier correction, of the Zhongmou story of 2024-09-16: the 更正 page lists it after {@link CORRECTION}. */
export const EARLIER_CORRECTION = { date: '2024-09-17T09:00:00+08:00', text: '本文一处错字已更正。（测试用更正）' };
export const PREVIOUS_REVENUE = { value: 34400000, fractionDigits: 0 };
export const CHANGE_DESCRIPTION = '据荥阳市文化广电和旅游局通报更正（测试数据）。';

/** Copies the sample's edition under another date, as the archive fixture does. */
async function copyEdition(root: string, date: string): Promise<void> {
	const folder = join(root, 'content', date);
	await cp(join(root, 'content/2024-09-18'), folder, { recursive: true });
	for (const file of await readdir(folder)) {
		const path = join(folder, file);
		await writeFile(path, (await readFile(path, 'utf8')).replaceAll('2024-09-18', date));
	}
}

/** A PDF of one empty page, enough for a browser or a PDF reader to open. */
const EMPTY_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

export async function copyReaderEditionSite(prefix = 'broadsheet-reader-edition-'): Promise<string> {
	const root = await copySampleSite(prefix);
	await copyEdition(root, '2024-09-16');
	await copyEdition(root, EDITION);
	const folder = join(root, 'content', EDITION);
	await mkdir(join(folder, 'scans'));
	// A grey page with darker story blocks where the regions are, as a scan would show columns of type.
	const blocks = await Promise.all(
		REGIONS.map(async (region) => ({
			input: await sharp({ create: { width: region.width, height: region.height, channels: 3, background: { r: 120, g: 120, b: 120 } } }).png().toBuffer(),
			left: region.x,
			top: region.y,
		})),
	);
	await sharp({ create: { ...SCAN_SIZE, channels: 3, background: { r: 235, g: 232, b: 224 } } })
		.composite(blocks)
		.png()
		.toFile(join(folder, 'scans/05.png'));
	await writeFile(join(folder, 'scans/05.pdf'), EMPTY_PDF);
	const edition = JSON.parse(await readFile(join(folder, 'edition.json'), 'utf8'));
	edition.pages = [
		{ number: 1, name: '要闻' },
		{ number: 5, name: '区县新闻', scan: { image: './scans/05.png', pdf: './scans/05.pdf', regions: REGIONS } },
	];
	await writeFile(join(folder, 'edition.json'), JSON.stringify(edition, null, 2));
	await editFile(root, `content/${EDITION}/zhongyuan-zhengwu-fuwu.mdx`, (text) => text.replace(/^page: 5$/m, 'page: 1'));
	await editFile(root, `content/${EDITION}/xingyang-zhongqiu-lvyou.mdx`, (text) =>
		text.replace(
			/^publishedAt: .*$/m,
			(line) => `${line}\ncorrections:\n  - date: "${CORRECTION.date}"\n    text: ${CORRECTION.text}\n    dataset: ${CORRECTION.dataset}`,
		),
	);
	await editFile(root, 'content/2024-09-16/zhongmou-zhongqiu-lvyou.mdx', (text) =>
		text.replace(/^publishedAt: .*$/m, (line) => `${line}\ncorrections:\n  - date: "${EARLIER_CORRECTION.date}"\n    text: ${EARLIER_CORRECTION.text}`),
	);
	await editFile(root, 'data/mid-autumn-tourism-2024.json', (text) => {
		const dataset = JSON.parse(text);
		dataset.changes = [{ date: CORRECTION.date, description: CHANGE_DESCRIPTION, figure: 'xingyang-revenue', previous: PREVIOUS_REVENUE }];
		return JSON.stringify(dataset, null, 2);
	});
	return root;
}

/** The reader-edition fixture, built once for the test run (tests/helpers/shared-site.ts) and read by the site's and the browser's tests. */
export function builtReaderEditionSite(): Promise<SharedSite> {
	return sharedSite('reader-edition', () => copyReaderEditionSite());
}
