import type { Dataset } from '../schemas/dataset.ts';
import type { DerivedFigure } from '../schemas/derived-figure.ts';
import type { Figure } from '../schemas/figure.ts';
import type { PrintableFigure } from './figures.ts';

/** A figure of a dataset as charts, tables and prose use it: printed or computed by the newsroom. */
export interface ResolvedFigure extends PrintableFigure {
	id: string;
	label: string;
	place?: string;
	period?: string;
	/** Where the paper printed it; absent for a figure the newsroom computed. */
	source?: Figure['source'];
	/** How the newsroom computed it; absent for a printed figure. */
	derived?: Pick<DerivedFigure, 'operation' | 'of'>;
}

/** The label readers see beside a computed figure. */
export const DERIVED_LABEL = '本报计算';

function compute(definition: DerivedFigure, figures: Map<string, ResolvedFigure>): ResolvedFigure {
	const [numerator, denominator] = definition.of.map((id) => figures.get(id));
	if (!numerator || !denominator) throw new RangeError(`invalid derived figure: ${definition.id}`);
	const ratio = numerator.value / denominator.value;
	const value = definition.operation === 'share' ? ratio * 100 : ratio;
	// Rounded to the digits it is printed with, so the exact value and the printed one agree.
	const factor = 10 ** definition.fractionDigits;
	return {
		id: definition.id,
		label: definition.label,
		value: Math.round(value * factor) / factor,
		unit: definition.unit,
		notation: 'standard',
		fractionDigits: definition.fractionDigits,
		numerals: 'arabic',
		place: definition.place,
		derived: { operation: definition.operation, of: definition.of },
	};
}

/**
 * Every figure of a dataset by id: the printed ones, then the computed ones. A computed figure's
 * inputs must exist and its divisor must not be zero; the validator reports those before anything
 * calls this.
 */
export function resolveFigures(dataset: Dataset): Map<string, ResolvedFigure> {
	const figures = new Map<string, ResolvedFigure>();
	for (const figure of dataset.figures) {
		figures.set(figure.id, { ...figure, place: 'place' in figure ? figure.place : undefined });
	}
	for (const definition of dataset.derived) figures.set(definition.id, compute(definition, figures));
	return figures;
}

/** Why a computed figure cannot be computed, or undefined when it can. */
export function derivedFigureProblem(definition: DerivedFigure, dataset: Dataset): string | undefined {
	const printed = new Set(dataset.figures.map((figure) => figure.id));
	const missing = definition.of.filter((id) => !printed.has(id));
	if (missing.length > 0) {
		return `received ${missing.map((id) => `"${id}"`).join(', ')}; expected ids of this dataset's printed figures: ${dataset.figures.map((figure) => figure.id).join(', ')}`;
	}
	const divisor = dataset.figures.find((figure) => figure.id === definition.of[1]);
	if (divisor && divisor.value === 0) return `the divisor "${divisor.id}" is 0; expected a figure above 0 to divide by`;
	return undefined;
}
