import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate.ts';
import { formatProblem } from '../../src/core/problem.ts';
import { validateSite } from '../../src/validation/validate-site.ts';

const out = await mkdtemp(join(tmpdir(), 'bench-archive-'));
afterAll(() => rm(out, { recursive: true, force: true }));

describe('generateArchive', () => {
	it('generateArchive(options) writes an archive the content check passes, every feature on (bound figures, charts)', async () => {
		// Two editions: 24 stories with a dataset of their own, figures bound in a paragraph and a chart.
		const manifest = await generateArchive({ articles: 96, out });
		expect(manifest.datasets).toBe(24);
		const site = await validateSite(out);
		expect(site.problems.map(formatProblem)).toEqual([]);
		expect(site.articles.size).toBe(96);
	});
});
