/**
 * "stop announcements" / "announcements band karo" / "اعلانات بند کریں" and back on, per person.
 * Only announcements are silenced: decision notices and replies to the user's own requests go out anyway.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import type { Interceptor } from '../psebBot';
import { turnInfo } from '../turnInfo';
import { isCommand } from '../domain/commands';

/** The person an opt-out belongs to: `<channelId>:<userId>`, the same key as a delivery row. */
export function userKeyOf(person: { channelId: string; userId: string }): string {
  return `${person.channelId}:${person.userId}`;
}

export type OptCommand = 'stop' | 'start';

/** What a whole message asks for, if it is one of the phrases. */
export function optCommandOf(text: string): OptCommand | undefined {
  if (isCommand(text, 'announcementsOff')) return 'stop';
  if (isCommand(text, 'announcementsOn')) return 'start';
  return undefined;
}

export class OptOutStore {
  constructor(private readonly prisma: PrismaClient) {}

  async optOut(userKey: string): Promise<void> {
    await this.prisma.announcementOptOut.createMany({ data: [{ userKey }], skipDuplicates: true });
  }

  async optIn(userKey: string): Promise<void> {
    await this.prisma.announcementOptOut.deleteMany({ where: { userKey } });
  }

  async isOptedOut(userKey: string): Promise<boolean> {
    return (await this.prisma.announcementOptOut.count({ where: { userKey } })) > 0;
  }
}

/** Answers the phrases in the user's language; anything else passes on. */
export function optOutInterceptor(store: OptOutStore): Interceptor {
  return async (context) => {
    const command = optCommandOf(context.activity.text ?? '');
    const userId = context.activity.from?.id;
    if (!command || !userId || context.activity.conversation.isGroup) return false;
    const key = userKeyOf({ channelId: context.activity.channelId, userId });
    const { t } = turnInfo(context);
    if (command === 'stop') {
      await store.optOut(key);
      await context.sendActivity(t('announcements:optedOut'));
    } else {
      await store.optIn(key);
      await context.sendActivity(t('announcements:optedIn'));
    }
    return true;
  };
}
