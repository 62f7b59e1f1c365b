import type { Dataset } from '../schemas/dataset.ts';
import type { DerivedFigure } from '../schemas/derived-figure.ts';
import type { Figure } from '../schemas/figure.ts';
import { didYouMeanPhrase } from '../core/did-you-mean.ts';
import type { PrintableFigure } from './figures.ts';

/** A figure of a dataset as charts, tables and prose use it: printed or computed by the newsroom. */
export interface ResolvedFigure extends PrintableFigure {
	id: string;
	label: string;
	place?: string;
	period?: string;
	/** Where the paper printed it; absent for a figure the newsroom computed. */
	source?: Figure['source'];
	/** What the figure measures, for a holiday tourism figure. */
	metric?: string;
	/** How the newsroom computed it; absent for a printed figure. */
	derived?: Pick<DerivedFigure, 'operation' | 'of'>;
}

/** The label readers see beside a computed figure. */
export const DERIVED_LABEL = '本报计算';

/** The word between a computed figure's two inputs where tables and downloads say how it was computed: A ÷ B, A 占 B, A 较 B. */
export function derivedOperationWord(operation: DerivedFigure['operation']): string {
	return operation === 'share' ? '占' : operation === 'ratio' ? '÷' : '较';
}

function compute(definition: DerivedFigure, figures: Map<string, ResolvedFigure>): ResolvedFigure {
	const [numerator, denominator] = definition.of.map((id) => figures.get(id));
	if (!numerator || !denominator) throw new RangeError(`invalid derived figure: ${definition.id}`);
	const ratio = numerator.value / denominator.value;
	const value =
		definition.operation === 'share'
			? ratio * 100
			: definition.operation === 'change'
				? (ratio - 1) * 100
				: definition.operation === 'point-change'
					? numerator.value - denominator.value
					: ratio;
	// Rounded to the digits it is printed with, so the exact value and the printed one agree.
	const factor = 10 ** definition.fractionDigits;
	const rounded = Math.round(value * factor) / factor || 0;
	const points = definition.operation === 'point-change';
	return {
		id: definition.id,
		label: definition.label,
		value: rounded,
		unit: definition.unit,
		...(definition.base && {
			change: {
				kind: points ? ('points' as const) : ('percent' as const),
				direction: rounded < 0 ? ('下降' as const) : points ? ('提高' as const) : ('增长' as const),
				base: definition.base,
			},
		}),
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
		figures.set(figure.id, { ...figure, place: 'place' in figure ? figure.place : undefined, metric: 'metric' in figure ? figure.metric : undefined });
	}
	for (const definition of dataset.derived) figures.set(definition.id, compute(definition, figures));
	return figures;
}

/** Why a computed figure cannot be computed, or undefined when it can. */
export function derivedFigureProblem(definition: DerivedFigure, dataset: Dataset): string | undefined {
	const printed = new Set(dataset.figures.map((figure) => figure.id));
	const missing = definition.of.filter((id) => !printed.has(id));
	if (missing.length > 0) {
		return `received ${missing.map((id) => `"${id}"`).join(', ')};${missing.map((id) => didYouMeanPhrase(id, printed)).join('')} expected ids of this dataset's printed figures: ${dataset.figures.map((figure) => figure.id).join(', ')}`;
	}
	const divisor = dataset.figures.find((figure) => figure.id === definition.of[1]);
	if (divisor && divisor.value === 0 && definition.operation !== 'point-change') return `the divisor "${divisor.id}" is 0; expected a figure above 0 to divide by`;
	if (definition.operation === 'change' || definition.operation === 'point-change') {
		const [later, base] = definition.of.map((id) => dataset.figures.find((figure) => figure.id === id)!);
		if (later!.unit !== base!.unit) return `"${later!.id}" is in ${later!.unit} but its base "${base!.id}" is in ${base!.unit}; expected a change between two figures in one unit`;
		if (definition.operation === 'point-change' && later!.unit !== '%') return `"${later!.id}" is in ${later!.unit}; expected two percentages for a change in percentage points`;
	}
	return undefined;
}
