/**
 * `npm run check`: validates the whole site (config, editions, stories, datasets, chart props,
 * bound figures, provenance) without building a page, and prints every problem at once as
 * `file:line  field  message  → fix`, then the warnings, which do not fail. Exits non-zero when
 * there is a problem. The same validation as `npm run build`, so a clean check means the content
 * builds. Honours BROADSHEET_ROOT.
 */
import { siteRoot } from '../src/config/site-root.ts';
import { formatProblem, formatProblems } from '../src/core/problem.ts';
import { validateSite } from '../src/validation/validate-site.ts';

const started = performance.now();
const site = await validateSite(siteRoot);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (site.problems.length > 0) console.error(`${formatProblems(site.problems)}\n`);
if (site.warnings.length > 0) {
	console.log(`${site.warnings.length === 1 ? '1 warning' : `${site.warnings.length} warnings`} (they do not stop the build):`);
	for (const warning of site.warnings) console.log(`  ${formatProblem(warning)}`);
	console.log('');
}
/** `1 story`, `4 stories`. */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

if (site.problems.length > 0) {
	console.error(`Check failed: ${count(site.problems.length, 'problem')} to fix (${seconds} s).`);
	process.exitCode = 1;
} else {
	const charts = [...site.datasets.values()].reduce((sum, dataset) => sum + dataset.data.charts.length, 0);
	const drafts = [...site.articles.values()].filter((article) => article.data.draft).length;
	console.log(
		`Check passed: ${count(site.editions.size, 'edition')}, ${count(site.articles.size, 'story', 'stories')}${drafts > 0 ? ` (${count(drafts, 'draft')})` : ''}, ` +
			`${count(site.datasets.size, 'dataset')}, ${count(charts, 'chart')} in ${seconds} s.`,
	);
}
