/**
 * Stream names of the project context (DESIGN §2: `<type>-<id>`). The estimate of a project uses
 * the project's id, which is what keeps 見積番号 (<案件番号>-<版>) unique without a counter.
 */
export const projectStream = (projectId: string) => `project-${projectId}`;
export const estimateStream = (projectId: string) => `estimate-${projectId}`;
export const orderStream = (orderId: string) => `order-${orderId}`;
export { projectNumberStream } from './project-number.ts';
