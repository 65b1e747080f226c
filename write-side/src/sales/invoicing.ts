import { isValidRegistrationNumber } from '@sss/contracts/domain/registration-number';
import { ROUNDING_MODES, type RoundingMode } from '@sss/contracts/sales/tax';
import type { Issuer } from './decider.ts';

/** The issuer's side of every qualified invoice: who issues, under which number, rounding how. */
export interface Invoicing {
  readonly issuer: Issuer;
  readonly roundingMode: RoundingMode;
}

/** Checked at start-up: an invoice with a mistyped registration number must never leave the building. */
export function parseInvoicing(name: string, registrationNumber: string, rounding: string): Invoicing {
  if (!name.trim()) throw new Error('SSS_ISSUER_NAME must not be empty');
  if (!isValidRegistrationNumber(registrationNumber)) throw new Error(`SSS_ISSUER_REGISTRATION_NUMBER must be "T" + 13 digits with a valid check digit, got "${registrationNumber}"`);
  if (!(ROUNDING_MODES as readonly string[]).includes(rounding)) throw new Error(`SSS_TAX_ROUNDING must be one of ${ROUNDING_MODES.join(', ')}, got "${rounding}"`);
  return { issuer: { name: name.trim(), registrationNumber }, roundingMode: rounding as RoundingMode };
}
