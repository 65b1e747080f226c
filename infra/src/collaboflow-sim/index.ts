export { createCollaboflowSimulator, type CollaboflowSimulator, type CollaboflowSimulatorOptions } from './app.ts';
export { startCollaboflowSimulator, type StartedCollaboflowSimulator } from './start.ts';
export { apiKeyHeader, AUTH_HEADER } from './auth.ts';
export { CORRELATION_PART_ID, SEED_PASSWORD, SEEDED_ROUTE_IDS } from './seed.ts';
