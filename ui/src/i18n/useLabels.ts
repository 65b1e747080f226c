import { useCallback } from 'react';
import { useI18n } from './I18nProvider.tsx';
import { lookup, type Dictionary, type LabelParams } from './labels.ts';

export type Label<K extends string> = (key: K, params?: LabelParams) => string;

/** Labels of one dictionary in the language the person chose; stable until the language changes. */
export function useLabels<K extends string>(dictionary: Dictionary<K>): Label<K> {
  const { language } = useI18n();
  return useCallback((key: K, params?: LabelParams) => lookup(dictionary, language, key, params), [dictionary, language]);
}
