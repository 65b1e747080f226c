import { test } from 'uvu';
import { createMemoryBus } from '@sss/write-side/bus/memory-bus';
import { companyPartnerScenarios } from './company-partner-scenarios.ts';

/** The company → partner flow on the in-process bus of the embedded default: the same code as over Kafka. */
companyPartnerScenarios(test, { name: 'in-process bus', env: {}, open: async () => createMemoryBus() });

test.run();
