import type { MessageKey } from '../i18n/dictionary.ts';

/** Event types as people name them; an unknown (newer) type is shown by its technical name. */
export function eventLabelKey(type: string): MessageKey | undefined {
  const key = `event.${type}`;
  return key in EVENT_KEYS ? (key as MessageKey) : undefined;
}

const EVENT_KEYS: Record<string, true> = {
  'event.CompanyRegistered': true,
  'event.CompanyEdited': true,
  'event.CompanyUpdated': true,
  'event.AntiSocialCheckRecorded': true,
  'event.CreditLimitChanged': true,
  'event.CompanyAbolished': true,
};
