import type { Projection } from '../../src/projector/projection.ts';

/**
 * A deliberately non-idempotent projection for crash tests: it adds up event numbers per stream and
 * in one grand total, so an event applied twice (or lost) changes the numbers.
 */
export const countingProjection: Projection = {
  name: 'counting',
  version: 1,
  collections: { tallies: [{ keys: { count: 1 } }] },
  async project(event, docs) {
    const n = (event.data as { n: number }).n;
    const tally = (await docs.get('tallies', event.streamName)) ?? { _id: event.streamName, count: 0, sum: 0 };
    const total = (await docs.get('tallies', 'TOTAL')) ?? { _id: 'TOTAL', count: 0, sum: 0 };
    return [
      { op: 'put', collection: 'tallies', doc: { _id: tally._id, count: (tally.count as number) + 1, sum: (tally.sum as number) + n } },
      { op: 'put', collection: 'tallies', doc: { _id: 'TOTAL', count: (total.count as number) + 1, sum: (total.sum as number) + n } },
    ];
  },
};
