/**
 * The benchmark builds with a copy of the project's code, so that it can change a template (the
 * story layout's markup and the stylesheet) the way a developer would, and measure the rebuild,
 * without touching the checkout it belongs to. The copy shares the checkout's `node_modules`
 * through a link; outputs and caches (dist, .astro, node_modules/.astro) are not copied.
 */
import { appendFile, cp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Top-level entries that are outputs or caches of a checkout, not its code. */
const NOT_CODE = new Set(['node_modules', '.git', '.astro', '.astro-cache', 'dist', 'test-results']);

/** Copies the project's code (the working tree, uncommitted changes included) into `dest`. */
export async function copyProject(projectRoot: string, dest: string): Promise<void> {
	for (const entry of await readdir(projectRoot)) {
		if (NOT_CODE.has(entry) || entry.startsWith('dist.')) continue;
		await cp(join(projectRoot, entry), join(dest, entry), { recursive: true, verbatimSymlinks: true });
	}
	await symlink(join(projectRoot, 'node_modules'), join(dest, 'node_modules'), 'dir');
}

/** The story page's route and the stylesheet every page links: the template change edits both. */
const STORY_ROUTE = 'src/pages/[edition]/[page]/[article].astro';
const STYLESHEET = 'src/styles/global.css';

/** The markup the template change adds to every story page, by which the runner finds it there. */
export const TEMPLATE_MARK = 'bench-template-change';

/**
 * Changes the copy's story layout (a paragraph at the end of every story's `<article>`) and its
 * stylesheet (one rule), as a designer's change to the story template would.
 */
export async function changeStoryTemplate(projectCopy: string): Promise<void> {
	const route = join(projectCopy, STORY_ROUTE);
	const source = await readFile(route, 'utf8');
	const end = source.lastIndexOf('</article>');
	if (end < 0) throw new Error(`${STORY_ROUTE} has no </article>: the bench's template change needs a new place`);
	await writeFile(route, `${source.slice(0, end)}<p class="${TEMPLATE_MARK}">本报版式调整</p>\n\t${source.slice(end)}`);
	await appendFile(join(projectCopy, STYLESHEET), `\n.${TEMPLATE_MARK} { letter-spacing: 0.01em; }\n`);
}
