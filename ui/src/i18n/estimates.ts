import { defineDictionary } from './labels.ts';

/**
 * Labels for the 見積 approval state (which 稟議 approved a version), in a dictionary of their own so the
 * shared 案件 dictionary is not edited by several people at once.
 */
export const estimateApprovalLabels = defineDictionary(
  { approval: '見積稟議', approvedBy: '稟議 {ringi} 承認済', approvedNoNumber: '見積稟議 承認済', notApproved: '未承認（発行には見積稟議の承認が必要です）' },
  { approval: 'Estimate ringi', approvedBy: 'Approved by ringi {ringi}', approvedNoNumber: 'Approved by estimate ringi', notApproved: 'Not approved (issuing needs an approved estimate ringi)' },
);
