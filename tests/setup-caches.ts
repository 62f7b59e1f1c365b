/**
 * Every test file's caches live in a temporary folder of its own: what a test checks or builds in
 * this process (validateSite on a copy of the sample, a build in-process) never reads or writes the
 * project's own caches (node_modules/.astro/broadsheet), which `npm test` leaves as it found them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureCaches } from '../src/cache/registry.ts';
import { projectRoot } from './helpers/site-fixture.ts';

configureCaches({ root: mkdtempSync(join(tmpdir(), 'broadsheet-test-caches-')), projectRoot });
