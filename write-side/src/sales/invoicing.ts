import { isValidRegistrationNumber } from '@sss/contracts/domain/registration-number';
import { ACCOUNT_TYPES, isAccountNumber, isZenginKana, type AccountType, type BankAccount } from '@sss/contracts/sales/issuer';
import { ROUNDING_MODES, type RoundingMode } from '@sss/contracts/sales/tax';
import type { Issuer } from './decider.ts';

/** The issuer's side of every qualified invoice: who issues, under which number, rounding how. */
export interface Invoicing {
  readonly issuer: Issuer;
  readonly roundingMode: RoundingMode;
}

/** What the SSS_ISSUER_* settings say; '' for address, phone or bank means 未設定 (not printed). */
export interface IssuerSettings {
  readonly name: string;
  readonly registrationNumber: string;
  readonly rounding: string;
  readonly address: string;
  readonly phone: string;
  readonly bank: string;
  readonly branch: string;
  readonly accountType: string;
  readonly accountNumber: string;
  readonly accountHolder: string;
}

/** Checked at start-up: an invoice with a mistyped registration number or 振込先 must never leave the building. */
export function parseInvoicing(settings: IssuerSettings): Invoicing {
  const { name, registrationNumber, rounding } = settings;
  if (!name.trim()) throw new Error('SSS_ISSUER_NAME must not be empty');
  if (!isValidRegistrationNumber(registrationNumber)) throw new Error(`SSS_ISSUER_REGISTRATION_NUMBER must be "T" + 13 digits with a valid check digit, got "${registrationNumber}"`);
  if (!(ROUNDING_MODES as readonly string[]).includes(rounding)) throw new Error(`SSS_TAX_ROUNDING must be one of ${ROUNDING_MODES.join(', ')}, got "${rounding}"`);
  return {
    issuer: { name: name.trim(), registrationNumber, address: settings.address.trim() || null, phone: settings.phone.trim() || null, bankAccount: bankAccountOf(settings) },
    roundingMode: rounding as RoundingMode,
  };
}

function bankAccountOf(settings: IssuerSettings): BankAccount | null {
  if (!settings.bank.trim()) return null;
  if (!settings.branch.trim()) throw new Error('SSS_ISSUER_BRANCH must name the branch when SSS_ISSUER_BANK is set');
  if (!(ACCOUNT_TYPES as readonly string[]).includes(settings.accountType)) throw new Error(`SSS_ISSUER_ACCOUNT_TYPE must be one of ${ACCOUNT_TYPES.join(', ')}`);
  if (!isAccountNumber(settings.accountNumber)) throw new Error('SSS_ISSUER_ACCOUNT_NUMBER must be 7 digits');
  if (!isZenginKana(settings.accountHolder)) throw new Error('SSS_ISSUER_ACCOUNT_HOLDER must be half-width kana (全銀)');
  return { bank: settings.bank.trim(), branch: settings.branch.trim(), type: settings.accountType as AccountType, number: settings.accountNumber, holderKana: settings.accountHolder };
}
