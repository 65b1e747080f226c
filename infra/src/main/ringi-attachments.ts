import type { FileToUpload } from '@sss/contracts/ports/workflow';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import type { EstimateView } from '@sss/contracts/project/views';
import type { RingiState } from '@sss/write-side/ringi/ringi-decider';
import type { RingiFormMapping } from '@sss/write-side/ringi/form-mapping';
import { renderBalanceSheet } from '@sss/read-side/project/balance-sheet';
import { renderQuotationXlsx, quotationFilename } from '@sss/read-side/project/quotation';
import { detailOf } from '@sss/read-side/project/routes';
import { PROJECTS, type ProjectDoc } from '@sss/read-side/project/project-doc';
import { ESTIMATES } from '@sss/read-side/project/estimate-doc';
import { publicDoc, storedAs } from '@sss/read-side/http/query-helpers';

/**
 * The files a 見積稟議 carries (docs/domain.md §Business flows): the 収支管理表 and the 見積書 as Excel, the same
 * files the project screen downloads. They come from the read models, which trail the request by
 * a moment, so this waits briefly for the project to appear; if it still is not there the draft
 * step fails and the process manager retries it later (nothing is filed without its files).
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function waitForDoc(store: ReadStore, collection: string, id: string, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const doc = await store.get(collection, id);
    if (doc || Date.now() > deadline) return doc;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `form` names the 見積稟議 form's attachment parts; a file whose part is not mapped is not made. */
export function estimateRingiAttachments(store: ReadStore, issuerName: string, form: RingiFormMapping) {
  const parts = { balanceSheet: form.parts.balanceSheet?.partId, quotation: form.parts.quotation?.partId };
  return async (ringi: RingiState): Promise<{ partId: string; file: FileToUpload }[]> => {
    if (ringi.kind !== 'estimate' || !ringi.subject || (!parts.balanceSheet && !parts.quotation)) return [];
    const projectId = ringi.subject.projectId;
    const doc = await waitForDoc(store, PROJECTS, projectId, 5_000);
    if (!doc) throw new Error(`案件 ${projectId} が読み取りモデルにまだありません（収支管理表を作れません）`);
    const project = detailOf(doc as ProjectDoc);
    const files: { partId: string; file: FileToUpload }[] = [];
    if (parts.balanceSheet) files.push({ partId: parts.balanceSheet, file: { fileName: `収支管理表_${project.projectNumber}.xlsx`, contentType: XLSX, data: new Uint8Array(await renderBalanceSheet(project)) } });
    // One estimate per project, under the project's id; a 見積稟議 may come before the first 見積書.
    const estimateDoc = await store.get(ESTIMATES, projectId);
    if (estimateDoc && parts.quotation) {
      const estimate = storedAs<EstimateView>(publicDoc(estimateDoc));
      const version = estimate.versions[0];
      if (version) files.push({ partId: parts.quotation, file: { fileName: quotationFilename(estimate, version, 'xlsx'), contentType: XLSX, data: new Uint8Array(await renderQuotationXlsx(estimate, version, issuerName)) } });
    }
    return files;
  };
}
