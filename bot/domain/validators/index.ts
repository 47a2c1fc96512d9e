// The intake validators in one import for the dialogs and the one-card form.
export * from './result';
export * from './errors';
export * from './messages';
export * from './normalize';
export * from './skip';
export * from './text';
export * from './registration';
export * from './ntn';
export * from './cnic';
export * from './mobile';
export * from './email';
export * from './city';
export * from './seats';
export * from './ip';
export * from './whitelistingReference';
export * from './dates';
export * from './agents';
