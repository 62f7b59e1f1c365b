/**
 * Every test file's caches live in a temporary folder of its own: what a test checks or builds in
 * this process (validateSite on a copy of the sample, a build in-process) never reads or writes the
 * project's own caches (node_modules/.astro/broadsheet), which `npm test` leaves as it found them.
 * The file's other temporary folders go there too (`os.tmpdir()` reads TMPDIR, as do the programs
 * the tests start; the process's shared Chromium, which outlives the file, keeps a folder of its own,
 * tests/helpers/chromium.ts), and the folder is removed after the file's tests, TMPDIR set back for
 * the next file the process runs (the files of a worker process share it, vitest.config.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureCaches } from '../src/cache/registry.ts';
import { afterAll } from 'vitest';
import { projectRoot } from './helpers/site-fixture.ts';

const outerTmp = process.env.TMPDIR;
const root = mkdtempSync(join(tmpdir(), 'broadsheet-test-caches-'));
configureCaches({ root, projectRoot });
// Node's compile cache, which build subprocesses use (scripts/build.ts), stays shared by the whole run.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'node-compile-cache');
process.env.TMPDIR = join(root, 'tmp');
mkdirSync(process.env.TMPDIR);
afterAll(() => {
	rmSync(root, { recursive: true, force: true, maxRetries: 5 });
	if (outerTmp === undefined) delete process.env.TMPDIR;
	else process.env.TMPDIR = outerTmp;
});
