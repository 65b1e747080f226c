export * from './ports/event-store.ts';
export * from './ports/read-store.ts';
export * from './ports/message-bus.ts';
