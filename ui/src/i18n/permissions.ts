import { defineDictionary } from './labels.ts';

/** What a screen says when the person's role may not perform its action, Japanese first. */
export const permissionLabels = defineDictionary(
  {
    notPermitted: 'この操作はあなたのロールでは行えません。行えるのは {roles} です。',
    whoMay: '{roles} が行えます',
    separator: '・',
  },
  {
    notPermitted: 'Your role cannot do this. It can be done by: {roles}.',
    whoMay: 'Can be done by: {roles}',
    separator: ', ',
  },
);
