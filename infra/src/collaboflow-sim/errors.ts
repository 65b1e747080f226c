/**
 * CollaboFlow answers every failure with `{error: true, messages: [...]}`; the simulator throws
 * `SimError` from its rules and one error handler turns it into exactly that body.
 */
export class SimError extends Error {
  readonly status: number;
  readonly messages: readonly string[];

  constructor(status: number, ...messages: string[]) {
    super(messages.join(' '));
    this.status = status;
    this.messages = messages;
  }
}

export const errorBody = (messages: readonly string[]) => ({ error: true, messages: [...messages] });

/** Messages reused by several endpoints, worded as the product words them where known. */
export const MSG = {
  unknownUser: '不明なユーザーによるアクセスです。',
  unknownApi: 'Unkown API', // sic: upstream's spelling
  badDocumentId: '文書IDが不正です。',
  documentNotFound: '文書が見つかりませんでした。',
  documentNotFoundCode: 'ErrorCode:CLZ20202',
  noReadPermission: '文書の閲覧権限がありません。',
  commentRequired: '判定コメントは必須です。',
  cannotUpdate: '文書を更新できませんでした。',
  notYourTurn: 'この文書を判定する権限がありません。',
  notApplicant: 'この文書を操作する権限がありません。',
  decidedImmutable: '決裁済みの文書は変更できません。',
  commentNotAllowed: 'この操作ではコメントを指定できません。',
  badAppCd: 'app_cdが不正です。',
  fileNotFound: 'ファイルが見つかりませんでした。',
} as const;
