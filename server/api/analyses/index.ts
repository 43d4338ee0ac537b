import type { AnalysisModule } from './analysis-module.ts';
import { blastRadiusModule } from './blast-radius.ts';
import { landscapeModule } from './landscape.ts';
import { mapModule } from './map.ts';

/** Every analysis exposed through GraphQL; create-schema.ts merges them into the schema. */
export const ANALYSIS_MODULES: readonly AnalysisModule[] = [
  landscapeModule,
  blastRadiusModule,
  mapModule,
];
