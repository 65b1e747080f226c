import type { CompanyView } from '@sss/contracts/company/schemas';
import { formatDateSlashed, formatDateTimeJst } from '@sss/contracts/domain/dates';
import { toCsv } from '../documents/csv.ts';

/** 会社一覧 as CSV for Excel: the master data a sales admin keeps in a spreadsheet, dates as 2026/12/01. */

const yesNo = (flag: boolean) => (flag ? '○' : '');

const HEADER = [
  '会社コード', '会社名', '正式名称', '略称', 'フリガナ', '顧客', '協力会社', '適格請求書発行事業者登録番号', 'NDA締結日', '基本契約締結日',
  '与信限度額', '与信見直し日', '反社チェック日', '反社チェック結果', '要員数', '登録日', '廃止日', '状態', 'URL', '備考', '更新日時',
];

export function companyListCsv(companies: readonly CompanyView[]): Buffer {
  return toCsv(
    HEADER,
    companies.map((c) => [
      c.code, c.name, c.formalName, c.shortName, c.kana, yesNo(c.isCustomer), yesNo(c.isPartner), c.invoiceRegistrationNumber ?? '', formatDateSlashed(c.ndaSignedOn), formatDateSlashed(c.masterAgreementSignedOn),
      c.credit?.creditLimit ?? '', formatDateSlashed(c.credit?.reviewedOn), formatDateSlashed(c.antiSocialCheck?.checkedOn), c.antiSocialCheck?.result ?? '', c.partnerCount, formatDateSlashed(c.registeredOn), formatDateSlashed(c.abolishedOn),
      c.active ? '有効' : '廃止', c.url, c.notes, c.updatedAt ? formatDateTimeJst(new Date(c.updatedAt)) : '',
    ]),
  );
}
