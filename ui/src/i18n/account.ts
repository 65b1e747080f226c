import { defineDictionary } from './labels.ts';

/** Labels of the signed-in person's own account page (beyond the password form), Japanese first. */
const ja = {
  sessionsTitle: 'ログイン中の端末',
  sessionsHint: 'パソコンやスマートフォンをなくしたとき、共用の端末でログアウトし忘れたときは、すべての端末からログアウトできます。この端末もログアウトします。',
  endAll: 'すべての端末からログアウト',
  endAllConfirm: 'すべての端末（この端末を含む）のログインを終了します。よろしいですか？',
  endAllRun: 'ログアウトする',
} as const;
const en: Record<keyof typeof ja, string> = {
  sessionsTitle: 'Signed-in devices',
  sessionsHint: 'If you lost a computer or phone, or forgot to sign out on a shared one, you can sign out everywhere. This browser is signed out too.',
  endAll: 'Sign out everywhere',
  endAllConfirm: 'End the sessions of every device, this one included?',
  endAllRun: 'Sign out',
};
export const accountLabels = defineDictionary(ja, en);
