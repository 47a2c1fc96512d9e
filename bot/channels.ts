/** What each channel can render. Teams and Web Chat take Adaptive Cards; Skype hero cards; others text. */

export type Rendering = 'adaptive' | 'hero' | 'text';

const adaptiveChannels = new Set(['msteams', 'webchat']);

/** The richest rendering a channel supports. */
export function renderingFor(channelId: string | undefined): Rendering {
  if (channelId && adaptiveChannels.has(channelId)) return 'adaptive';
  if (channelId === 'skype') return 'hero';
  return 'text';
}

/**
 * Whether the user can send a file here: Web Chat (our Direct Line upload), the Emulator, and Teams in a
 * personal chat (the manifest's supportsFiles; Teams allows bot files only there). Prompts offer a file only then.
 */
export function canUploadFiles(channelId: string | undefined, conversationType?: string): boolean {
  if (channelId === 'webchat' || channelId === 'emulator') return true;
  return channelId === 'msteams' && (conversationType ?? 'personal') === 'personal';
}
