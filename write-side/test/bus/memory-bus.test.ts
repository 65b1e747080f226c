import { test } from 'uvu';
import { busConformance } from '../../src/bus/conformance.ts';
import { createMemoryBus } from '../../src/bus/memory-bus.ts';

busConformance('memory bus', async () => createMemoryBus());

test.run();
