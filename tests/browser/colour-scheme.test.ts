import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

/** The site's scripts: its TypeScript, and the `<script>` elements of its Astro components. */
function scripts(): { file: string; code: string }[] {
	return readdirSync(SRC, { recursive: true, encoding: 'utf8' }).flatMap((file) => {
		if (file.endsWith('.ts')) return [{ file, code: readFileSync(join(SRC, file), 'utf8') }];
		if (!file.endsWith('.astro')) return [];
		const text = readFileSync(join(SRC, file), 'utf8');
		return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => ({ file, code: match[1]! }));
	});
}

describe('the dark mode', () => {
	it('is the stylesheet’s alone: no script reads the colour scheme', () => {
		// The browser tests switch a loaded page between light and dark in place (inEachScheme,
		// tests/helpers/axe.ts), which shows what a reader sees only while no script reads the scheme
		// when the page loads.
		const reading = scripts().filter(({ code }) => /prefers-color-scheme|matchMedia/.test(code));
		expect(reading.map(({ file }) => file)).toEqual([]);
	});
});
