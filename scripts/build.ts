/**
 * `npm run build`: validates the content, builds the site into a staging folder next to the
 * output folder, and only when everything succeeded swaps it into place. A failed or killed build
 * leaves the last good site exactly as it was.
 *
 * Environment: BROADSHEET_ROOT (the site root, default: this folder), BROADSHEET_OUT_DIR (default:
 * dist), BROADSHEET_BASE and BROADSHEET_URL (override the configured base path and origin).
 */
import { build } from 'astro';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from './lib/build-lock.ts';
import { headlineCharacters, prepareHeadlineFont } from '../src/fonts/headline-font.ts';
import { indexForSearch } from '../src/search/index-for-search.ts';
import { siteRoot } from '../src/lib/site-root.ts';
import { formatProblems } from '../src/validation/problem.ts';
import { validateSite } from '../src/validation/validate-site.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const startDir = process.cwd();
const outDir = resolve(process.env.BROADSHEET_OUT_DIR ?? 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

process.env.ASTRO_TELEMETRY_DISABLED = '1';

async function main(): Promise<number> {
	// A build killed between the two renames below left the last good site in `previous`.
	if (!existsSync(outDir) && existsSync(previous)) await rename(previous, outDir);
	await rm(staging, { recursive: true, force: true });
	await rm(previous, { recursive: true, force: true });

	const started = performance.now();
	const site = await validateSite(siteRoot);
	if (site.problems.length > 0) {
		console.error(formatProblems(site.problems));
		console.error(`\nThe build stopped before writing anything; ${relativeOut()} is unchanged.`);
		return 1;
	}
	console.log(
		`Content is valid: ${site.editions.size} editions, ${site.articles.size} stories, ${site.datasets.size} datasets.`,
	);
	const font = await prepareHeadlineFont(headlineCharacters(site));
	console.log(`Headline font: ${font.characters.length} characters.`);

	try {
		await withBuildLock(projectRoot, () =>
			build({ root: projectRoot, outDir: staging, logLevel: process.env.BROADSHEET_LOG_LEVEL === 'debug' ? 'debug' : 'warn' }),
		);
	} catch (error) {
		await rm(staging, { recursive: true, force: true });
		console.error(`\nThe build failed: ${(error as Error).message}`);
		console.error(`${relativeOut()} is unchanged.`);
		return 1;
	}

	try {
		await indexForSearch(staging);
	} catch (error) {
		await rm(staging, { recursive: true, force: true });
		console.error(`\nThe search index could not be built: ${(error as Error).message}`);
		console.error(`${relativeOut()} is unchanged.`);
		return 1;
	}

	if (existsSync(outDir)) await rename(outDir, previous);
	await rename(staging, outDir);
	await rm(previous, { recursive: true, force: true });
	console.log(`Built ${relativeOut()} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
	return 0;
}

function relativeOut(): string {
	return outDir.startsWith(startDir) ? outDir.slice(startDir.length + 1) || '.' : outDir;
}

process.exitCode = await main();
