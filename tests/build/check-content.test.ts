import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/site-fixture.ts';

let caches: string;
beforeAll(async () => {
	caches = await mkdtemp(join(tmpdir(), 'broadsheet-check-worker-'));
});
afterAll(() => rm(caches, { recursive: true, force: true }));

describe('the content check’s worker thread', () => {
	it('starts after libvips has set its environment variable from the main thread, never from the worker', async () => {
		// libvips adds VIPSHOME to the environment when it starts. Added from the worker while the main
		// thread reads the environment, it crashed about one build in 150 (src/core/libvips.ts).
		// A process of its own, in which nothing has loaded sharp yet.
		const script = `
			import { configureCaches } from ${JSON.stringify(join(projectRoot, 'src/cache/registry.ts'))};
			import { checkContentInWorker } from ${JSON.stringify(join(projectRoot, 'src/build/check-content.ts'))};
			configureCaches({ root: ${JSON.stringify(caches)}, projectRoot: ${JSON.stringify(projectRoot)} });
			const before = 'VIPSHOME' in process.env;
			const checked = checkContentInWorker(${JSON.stringify(projectRoot)});
			const whenStarted = 'VIPSHOME' in process.env;
			const { problems } = await checked;
			console.log(JSON.stringify({ before, whenStarted, problems: problems.length }));
			process.exit(0);
		`;
		const file = join(caches, 'check.mjs');
		await writeFile(file, script);
		const { VIPSHOME: _, ...env } = process.env;
		const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: projectRoot, env });
		expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ before: false, whenStarted: true, problems: 0 });
	}, 60_000);
});
