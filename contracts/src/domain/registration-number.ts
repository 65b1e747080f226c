/**
 * 適格請求書発行事業者登録番号: "T" + 13 digits. The 13 digits are a corporate number (法人番号) or
 * an equally formed number for sole proprietors, whose first digit is a check digit over the
 * other twelve (国税庁 法人番号の指定: 9 − (Σ Pn×Qn mod 9), Pn counted from the lowest digit, Qn = 1 for
 * odd n and 2 for even n). Checking it catches most typing errors before an invoice is issued.
 */
export function isValidRegistrationNumber(value: string): boolean {
  const match = /^T(\d)(\d{12})$/.exec(value);
  if (!match) return false;
  const digits = match[2]!.split('').reverse().map(Number);
  const sum = digits.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 2), 0);
  return 9 - (sum % 9) === Number(match[1]);
}
