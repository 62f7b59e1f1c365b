/**
 * The baseline the bench compares against: a plain Astro + MDX site over the same story files,
 * with a minimal layout and none of Broadsheet's features (no validation, schemas, editions,
 * pages, datasets or styles). It is written into a folder of its own, without a package.json;
 * its `node_modules` is a link to the project's, so it builds with exactly the project's Astro.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Options of `writeBaselineSite`. */
export interface BaselineOptions {
	/** The folder to write the baseline site into. */
	root: string;
	/** The generated archive's `content/` folder, which the baseline reads in place. */
	contentDir: string;
	/** The project whose `node_modules` the baseline uses. */
	projectRoot: string;
	/** MDX components the stories use; each gets an empty stand-in, so the stories render. */
	componentNames: readonly string[];
}

/** Writes the baseline site; build it with `node <projectRoot>/node_modules/astro/bin/astro.mjs build` in `root`. */
export async function writeBaselineSite({ root, contentDir, projectRoot, componentNames }: BaselineOptions): Promise<void> {
	await mkdir(join(root, 'src/pages'), { recursive: true });
	await mkdir(join(root, 'src/components'), { recursive: true });
	await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
	// Caches stay in the baseline's folder: through the link, Astro's and Vite's defaults would write into the project's node_modules.
	await writeFile(
		join(root, 'astro.config.mjs'),
		`import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: 'https://example.org',
	trailingSlash: 'always',
	cacheDir: './.astro-cache',
	integrations: [mdx()],
	vite: { cacheDir: './.vite-cache' },
});
`,
	);
	await writeFile(
		join(root, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
	articles: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: ${JSON.stringify(pathToFileURL(`${contentDir}/`).href)} }) }),
};
`,
	);
	await writeFile(join(root, 'src/components/Stub.astro'), '<span class="stub"></span>\n');
	const stubs = componentNames.map((name) => `${name}: Stub`).join(', ');
	await writeFile(
		join(root, 'src/pages/[...slug].astro'),
		`---
import { getCollection, render } from 'astro:content';
import Stub from '../components/Stub.astro';

export async function getStaticPaths() {
	const articles = await getCollection('articles');
	return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}

const { article } = Astro.props;
const { Content } = await render(article);
const components = { ${stubs} };
void Stub;
---

<!doctype html>
<html lang="zh-CN">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<title>{article.data.headline}</title>
	</head>
	<body>
		<main>
			<h1>{article.data.headline}</h1>
			<Content components={components} />
		</main>
	</body>
</html>
`,
	);
	await writeFile(
		join(root, 'src/pages/index.astro'),
		`---
import { getCollection } from 'astro:content';

const articles = await getCollection('articles');
---

<!doctype html>
<html lang="zh-CN">
	<head>
		<meta charset="utf-8" />
		<title>Archive</title>
	</head>
	<body>
		<ul>{articles.map((article) => <li><a href={\`/\${article.id}/\`}>{article.data.headline}</a></li>)}</ul>
	</body>
</html>
`,
	);
}
