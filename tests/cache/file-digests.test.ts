import { utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileDigests } from '../../src/cache/file-digests.ts';

let root: string;
let reads: string[];
const kept = () => join(root, 'cache/digests.json');
const digestOf = (code = 'code 1') => {
	const digests = new FileDigests(kept(), code);
	const digest = digests.digest(join(root, 'story.mdx'), (bytes) => {
		reads.push(bytes.toString());
		return `digest of ${bytes}`;
	});
	digests.save();
	return digest;
};

beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'broadsheet-digests-'));
	reads = [];
	writeFileSync(join(root, 'story.mdx'), 'first');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('FileDigests', () => {
	it('reads a file once while its size and time are unchanged', () => {
		expect(digestOf()).toBe('digest of first');
		expect(digestOf()).toBe('digest of first');
		expect(reads).toEqual(['first']);
	});

	it('reads it again when it is written again, even at the same size', () => {
		digestOf();
		writeFileSync(join(root, 'story.mdx'), 'other');
		utimesSync(join(root, 'story.mdx'), new Date(2030, 0, 1), new Date(2030, 0, 1));
		expect(digestOf()).toBe('digest of other');
		expect(reads).toEqual(['first', 'other']);
	});

	it('reads it again when the code that makes the digests changed', () => {
		digestOf('code 1');
		expect(digestOf('code 2')).toBe('digest of first');
		expect(reads).toEqual(['first', 'first']);
	});
});
