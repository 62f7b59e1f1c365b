import { z } from 'astro/zod';
import { governanceDatasetSchema } from './datasets/governance.ts';
import { governmentServicesDatasetSchema } from './datasets/government-services.ts';
import { holidayTourismDatasetSchema } from './datasets/holiday-tourism.ts';

const kindSchemas = [governanceDatasetSchema, holidayTourismDatasetSchema, governmentServicesDatasetSchema] as const;

/** The names of the dataset kinds, for scaffolding and messages. */
export const datasetKinds = kindSchemas.map((schema) => schema.shape.kind.value);

/** Every kind of dataset, told apart by its `kind` field. */
export const datasetSchema = z
	.discriminatedUnion('kind', [...kindSchemas], {
		error: `expected "kind" to be one of ${datasetKinds.map((kind) => `"${kind}"`).join(', ')}`,
	})
	.superRefine((dataset, ctx) => {
		if (!dataset.origin) {
			dataset.figures.forEach((figure, index) => {
				if (!figure.source) {
					ctx.addIssue({
						code: 'custom',
						path: ['figures', index, 'source'],
						message: 'missing; expected where the paper printed the figure ({ "article", "sentence" }), or an "origin" for the whole dataset',
					});
				}
			});
		}
		const seen = new Set<string>();
		dataset.figures.forEach((figure, index) => {
			if (seen.has(figure.id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['figures', index, 'id'],
					input: figure.id,
					message: `duplicate figure id "${figure.id}"; expected every figure of a dataset to have its own id`,
				});
			}
			seen.add(figure.id);
		});
	});

export type DatasetInput = z.input<typeof datasetSchema>;
export type Dataset = z.output<typeof datasetSchema>;
export type DatasetKind = Dataset['kind'];
