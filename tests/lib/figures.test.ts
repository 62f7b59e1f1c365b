import { describe, expect, it } from 'vitest';
import { formatFigure, formatNumber, printedForms, type PrintableFigure } from '../../src/lib/figures.ts';

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
