/**
 * Stream names of the project context (docs/architecture.md §Write side: `<category>-<id>`). The estimate of a project uses
 * the project's id, which is what keeps 見積番号 (<案件番号>-<版>) unique without a counter.
 */
export const projectStream = (projectId: string) => `project-${projectId}`;
export const estimateStream = (projectId: string) => `estimate-${projectId}`;
export const orderStream = (orderId: string) => `order-${orderId}`;
export { projectNumberStream } from './project-number.ts';
