import { defineDictionary, type Dictionary } from './labels.ts';

/** Company event types as people name them; keyed by any string, since a newer type is shown by its technical name. */
export const companyEventLabels: Dictionary<string> = defineDictionary(
  {
    CompanyRegistered: '会社登録',
    CompanyEdited: '会社情報変更',
    CompanyUpdated: '会社情報変更',
    AntiSocialCheckRecorded: '反社チェック記録',
    CreditLimitChanged: '与信限度額変更',
    CompanyAbolished: '廃止',
  },
  {
    CompanyRegistered: 'Registered',
    CompanyEdited: 'Edited',
    CompanyUpdated: 'Edited',
    AntiSocialCheckRecorded: 'Anti-social check recorded',
    CreditLimitChanged: 'Credit limit changed',
    CompanyAbolished: 'Abolished',
  },
);
