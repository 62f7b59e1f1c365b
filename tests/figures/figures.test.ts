import { describe, expect, it } from 'vitest';
import { formatExact, formatFigure, formatFigureParts, formatNumber, formatTickIn, printedForms, sharedScale, type PrintableFigure } from '../../src/figures/figures.ts';

const figure = (value: number, unit: string, options: Partial<PrintableFigure> = {}): PrintableFigure => ({
	value,
	unit,
	notation: 'standard',
	fractionDigits: 0,
	numerals: 'arabic',
	...options,
});

describe('formatFigure', () => {
	it.each([
		['76.57万人次', figure(765700, '人次', { notation: 'compact', fractionDigits: 2 })],
		['40.389万人次', figure(403890, '人次', { notation: 'compact', fractionDigits: 3 })],
		['3440.67万元', figure(34406700, '元', { notation: 'compact', fractionDigits: 2 })],
		['16400余件', figure(16400, '件', { qualifier: '余' })],
		['1.3万余名', figure(13000, '名', { qualifier: '余', notation: 'compact', fractionDigits: 1 })],
		['近30万人次', figure(300000, '人次', { qualifier: '近', notation: 'compact' })],
		['近百个', figure(100, '个', { qualifier: '近', numerals: 'chinese' })],
		['20余项', figure(20, '项', { qualifier: '余' })],
		['近100%', figure(100, '%', { qualifier: '近' })],
		['6281个', figure(6281, '个')],
		['1.2亿元', figure(120_000_000, '元', { notation: 'compact', fractionDigits: 1 })],
	])('formatFigure prints %s as the paper did', (printed, input) => {
		expect(formatFigure(input)).toBe(printed);
	});

	it.each([
		['0.57亿元', figure(57_000_000, '元', { scale: '亿', fractionDigits: 2 })],
		['103548.43万元', figure(1_035_484_300, '元', { scale: '万', fractionDigits: 2 })],
		['16400件', figure(16400, '件', { scale: 'none' })],
		['1.3万多名', figure(13000, '名', { qualifier: '多', scale: '万', fractionDigits: 1 })],
		['30万人次以上', figure(300000, '人次', { qualifier: '以上', scale: '万' })],
		['5000元左右', figure(5000, '元', { qualifier: '左右' })],
		['800人上下', figure(800, '人', { qualifier: '上下' })],
		['逾2万人次', figure(20000, '人次', { qualifier: '逾', scale: '万' })],
		['不到1%', figure(1, '%', { qualifier: '不到' })],
		['不足百人', figure(100, '人', { qualifier: '不足', numerals: 'chinese' })],
		['同比下降5.1%', figure(-5.1, '%', { fractionDigits: 1, change: { kind: 'percent', direction: '下降', base: '同比' } })],
		['环比减少3.4%', figure(-3.4, '%', { fractionDigits: 1, change: { kind: 'percent', direction: '减少', base: '环比' } })],
		['较2019年同期增长125.3%', figure(125.3, '%', { fractionDigits: 1, change: { kind: 'percent', direction: '增长', base: '较2019年同期' } })],
		['比上年提高2.3个百分点', figure(2.3, '个百分点', { fractionDigits: 1, change: { kind: 'points', direction: '提高', base: '比上年' } })],
		['同比增长1.5倍', figure(1.5, '倍', { fractionDigits: 1, change: { kind: 'multiple', direction: '增长', base: '同比' } })],
		['同比翻一番', figure(2, '倍', { change: { kind: 'multiple', direction: '翻番', base: '同比' } })],
	])('formatFigure prints %s in the scale, position and words the paper chose', (printed, input) => {
		expect(formatFigure(input)).toBe(printed);
	});

	it('formatFigure(figure, {base: false}) leaves a change\'s base off, as chart labels do', () => {
		const decline = figure(-5.1, '%', { fractionDigits: 1, change: { kind: 'percent', direction: '下降', base: '同比' } });
		expect(formatFigure(decline, { base: false })).toBe('下降5.1%');
		expect(printedForms(decline)).toEqual(['同比下降5.1%', '同比下降5.1', '下降5.1%', '下降5.1']);
	});

	it('formatFigureParts(figure) parts a change\'s words from the amount that stays on one line', () => {
		const decline = figure(-5.1, '%', { fractionDigits: 1, change: { kind: 'percent', direction: '下降', base: '同比' } });
		expect(formatFigureParts(decline)).toEqual({ words: '同比下降', amount: '5.1%' });
		expect(formatFigureParts(figure(300000, '人次', { qualifier: '近', notation: 'compact' }))).toEqual({ words: '', amount: '近30万人次' });
		expect(formatFigureParts(figure(2, '倍', { change: { kind: 'multiple', direction: '翻番', base: '同比' } }))).toEqual({ words: '同比翻一番', amount: '' });
	});

	it('formatFigure(figure, {unit: false}) leaves the unit off, as in 观剧人次近30万', () => {
		expect(formatFigure(figure(300000, '人次', { qualifier: '近', notation: 'compact' }), { unit: false })).toBe('近30万');
	});

	it('formatFigure keeps the printed precision instead of rounding it away', () => {
		expect(formatFigure(figure(403890, '人次', { notation: 'compact', fractionDigits: 3 }))).not.toBe('40.39万人次');
		expect(formatFigure(figure(404000, '人次', { notation: 'compact', fractionDigits: 3 }))).toBe('40.400万人次');
	});

	it('printedForms(figure) lists the forms with and without the unit', () => {
		expect(printedForms(figure(16400, '件', { qualifier: '余' }))).toEqual(['16400余件', '16400余']);
	});

	it('formatNumber rejects values that are not numbers', () => {
		expect(() => formatNumber(Number.NaN)).toThrow('invalid value: NaN');
	});

	it('formatFigure rejects chinese numerals for a value that has none', () => {
		expect(() => formatFigure(figure(120, '个', { numerals: 'chinese' }))).toThrow('invalid chinese round number: 120');
	});
});

describe('one scale per chart', () => {
	it('sharedScale(figures) is the scale every figure was printed in, or none when they differ', () => {
		expect(sharedScale([{ scale: '亿' }, { scale: '亿' }])).toBe('亿');
		expect(sharedScale([{ scale: '亿' }, { scale: '万' }])).toBeUndefined();
	});

	it('formatTickIn(value, scale) prints ticks in the chart\'s scale: 0, 0.5亿, 12000万', () => {
		expect([0, 50_000_000, 100_000_000].map((value) => formatTickIn(value, '亿'))).toEqual(['0', '0.5亿', '1亿']);
		expect(formatTickIn(120_000_000, '万')).toBe('12000万');
	});

	it('formatExact(value, scale) keeps every digit of the exact value in that scale', () => {
		expect(formatExact(34_406_700, '万')).toBe('3440.67万');
		expect(formatExact(-5.1)).toBe('-5.1');
	});
});
