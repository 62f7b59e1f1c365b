/**
 * `node tests/helpers/build-sites.ts <root>…`: builds each site root into its `dist/`, one after the
 * other in this one process, with the code of the checkout this file is in (`buildSite` of
 * site-fixture.ts, as the tests' in-process builds), and prints what each build returned, as a JSON
 * list. For a test that builds with a copy of the project's code (tests/e2e/build/code-edits.test.ts):
 * a second build in a process that has loaded Astro takes about half the CPU of one in a new process.
 */
import { join } from 'node:path';
import { buildSite, type BuildResult } from './site-fixture.ts';

const results: BuildResult[] = [];
for (const root of process.argv.slice(2)) results.push(await buildSite(root, join(root, 'dist')));
process.stdout.write(JSON.stringify(results));
process.exit(0);
