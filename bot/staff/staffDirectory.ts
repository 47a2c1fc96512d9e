/**
 * Who may act as PSEB staff (claim hand-offs, decide requests, use the console): the AAD object ids in
 * STAFF_AAD_OBJECT_IDS, plus active rows of the Staff table that the console manages.
 */
import type { PrismaClient } from '../../generated/prisma/client';

export interface StaffDirectory {
  /** True when this AAD object id belongs to an active staff member. */
  isStaff(aadObjectId: string | undefined | null): Promise<boolean>;
}

/** AAD object ids are GUIDs; Teams and the portal disagree on their case. */
export function normalizeAadId(id: string): string {
  return id.trim().toLowerCase();
}

export class PrismaStaffDirectory implements StaffDirectory {
  private readonly configured: ReadonlySet<string>;

  constructor(
    private readonly prisma: PrismaClient,
    configuredIds: readonly string[],
  ) {
    this.configured = new Set(configuredIds.map(normalizeAadId));
  }

  /** Configured ids answer without a query; everyone else is looked up (the console may have just added them). */
  async isStaff(aadObjectId: string | undefined | null): Promise<boolean> {
    if (!aadObjectId?.trim()) return false;
    const id = normalizeAadId(aadObjectId);
    if (this.configured.has(id)) return true;
    const row = await this.prisma.staff.findFirst({
      where: { aadObjectId: { equals: id, mode: 'insensitive' }, active: true },
      select: { aadObjectId: true },
    });
    return row !== null;
  }
}
