import { describe, expect, it } from 'vitest';
import type { ResolvedFigure } from '../../src/figures/dataset-figures.ts';
import { parseMdxBody } from '../../src/validation/article-text.ts';
import { unboundNumbers } from '../../src/validation/unbound-numbers.ts';

const figure = (id: string, value: number, unit: string, extra: Partial<ResolvedFigure> = {}): ResolvedFigure => ({
	id,
	label: id,
	value,
	unit,
	notation: 'standard',
	fractionDigits: 0,
	numerals: 'arabic',
	...extra,
});

const FIGURES = [
	figure('visitors', 765700, '人次', { notation: 'compact', fractionDigits: 2 }),
	figure('problems', 16400, '件', { qualifier: '余' }),
	figure('theatre', 300000, '人次', { qualifier: '近', notation: 'compact' }),
];

/** The numbers `unboundNumbers` reports in a body, as `line: printed`. */
function reported(body: string, figures = FIGURES): string[] {
	const parsed = parseMdxBody(body);
	if (!parsed.ok) throw new Error(parsed.message);
	return unboundNumbers(parsed.tree, { file: 'a.mdx', bodyLine: 10, datasets: ['d'], figures }).map(
		(problem) => `${problem.line}: ${/"([^"]+)"/.exec(problem.message)![1]}`,
	);
}

describe('unboundNumbers', () => {
	it('unboundNumbers(tree) reports a number with a unit that no figure prints, with its line', () => {
		expect(reported('第一段。\n\n全县共接待游客76.58万人次,另有3个景区开放。')).toEqual(['12: 76.58万人次', '12: 3个']);
	});

	it('unboundNumbers(tree) accepts numbers printed exactly as a figure is, qualifiers and all', () => {
		expect(reported('共接待游客76.57万人次,解决问题16400余件,观剧人次近30万人次。')).toEqual([]);
	});

	it('unboundNumbers(tree) reports a figure printed without its qualifier: 30万人次 is not 近30万人次', () => {
		expect(reported('观剧人次30万人次。')).toEqual(['10: 30万人次']);
	});

	it('unboundNumbers(tree) ignores what <Num> prints, dates, ordinals and numbers without a unit', () => {
		expect(reported('共接待游客<Num dataset="d" figure="visitors" />。2024年9月18日第3次会议,拨打12345热线。')).toEqual([]);
	});

	it('unboundNumbers(tree) reports nothing for a story without datasets', () => {
		expect(reported('另有3个景区开放。', [])).toEqual([]);
	});
});

describe('figure-like numbers with a direction word', () => {
	it('agrees(number, figure) tells 下降5.1% from a rise of 5.1%', async () => {
		const { agrees, figureLikeNumbers, figureNumberPattern } = await import('../../src/validation/figure-numbers.ts');
		const change = (value: number, direction: '增长' | '下降') => ({
			id: 'x',
			label: 'x',
			value,
			unit: '%',
			notation: 'standard' as const,
			fractionDigits: 1,
			numerals: 'arabic' as const,
			change: { kind: 'percent' as const, direction, base: '同比' },
		});
		const [fall] = figureLikeNumbers('游客同比下降5.1%', figureNumberPattern());
		expect(fall!.direction).toBe('fall');
		expect(agrees(fall!, change(-5.1, '下降'))).toBe(true);
		expect(agrees(fall!, change(5.1, '增长'))).toBe(false);
		const [bare] = figureLikeNumbers('占比5.1%', figureNumberPattern());
		expect(agrees(bare!, change(-5.1, '下降'))).toBe(true);
	});
});
