import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentText } from '../core/content-text.ts';
import { SITE_LAYOUT } from '../config/site-layout.ts';
import { editionSchema, type EditionPage } from '../schemas/edition.ts';
import { ScaffoldError, type Scaffolded } from './scaffold-error.ts';

/** The pages of a site's first edition, when there is no earlier one to copy. */
const FIRST_EDITION_PAGES: EditionPage[] = [{ number: 1, name: '要闻' }];

/** The latest edition before `date` that can be read, with its pages and issue number. */
async function previousEdition(root: string, date: string): Promise<{ date: string; pages: EditionPage[]; issue?: number } | undefined> {
	const folder = join(root, SITE_LAYOUT.content);
	if (!existsSync(folder)) return undefined;
	const dates = (await readdir(folder)).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name) && name < date).sort().reverse();
	for (const candidate of dates) {
		const file = join(folder, candidate, SITE_LAYOUT.editionFile);
		if (!existsSync(file)) continue;
		try {
			const edition = editionSchema.parse(JSON.parse(contentText(await readFile(file))));
			return { date: candidate, pages: edition.pages, issue: edition.issue };
		} catch {
			// An edition that does not validate is `npm run check`'s to report; copy an earlier one.
		}
	}
	return undefined;
}

/** An edition file written the way the sample's is: one page per line. */
function editionJson(date: string, pages: EditionPage[], issue?: number): string {
	const lines = [
		'{',
		`  "date": ${JSON.stringify(date)},`,
		...(issue === undefined ? [] : [`  "issue": ${issue},`]),
		'  "pages": [',
		pages.map((page) => `    { "number": ${page.number}, "name": ${JSON.stringify(page.name)} }`).join(',\n'),
		'  ],',
		'  "notes": []',
		'}',
	];
	return `${lines.join('\n')}\n`;
}

/**
 * `npm run new -- edition <date>`: creates `content/<date>/edition.json` with the pages (numbers
 * and names) of the latest earlier edition, since a paper's pages change rarely from day to day.
 */
export async function newEdition(root: string, date: string | undefined): Promise<Scaffolded> {
	if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
		throw new ScaffoldError(`received ${date === undefined ? 'no date' : `"${date}"`}; expected the edition's date as YYYY-MM-DD`, 'npm run new -- edition 2024-09-19');
	}
	const file = `${SITE_LAYOUT.content}/${date}/${SITE_LAYOUT.editionFile}`;
	if (existsSync(join(root, file))) throw new ScaffoldError(`${file} already exists; expected a new edition`, 'edit the existing file instead');
	const previous = await previousEdition(root, date);
	const pages = previous?.pages ?? FIRST_EDITION_PAGES;
	// Issue numbers usually go up by one a day; the editor corrects it when a day was skipped.
	const issue = previous?.issue === undefined ? undefined : previous.issue + 1;
	await mkdir(join(root, SITE_LAYOUT.content, date), { recursive: true });
	await writeFile(join(root, file), editionJson(date, pages, issue));
	const pageList = pages.map((page) => `${String(page.number).padStart(2, '0')} ${page.name}`).join(', ');
	return {
		file,
		notes: [
			previous ? `pages copied from ${previous.date}: ${pageList}` : `no earlier edition to copy; one page: ${pageList}`,
			issue === undefined ? 'issue: none (add "issue": <number> if the paper prints one)' : `issue: ${issue} (the previous edition's + 1; correct it if that is wrong)`,
		],
	};
}
