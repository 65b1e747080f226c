/**
 * What a month remembers of a 入金消込 so a repeated settlement records nothing twice (docs/finance.md §Confirming):
 * the match, not the deposit. One deposit may be matched several times — partial payments, a remainder applied
 * later — and each match may pay the same month again; one match pays a month at most once (its allocations name
 * each month once), so the match id is the key of one allocation line.
 */

/** The n-th match of a deposit (1-based): unique and the same however often the deposit's stream is read. */
export const matchIdOf = (depositId: string, ordinal: number): string => `${depositId}-m${ordinal}`;

/**
 * The settlement key of a match or of a month's payment or fee event. Events written before matches carried an id
 * (stop 12 and earlier) have none: their key is the deposit id, the per-deposit key they were recorded under, so
 * an old match replayed finds its old payments and appends nothing.
 */
export const settlementKeyOf = (data: { readonly depositId: string; readonly matchId?: string }): string => data.matchId ?? data.depositId;
