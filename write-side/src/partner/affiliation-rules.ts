import type { FieldError } from '@sss/contracts/http/problem';
import type { CompanyCopy } from '@sss/contracts/partner/events';

/**
 * A partner may be affiliated only to a partner company (協力会社) that the partner context knows
 * and that is not abolished — as of the partner context's copy, which is all it may consult.
 * Affiliations the partner already has are kept even if the company was abolished since: they
 * are flagged on screen, not silently dropped.
 */
export function affiliationErrors(companyIds: readonly string[], existing: readonly string[], companies: ReadonlyMap<string, CompanyCopy>): FieldError[] {
  const errors: FieldError[] = [];
  companyIds.forEach((companyId, index) => {
    const field = `companyIds.${index}`;
    const company = companies.get(companyId);
    if (!company) errors.push({ field, message: `所属会社（${companyId}）が見つかりません。会社の登録直後なら数秒待ってからやり直してください。` });
    else if (!company.isPartner) errors.push({ field, message: `「${company.name}」は協力会社ではないため、所属会社に設定できません。` });
    else if (company.abolishedOn && !existing.includes(companyId)) errors.push({ field, message: `「${company.name}」は${company.abolishedOn}に廃止済みのため、所属会社に追加できません。` });
  });
  return errors;
}
