/**
 * `npm run new -- edition|article|dataset …`: creates a new edition, story or dataset from a
 * skeleton that is valid from the first build, so editors never start from a blank file or copy
 * code. Never overwrites a file. Honours BROADSHEET_ROOT like every other command.
 *
 *   npm run new -- edition 2024-09-19
 *   npm run new -- article --edition 2024-09-19 --page 5 --slug xinzheng-zhongqiu
 *   npm run new -- dataset --kind holiday-tourism --id xinzheng-zhongqiu-2024 --article 2024-09-19/xinzheng-zhongqiu
 */
import { parseArgs } from 'node:util';
import { siteRoot } from '../src/config/site-root.ts';
import { newArticle } from '../src/editors/new-article.ts';
import { newDataset } from '../src/editors/new-dataset.ts';
import { newEdition } from '../src/editors/new-edition.ts';
import { ScaffoldError, type Scaffolded } from '../src/editors/scaffold-error.ts';

const USAGE = `Usage:
  npm run new -- edition <YYYY-MM-DD>
  npm run new -- article --edition <YYYY-MM-DD> --page <n> --slug <slug>
  npm run new -- dataset --kind <governance|holiday-tourism|government-services> --id <id> --article <YYYY-MM-DD>/<slug>
See docs/editors-guide.md.`;

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				edition: { type: 'string' },
				page: { type: 'string' },
				slug: { type: 'string' },
				kind: { type: 'string' },
				id: { type: 'string' },
				article: { type: 'string' },
			},
		});
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		return 1;
	}
	const { positionals, values } = parsed;
	const [what, ...rest] = positionals;
	try {
		let created: Scaffolded;
		if (what === 'edition' && rest.length <= 1) created = await newEdition(siteRoot, rest[0]);
		else if (what === 'article' && rest.length === 0) created = await newArticle(siteRoot, values);
		else if (what === 'dataset' && rest.length === 0) created = await newDataset(siteRoot, values);
		else {
			console.error(USAGE);
			return 1;
		}
		console.log(`Created ${created.file}`);
		for (const note of created.notes) console.log(`  ${note}`);
		return 0;
	} catch (error) {
		if (!(error instanceof ScaffoldError)) throw error;
		console.error(`Nothing was created: ${error.message}${error.hint ? `  → ${error.hint}` : ''}`);
		return 1;
	}
}

process.exitCode = await main();
