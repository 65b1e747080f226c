import type { Projection } from './projector/projection.ts';
import { companyProjection } from './company/projection.ts';

/** Every projection the read side runs. */
export const allProjections: readonly Projection[] = [companyProjection];
