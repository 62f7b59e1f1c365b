import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESVG_ALLOCATOR_OPTIONS } from '../../src/core/native-libraries.ts';
import { projectRoot } from '../helpers/site-fixture.ts';

let caches: string;
beforeAll(async () => {
	caches = await mkdtemp(join(tmpdir(), 'broadsheet-check-worker-'));
});
afterAll(() => rm(caches, { recursive: true, force: true }));

describe('the content check’s worker thread', () => {
	it('starts after the main thread has prepared the native libraries: libvips’ variable and resvg’s allocator options set in the environment, never from the worker', async () => {
		// libvips adds VIPSHOME to the environment when it starts. Added from the worker while the main
		// thread reads the environment, it crashed about one build in 150 (src/core/native-libraries.ts).
		// resvg's allocator reads its options when resvg is first loaded, which the build does later.
		// A process of its own, in which nothing has loaded sharp or resvg yet.
		const script = `
			import { createRequire } from 'node:module';
			import { configureCaches } from ${JSON.stringify(join(projectRoot, 'src/cache/registry.ts'))};
			import { checkContentInWorker } from ${JSON.stringify(join(projectRoot, 'src/build/check-content.ts'))};
			configureCaches({ root: ${JSON.stringify(caches)}, projectRoot: ${JSON.stringify(projectRoot)} });
			const names = ['VIPSHOME', ...Object.keys(${JSON.stringify(RESVG_ALLOCATOR_OPTIONS)})];
			const before = names.filter((name) => name in process.env);
			const checked = checkContentInWorker(${JSON.stringify(projectRoot)});
			const whenStarted = names.filter((name) => name in process.env);
			const { problems } = await checked;
			createRequire(${JSON.stringify(join(projectRoot, 'package.json'))})('@resvg/resvg-js');
			console.log(JSON.stringify({ before, whenStarted, problems: problems.length }));
			process.exit(0);
		`;
		const file = join(caches, 'check.mjs');
		await writeFile(file, script);
		const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'VIPSHOME' && !name.startsWith('MIMALLOC_')));
		// mimalloc lists the options it read when resvg loads it.
		const { stdout, stderr } = await promisify(execFile)(process.execPath, [file], { cwd: projectRoot, env: { ...env, MIMALLOC_VERBOSE: '1' } });
		expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
			before: [],
			whenStarted: ['VIPSHOME', 'MIMALLOC_ALLOW_LARGE_OS_PAGES', 'MIMALLOC_PURGE_DELAY'],
			problems: 0,
		});
		// If resvg no longer brings mimalloc, these options do nothing: measure again and drop them.
		expect(stderr).toContain("option 'allow_large_os_pages': 1");
		expect(stderr).toContain("option 'purge_delay': -1");
	}, 60_000);
});
