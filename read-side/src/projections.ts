import type { Projection } from './projector/projection.ts';
import { companyProjection } from './company/projection.ts';
import { organizationProjection } from './organization/projection.ts';
import { userProjection } from './user/projection.ts';
import { partnerProjection } from './partner/projection.ts';
import { projectProjection } from './project/projection.ts';
import { salesProjection } from './sales/projection.ts';
import { ringiProjection } from './ringi/projection.ts';
import { financeProjection } from './finance/projection.ts';
import { accountingPeriodProjection } from './finance/period-projection.ts';

/** Every projection the read side runs. */
export const allProjections: readonly Projection[] = [companyProjection, organizationProjection, userProjection, partnerProjection, projectProjection, salesProjection, ringiProjection, financeProjection, accountingPeriodProjection];
