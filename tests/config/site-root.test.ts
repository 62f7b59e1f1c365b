import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteFolders } from '../../src/config/site-root.ts';

describe('siteFolders', () => {
	const project = '/srv/broadsheet';

	it("keeps the project's own site's caches in node_modules/.astro", () => {
		expect(siteFolders({}, project)).toEqual({
			projectRoot: project,
			siteRoot: project,
			astroCacheDir: join(project, 'node_modules/.astro'),
			broadsheetCacheDir: join(project, 'node_modules/.astro/broadsheet'),
		});
	});

	it('keeps a site elsewhere its own caches', () => {
		const folders = siteFolders({ BROADSHEET_ROOT: '../paper' }, project);
		expect(folders.siteRoot).toBe('/srv/paper');
		expect(folders.astroCacheDir).toBe('/srv/paper/.astro-cache');
	});

	it('puts the caches where BROADSHEET_CACHE_DIR says, relative to the project folder', () => {
		expect(siteFolders({ BROADSHEET_CACHE_DIR: '/var/cache/paper' }, project).broadsheetCacheDir).toBe('/var/cache/paper/broadsheet');
		const folders = siteFolders({ BROADSHEET_ROOT: '/srv/paper', BROADSHEET_CACHE_DIR: 'ci-cache' }, project);
		expect(folders.astroCacheDir).toBe('/srv/broadsheet/ci-cache');
	});
});
