/** The auth feature's public entry: who is signed in and what they may do. */
export { may, useLogout, useSession } from './session.ts';
export type { SessionUser } from '../api/auth.ts';
export { requires } from './permission.ts';
export { RequirePermission } from './RequirePermission.tsx';
