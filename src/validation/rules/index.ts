/**
 * The content rules, by what they check and in the order they run (validate-site.ts): a problem
 * is printed in this order, its cause before what follows from it.
 */
import type { Edition } from '../../schemas/edition.ts';
import type { DatasetEntry, SiteInput, Sourced, StoryInput, StoryReferenceInput } from '../entries.ts';
import type { Rule } from '../rule.ts';
import { chartAltText } from './chart-alt-text.ts';
import { chartDrawable } from './chart-drawable.ts';
import { chartNumbers } from './chart-numbers.ts';
import { corrections } from './corrections.ts';
import { datasetPlaceholders } from './dataset-placeholders.ts';
import { derivedFigures } from './derived-figures.ts';
import { draftImageAlt } from './draft-image-alt.ts';
import { draftSources } from './draft-sources.ts';
import { editionDate } from './edition-date.ts';
import { figureSources } from './figure-sources.ts';
import { halfWidthPunctuation } from './half-width-punctuation.ts';
import { pageScans } from './page-scans.ts';
import { placeSpelling } from './place-spelling.ts';
import { storyComponents } from './story-components.ts';
import { storyDatasets } from './story-datasets.ts';
import { storyEdition } from './story-edition.ts';
import { storyImageFiles } from './story-image-files.ts';
import { storyNumbers } from './story-numbers.ts';
import { storyPlaceholders } from './story-placeholders.ts';
import { unboundNumbers } from './unbound-numbers.ts';
import { uniqueChartIds } from './unique-chart-ids.ts';

/** Each dataset's figures. A dataset with a problem here is not drawn nor used by the stories. */
export const DATASET_RULES: Rule<DatasetEntry>[] = [derivedFigures, placeSpelling];

/**
 * Each dataset's charts, once its figures passed DATASET_RULES. A problem here (but a number
 * chart-numbers reports) also leaves the dataset unused by the stories.
 */
export const CHART_RULES: Rule<DatasetEntry>[] = [uniqueChartIds, chartAltText, chartDrawable, chartNumbers];

/** Each edition. An edition with a problem here is left out. */
export const EDITION_RULES: Rule<Sourced<Edition>>[] = [editionDate];

/** Each story, against the datasets. Datasets quoting a story with a problem here are not checked against its text. */
export const STORY_RULES: Rule<StoryInput>[] = [storyDatasets, storyComponents, unboundNumbers, halfWidthPunctuation, storyPlaceholders, draftImageAlt, storyNumbers];

/** Each story's references to its edition and files, once every file is read. */
export const STORY_REFERENCE_RULES: Rule<StoryReferenceInput>[] = [storyEdition, storyImageFiles];

/** Across the site, once every file is read. */
export const SITE_RULES: Rule<SiteInput>[] = [figureSources, pageScans, corrections, datasetPlaceholders, draftSources];
