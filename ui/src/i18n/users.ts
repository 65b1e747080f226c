import { defineDictionary } from './labels.ts';

/** Labels of the user-administration and password screens, Japanese first. */
const ja = {
  title: 'ユーザー管理',
  search: '氏名・メールアドレスで検索',
  activeOnly: '有効なユーザーのみ',
  name: '氏名', email: 'メールアドレス', orgUnit: '所属組織', roles: 'ロール', status: '状態', lastSignIn: '最終ログイン', actions: '操作',
  active: '有効', inactive: '無効',
  newUser: 'ユーザーを登録', initialPassword: '初期パスワード',
  changeRoles: 'ロール変更', changeOrgUnit: '所属変更', deactivate: '無効化', reactivate: '有効化', resetPassword: 'パスワード再設定',
  history: '履歴', historyOf: '{name} の履歴',
  newPassword: '新しいパスワード', none: '（なし）', empty: '該当するユーザーはいません。',
  workflowLogin: 'コラボフローのログインID', workflowLoginHint: '稟議はこのユーザーとして起票されます。空欄ならメールアドレスの @ より前を使います。',
  deactivateWarning: '無効化すると、このユーザーはすぐにログアウトされ、ログインできなくなります。',
  passwordRules: '10文字以上、英字と数字を含め、メールアドレスの一部を含めないでください。',
  passwordTitle: 'パスワード変更', currentPassword: '現在のパスワード', passwordChanged: 'パスワードを変更しました。他の端末のログインは終了しました。',
  notSet: '未設定',
  checkTitle: 'コラボフロー設定チェック', recheck: '再チェック', checking: '確認中…', checkedAt: '確認日時',
  checkOk: '問題ありません', checkNg: '要対応', checkAllOk: 'コラボフローの設定に問題はありません。', checkSomeNg: '対応が必要な項目があります。',
  webhookSettings: 'Webhook の設定（API では確認できないため、コラボフローの管理画面で設定してください）',
} as const;
const en: Record<keyof typeof ja, string> = {
  title: 'User administration',
  search: 'Search by name or email',
  activeOnly: 'Active users only',
  name: 'Name', email: 'Email', orgUnit: 'Unit', roles: 'Roles', status: 'Status', lastSignIn: 'Last sign-in', actions: 'Actions',
  active: 'Active', inactive: 'Inactive',
  newUser: 'Register a user', initialPassword: 'Initial password',
  changeRoles: 'Roles', changeOrgUnit: 'Unit', deactivate: 'Deactivate', reactivate: 'Reactivate', resetPassword: 'Reset password',
  history: 'History', historyOf: 'History of {name}',
  newPassword: 'New password', none: '(none)', empty: 'No users match.',
  workflowLogin: 'CollaboFlow login', workflowLoginHint: '稟議 are filed as this user. Empty: the part of the email before @.',
  deactivateWarning: 'The user is signed out at once and can no longer sign in.',
  passwordRules: 'At least 10 characters, letters and digits, not containing part of the email.',
  passwordTitle: 'Change password', currentPassword: 'Current password', passwordChanged: 'Password changed. Your other sessions were signed out.',
  notSet: 'Not set',
  checkTitle: 'CollaboFlow setup check', recheck: 'Check again', checking: 'Checking…', checkedAt: 'Checked at',
  checkOk: 'OK', checkNg: 'Needs action', checkAllOk: 'The CollaboFlow setup has no problems.', checkSomeNg: 'Some items need action.',
  webhookSettings: 'Webhook settings (not readable through the API: make them in CollaboFlow\'s admin screens)',
};
export const userLabels = defineDictionary(ja, en);
