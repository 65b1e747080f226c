import { WorkflowError, type ApprovalStep, type DocumentSummary, type WorkflowPort, type WorkflowStatus } from '@sss/contracts/ports/workflow';

/**
 * An in-memory workflow product for the process manager's timer specs: documents, a switch that
 * takes it down, and a hand to decide. (The simulator specs cover the real protocol.)
 */
export class FakeWorkflow implements WorkflowPort {
  down = false;
  readonly docs = new Map<number, { key: string; status: WorkflowStatus; number: string }>();
  private next = 1;

  private check(): void {
    if (this.down) throw new WorkflowError('unavailable', 'down for maintenance', { retryable: true, httpStatus: 503 });
  }

  decide(documentId: number, status: WorkflowStatus): void {
    this.docs.get(documentId)!.status = status;
  }

  async createDraft(request: Parameters<WorkflowPort['createDraft']>[0]) {
    this.check();
    const id = this.next++;
    this.docs.set(id, { key: request.correlationKey, status: 'draft', number: '' });
    return { documentId: id, documentNumber: '', link: `fake://${id}` };
  }
  async request(_actAs: string, documentId: number) {
    this.check();
    const doc = this.docs.get(documentId)!;
    if (doc.status === 'draft') Object.assign(doc, { status: 'flow', number: `RINGI2026-${String(documentId).padStart(6, '0')}` });
  }
  async submit(): Promise<never> {
    throw new Error('the manager files in two recorded steps');
  }
  async withdraw() {}
  async getSummary(_actAs: string, documentId: number): Promise<DocumentSummary> {
    this.check();
    const doc = this.docs.get(documentId)!;
    return { documentId, documentNumber: doc.number, link: `fake://${documentId}`, routeId: 101, title: '', status: doc.status, applicantId: 'A', applicantName: '申請 太郎', requestedAt: null, endedAt: null };
  }
  async getApprovals(): Promise<readonly ApprovalStep[]> {
    this.check();
    return [{ phase: 1, phaseTitle: '事業部長承認', approverId: 'T', approverName: '高橋 健一', status: 'waiting', comment: '', decidedAt: null, current: true }];
  }
  async uploadFile(): Promise<string> {
    return 'f';
  }
  async listMyDrafts() {
    return { items: [], offset: 0, limit: 10, total: 0 };
  }
  async listMyRequests() {
    return { items: [], offset: 0, limit: 10, total: 0 };
  }
  async findDraftByCorrelationKey(_actAs: string, _routeId: number, key: string) {
    this.check();
    for (const [id, doc] of this.docs) if (doc.key === key && doc.status === 'draft') return { documentId: id, title: '', modifiedAt: '' };
    return null;
  }
}
