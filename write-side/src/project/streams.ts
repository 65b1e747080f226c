import { streams } from '@sss/contracts/streams/names';

/** @deprecated use streams.project from @sss/contracts/streams/names */
export const projectStream = streams.project;
