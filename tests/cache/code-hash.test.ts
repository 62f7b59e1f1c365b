import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeHash, hashImportClosure, importClosure, moduleImports } from '../../src/cache/code-hash.ts';
import { projectRoot } from '../helpers/site-fixture.ts';

/**
 * A cache entry is keyed on the code that made it, found by following the imports of the module
 * that makes it: a change anywhere in that closure (however deep) must change the key, and a change
 * outside it must not, or every edit would empty every cache.
 */

let root: string;

async function write(file: string, text: string): Promise<void> {
	await mkdir(dirname(join(root, file)), { recursive: true });
	await writeFile(join(root, file), text);
}

beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'broadsheet-code-hash-'));
	await write('package.json', '{"name":"fixture","type":"module"}');
	await write('node_modules/satori/package.json', '{"name":"satori","version":"0.63.2"}');
	await write('node_modules/@resvg/resvg-js/package.json', '{"name":"@resvg/resvg-js","version":"2.6.2"}');
	await write('node_modules/pagefind/package.json', '{"name":"pagefind","version":"1.6.0"}');
	await write(
		'src/social/card.ts',
		[
			"import { Resvg } from '@resvg/resvg-js';",
			"import satori from 'satori';",
			"import { readFile } from 'node:fs/promises';",
			"import type { Shape } from '../schemas/shape.ts';",
			"import { formatFigure } from '../lib/figures.ts';",
			'export const draw = (shape: Shape): string => formatFigure(shape.value) + String(Resvg) + String(satori) + String(readFile);',
			'',
		].join('\n'),
	);
	await write('src/lib/figures.ts', "import { DIGITS } from './digits.mjs';\nexport const formatFigure = (value: number): string => value.toFixed(DIGITS);\n");
	await write('src/lib/digits.mjs', 'export const DIGITS = 1;\n');
	await write('src/schemas/shape.ts', 'export interface Shape { value: number }\n');
	await write('src/lib/unrelated.ts', 'export const unrelated = 1;\n');
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe('importClosure(project, module)', () => {
	it('follows relative imports transitively, leaves type-only imports out, and lists the packages with their installed versions', () => {
		expect(importClosure(root, 'src/social/card.ts')).toEqual({
			files: ['src/lib/digits.mjs', 'src/lib/figures.ts', 'src/social/card.ts'],
			packages: [
				['@resvg/resvg-js', '2.6.2'],
				['satori', '0.63.2'],
			],
		});
	});

	it('follows the imports in an .astro component’s frontmatter, and hashes a stylesheet it imports', async () => {
		await write('src/layouts/Base.astro', "---\nimport { formatFigure } from '../lib/figures.ts';\nimport '../styles/base.css';\n---\n<p>{formatFigure(1)}</p>\n");
		await write('src/styles/base.css', 'p { color: red; }\n');
		expect(importClosure(root, 'src/layouts/Base.astro').files).toEqual(['src/layouts/Base.astro', 'src/lib/digits.mjs', 'src/lib/figures.ts', 'src/styles/base.css']);
	});

	it('names both files when a module imports one that does not exist', async () => {
		await write('src/lib/figures.ts', "export { DIGITS } from './gone.ts';\n");
		expect(() => importClosure(root, 'src/social/card.ts')).toThrow('src/lib/figures.ts: imports "./gone.ts", which does not exist');
	});
});

describe('hashImportClosure(project, module, packages)', () => {
	const hash = () => hashImportClosure(root, 'src/social/card.ts', ['pagefind']);

	it('changes when a file two imports away changes', async () => {
		const before = hash();
		await write('src/lib/digits.mjs', 'export const DIGITS = 2;\n');
		expect(hash()).not.toBe(before);
	});

	it('changes when an imported package or a listed one is upgraded', async () => {
		const before = hash();
		await write('node_modules/satori/package.json', '{"name":"satori","version":"0.64.0"}');
		const afterSatori = hash();
		expect(afterSatori).not.toBe(before);
		await write('node_modules/pagefind/package.json', '{"name":"pagefind","version":"1.7.0"}');
		expect(hash()).not.toBe(afterSatori);
	});

	it('stays the same when a file outside the closure, or one imported only for its types, changes', async () => {
		const before = hash();
		await write('src/lib/unrelated.ts', 'export const unrelated = 2;\n');
		await write('src/schemas/shape.ts', 'export interface Shape { value: number; label: string }\n');
		expect(hash()).toBe(before);
	});

	it('is computed once per process by codeHash', async () => {
		const before = codeHash(root, 'src/social/card.ts');
		await write('src/lib/digits.mjs', 'export const DIGITS = 3;\n');
		expect(codeHash(root, 'src/social/card.ts')).toBe(before);
		expect(hashImportClosure(root, 'src/social/card.ts')).not.toBe(before);
	});
});

describe("the project's own producers", () => {
	it('the card design and the figure formatters are in the closures of the stores they make', () => {
		expect(importClosure(projectRoot, 'src/social/card-worker.ts').files).toContain('src/social/social-card.ts');
		expect(importClosure(projectRoot, 'src/social/card-worker.ts').packages.map(([name]) => name)).toEqual(expect.arrayContaining(['satori', '@resvg/resvg-js']));
		// The schemas import the formatters: the story store is keyed on them (it was not, with a folder list).
		expect(importClosure(projectRoot, 'src/loaders/story-loader.ts').files).toEqual(expect.arrayContaining(['src/schemas/article.ts', 'src/figures/figures.ts']));
		expect(importClosure(projectRoot, 'src/search/index-for-search.ts').packages.map(([name]) => name)).toContain('pagefind');
	});

	it('reads a module’s imports, static and dynamic, without its types', () => {
		const source = "import type { A } from './a.ts';\nimport { b, type C } from './b.ts';\nexport type { D } from './d.ts';\nexport * from './e.ts';\nconst f = await import('./f.ts');\nimport 'astro:content';\n";
		expect(moduleImports(source, 'x.ts')).toEqual({ relative: ['./b.ts', './e.ts', './f.ts'], packages: ['astro:content'] });
	});
});
