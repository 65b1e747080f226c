/** Every aggregate's history route answers through the one history builder (write-side/src/history). */
export { streamHistory } from '../history/stream-history.ts';
