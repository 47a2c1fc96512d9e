/** What each channel can render. Teams and Web Chat take Adaptive Cards; Skype hero cards; others text. */

export type Rendering = 'adaptive' | 'hero' | 'text';

const adaptiveChannels = new Set(['msteams', 'webchat']);

/** The richest rendering a channel supports. */
export function renderingFor(channelId: string | undefined): Rendering {
  if (channelId && adaptiveChannels.has(channelId)) return 'adaptive';
  if (channelId === 'skype') return 'hero';
  return 'text';
}
