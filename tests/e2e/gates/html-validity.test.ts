import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatterFactory, HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { listPages } from '../../../src/tools/built-site.ts';
import { nuCheckerErrors } from '../../helpers/nu-checker.ts';

const dist = inject('sampleDist');
const pages = listPages(dist);

const validator = new HtmlValidate({
	extends: ['html-validate:recommended', 'html-validate:document'],
	rules: {
		// Subresource integrity guards files fetched from other origins (CDNs). Every stylesheet,
		// script and font of the site is served from its own origin, next to the page that names it,
		// so an integrity hash would protect nothing; any cross-origin one must still carry it.
		'require-sri': ['error', { target: 'crossorigin' }],
	},
});
const formatText = formatterFactory('text');

describe('HTML validity (html-validate: recommended and document presets)', () => {
	it('finds the pages of the sample to validate', () => {
		expect(pages.length).toBeGreaterThanOrEqual(10);
	});

	for (const file of pages) {
		it(`${file} is valid HTML`, async () => {
			const report = await validator.validateString(await readFile(join(dist, file), 'utf8'), file);
			// The text formatter prints one line per problem: file:line:column, rule, message, element.
			expect(report.valid ? '' : formatText(report.results)).toBe('');
		});
	}
});

describe('HTML validity (the Nu Html Checker, as the W3C validator checks)', () => {
	it('finds no error on any page of the sample', async () => {
		expect(await nuCheckerErrors(pages.map((file) => join(dist, file)))).toBe('');
	});
});
