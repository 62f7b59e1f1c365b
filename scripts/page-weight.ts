/**
 * `node scripts/page-weight.ts [dist] [--json]`: prints what each page of a built site loads on a
 * first visit, HTML, CSS, JavaScript, fonts and images, raw and gzipped. The base path and origin
 * are read from the front page's canonical link, so a build under `/paper/` is weighed as served.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatPageWeights, weighSite } from '../src/tools/page-weight.ts';

const args = process.argv.slice(2);
const dist = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'dist');
if (!existsSync(dist)) {
	console.error(`${dist} does not exist: build the site first (npm run build), or name the folder to weigh.`);
	process.exit(1);
}
const weights = await weighSite(dist);
console.log(args.includes('--json') ? JSON.stringify(weights, null, '\t') : formatPageWeights(weights));
