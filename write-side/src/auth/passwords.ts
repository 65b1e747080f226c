import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '@sss/contracts/http/problem';

/** argon2id (the @node-rs/argon2 default) with OWASP's minimum memory/time settings. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal who exists. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword('decoy-password-never-used'));

export function passwordProblems(password: string, email: string): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < 10) errors.push({ field: 'password', message: 'パスワードは10文字以上にしてください。' });
  if (password.length > 200) errors.push({ field: 'password', message: 'パスワードは200文字以内にしてください。' });
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) errors.push({ field: 'password', message: 'パスワードには英字と数字を両方含めてください。' });
  if (email && password.toLowerCase().includes(email.split('@')[0]!.toLowerCase())) errors.push({ field: 'password', message: 'パスワードにメールアドレスの一部を含めないでください。' });
  return errors;
}
