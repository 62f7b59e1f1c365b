import { glob, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import config, { LAYERS } from '../../.dependency-cruiser.mjs';
import { importClosure } from '../../src/cache/code-hash.ts';
import { projectRoot } from '../helpers/site-fixture.ts';

/** The rule violations dependency-cruiser finds under `paths` of `baseDir`, one line each. */
async function violations(baseDir: string, paths: string[]): Promise<string[]> {
	const { output } = await cruise(paths, { baseDir, ruleSet: config as never, ...config.options, tsConfig: undefined, validate: true });
	return (output as ICruiseResult).summary.violations.map((v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
}

/** The layer of a file under src/: its place in LAYERS. */
function layerOf(file: string): number {
	const top = file.split('/')[1]!;
	return LAYERS.findIndex((layer) => layer.includes(top));
}

describe('what may import what (docs/architecture.md)', () => {
	it('has no upward import and no cycle in src/, scripts/ and bench/', async () => {
		expect(await violations(projectRoot, ['src', 'scripts', 'bench'])).toEqual([]);
	});

	// dependency-cruiser reads no .astro files: their imports (frontmatter and scripts) are checked here against the same layers.
	it('has no upward import from an .astro file', async () => {
		const files = await Array.fromAsync(glob('src/**/*.astro', { cwd: projectRoot }));
		expect(files.length).toBeGreaterThan(20);
		const upward: string[] = [];
		for (const file of files) {
			const text = await readFile(join(projectRoot, file), 'utf8');
			for (const [statement, specifier] of text.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
				if (/^\s*import\s+type\b/.test(statement)) continue;
				const target = relative(projectRoot, resolve(projectRoot, dirname(file), specifier!));
				if (!target.startsWith('src/')) upward.push(`${file} → ${target} (outside src/)`);
				else if (layerOf(target) > layerOf(file)) upward.push(`${file} → ${target}`);
			}
		}
		expect(upward).toEqual([]);
	});

	it('names every folder of src/ in a layer', async () => {
		const tops = new Set((await Array.fromAsync(glob('src/**/*.{ts,mjs,astro}', { cwd: projectRoot }))).map((file) => file.split('/')[1]!));
		const unnamed = [...tops].filter((top) => !['types', 'env.d.ts'].includes(top) && !LAYERS.some((layer) => layer.includes(top)));
		expect(unnamed).toEqual([]);
	});

	it('bundles nothing of the build pipeline with the pages: Astro bundles its log, src/build/astro-log.ts', () => {
		expect(importClosure(projectRoot, 'src/build/astro-log.ts').files).toEqual(['src/build/astro-log.ts', 'src/build/current-run.ts']);
	});

	it("keeps the charts and validation out of the build's main thread, which only drives Astro and the check's worker", () => {
		// The worker (check-content-worker.ts) loads them; the main thread loading them too cost 0.2–0.3 s of every build.
		const { files } = importClosure(projectRoot, 'src/build/build-site.ts');
		expect(files.filter((file) => /^src\/(charts|validation|figures)\//.test(file))).toEqual([]);
	});

	it('catches an upward import and a cycle', async () => {
		const root = await mkdtemp(join(tmpdir(), 'broadsheet-layers-'));
		const write = async (file: string, text: string) => {
			await mkdir(dirname(join(root, file)), { recursive: true });
			await writeFile(join(root, file), text);
		};
		await write('src/core/a.ts', "import { b } from './b.ts';\nexport const a = () => b;\n");
		await write('src/core/b.ts', "import { a } from './a.ts';\nimport { log } from '../build/log.ts';\nexport const b = () => [a, log];\n");
		await write('src/build/log.ts', 'export const log = 1;\n');
		const found = await violations(root, ['src']).finally(() => rm(root, { recursive: true, force: true }));
		expect(found).toContain('layer-core: src/core/b.ts → src/build/log.ts');
		expect(found.some((line) => line.startsWith('no-circular: src/core/a.ts → src/core/b.ts'))).toBe(true);
	});
});
