import { streams } from '@sss/contracts/streams/names';

/** @deprecated use streams.monthlySales from @sss/contracts/streams/names */
export const monthlySalesStream = streams.monthlySales;
