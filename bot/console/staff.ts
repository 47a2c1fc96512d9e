/**
 * Managing who may act as an agent: config entries (STAFF_AAD_OBJECT_IDS, read-only here) and Staff rows.
 * Whether someone *is* staff is bot/staff's StaffDirectory's answer, not ours.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { normalizeAadId } from '../staff/staffDirectory';
import type { ConsoleActor } from './auth';
import { ConsoleError } from './errors';

export interface StaffEntry {
  aadObjectId: string;
  name: string | null;
  email: string | null;
  /** `config` entries come from STAFF_AAD_OBJECT_IDS and can only be changed there. */
  source: 'config' | 'database';
  active: boolean;
}

export interface StaffInput {
  aadObjectId: string;
  name?: string;
  email?: string;
}

/** Staff membership and management backed by the config list and the Staff table. */
export class ConsoleStaff {
  private readonly configIds: ReadonlySet<string>;

  constructor(
    private readonly prisma: PrismaClient,
    configIds: readonly string[],
  ) {
    this.configIds = new Set(configIds.map(normalizeAadId));
  }

  /** Everyone who may act as an agent, config entries first. */
  async list(): Promise<StaffEntry[]> {
    const rows = await this.prisma.staff.findMany({ where: { active: true }, orderBy: [{ name: 'asc' }, { aadObjectId: 'asc' }] });
    const fromConfig: StaffEntry[] = [...this.configIds].map((id) => ({
      aadObjectId: id,
      name: null,
      email: null,
      source: 'config',
      active: true,
    }));
    const fromDb: StaffEntry[] = rows
      .filter((r) => !this.configIds.has(normalizeAadId(r.aadObjectId)))
      .map((r) => ({ aadObjectId: r.aadObjectId, name: r.name, email: r.email, source: 'database', active: r.active }));
    return [...fromConfig, ...fromDb];
  }

  /** Adds (or re-activates) a staff member and records who did it. */
  async add(input: StaffInput, actor: ConsoleActor): Promise<StaffEntry> {
    const aadObjectId = normalizeAadId(input.aadObjectId);
    const row = await this.prisma.$transaction(async (tx) => {
      const saved = await tx.staff.upsert({
        where: { aadObjectId },
        create: { aadObjectId, name: input.name ?? null, email: input.email ?? null, active: true },
        update: { name: input.name ?? undefined, email: input.email ?? undefined, active: true },
      });
      await tx.auditLog.create({ data: { actorId: actor.oid, action: 'staff.add', target: aadObjectId } });
      return saved;
    });
    return { aadObjectId: row.aadObjectId, name: row.name, email: row.email, source: 'database', active: row.active };
  }

  /** Deactivates a staff member (the row stays for the audit trail); config entries and oneself are refused. */
  async remove(aadObjectId: string, actor: ConsoleActor): Promise<void> {
    const id = normalizeAadId(aadObjectId);
    if (this.configIds.has(id))
      throw new ConsoleError('protected_staff', 'listed in STAFF_AAD_OBJECT_IDS; change the configuration instead');
    if (id === normalizeAadId(actor.oid)) throw new ConsoleError('protected_staff', 'you cannot remove yourself');
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.staff.updateMany({ where: { aadObjectId: id, active: true }, data: { active: false } });
      if (count === 0) throw new ConsoleError('not_found', 'no such staff member');
      await tx.auditLog.create({ data: { actorId: actor.oid, action: 'staff.remove', target: id } });
    });
  }
}
