import { describe, expect, it } from 'vitest';
import { formatTick } from '../../src/figures/figures.ts';

// formatTick lives in src/figures/figures.ts; its tests sit with the charts, its only users.
describe('formatTick', () => {
	it('formatTick(value) reads the ticks of a visitors axis as 0, 20万, 40万, 60万, 80万', () => {
		expect([0, 200_000, 400_000, 600_000, 800_000].map(formatTick)).toEqual(['0', '20万', '40万', '60万', '80万']);
	});

	it.each([
		[100_000_000, '1亿'],
		[150_000_000, '1.5亿'],
		[1_000_000_000, '10亿'],
		[10_000, '1万'],
		[12_500, '1.25万'],
		[125_000, '12.5万'],
		[1000, '1000'],
		[6000, '6000'],
		[250, '250'],
		[0.5, '0.5'],
		[1e12, '1万亿'],
	])('formatTick(%d) is %s', (value, tick) => {
		expect(formatTick(value)).toBe(tick);
	});

	it('formatTick(value) never prints -0', () => {
		expect(formatTick(-0)).toBe('0');
	});

	it('formatTick(value) rejects values that are not numbers', () => {
		expect(() => formatTick(Number.NaN)).toThrow('invalid value: NaN');
		expect(() => formatTick(Number.POSITIVE_INFINITY)).toThrow('invalid value: Infinity');
	});
});
