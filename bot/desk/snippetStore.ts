/** Saved replies ("snippets"): a name and one text per language, kept by staff in the console. */
import type { PrismaClient, Snippet } from '../../generated/prisma/client';
import { textInLanguage } from './languageText';

export type { Snippet };

export interface SnippetInput {
  name: string;
  en: string;
  ur?: string;
  'ur-Latn'?: string;
}

/** A snippet as the console API shows it: texts keyed by language. */
export interface SnippetView {
  id: string;
  name: string;
  texts: { en: string; ur: string; 'ur-Latn': string };
  updatedAt: string;
}

/** Names are matched without case or surrounding space, as typed after `/reply`. */
export function normalizeSnippetName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-');
}

/** The snippet's text for a user language (English when that language's text is empty). */
export function snippetText(snippet: Snippet, language: string): string {
  return textInLanguage({ en: snippet.textEn, ur: snippet.textUr, 'ur-Latn': snippet.textUrLatn }, language);
}

export function snippetView(s: Snippet): SnippetView {
  return { id: s.id, name: s.name, texts: { en: s.textEn, ur: s.textUr, 'ur-Latn': s.textUrLatn }, updatedAt: s.updatedAt.toISOString() };
}

const columns = (input: SnippetInput) => ({
  name: normalizeSnippetName(input.name),
  textEn: input.en,
  textUr: input.ur ?? '',
  textUrLatn: input['ur-Latn'] ?? '',
});

export class SnippetStore {
  constructor(private readonly prisma: PrismaClient) {}

  list(): Promise<Snippet[]> {
    return this.prisma.snippet.findMany({ orderBy: { name: 'asc' }, take: 500 });
  }

  byId(id: string): Promise<Snippet | null> {
    return this.prisma.snippet.findUnique({ where: { id } });
  }

  byName(name: string): Promise<Snippet | null> {
    return this.prisma.snippet.findUnique({ where: { name: normalizeSnippetName(name) } });
  }

  /** Creates one; undefined when the name is taken. */
  async create(input: SnippetInput, createdBy: string): Promise<Snippet | undefined> {
    const data = columns(input);
    if (await this.prisma.snippet.findUnique({ where: { name: data.name }, select: { id: true } })) return undefined;
    return this.prisma.snippet.create({ data: { ...data, createdBy } });
  }

  /** Replaces name and texts; 'missing' or 'duplicate' when it cannot. */
  async update(id: string, input: SnippetInput): Promise<Snippet | 'missing' | 'duplicate'> {
    const data = columns(input);
    const clash = await this.prisma.snippet.findUnique({ where: { name: data.name }, select: { id: true } });
    if (clash && clash.id !== id) return 'duplicate';
    const { count } = await this.prisma.snippet.updateMany({ where: { id }, data });
    if (count === 0) return 'missing';
    return (await this.byId(id)) ?? 'missing';
  }

  /** Deletes one; false when there was none. */
  async remove(id: string): Promise<boolean> {
    const { count } = await this.prisma.snippet.deleteMany({ where: { id } });
    return count === 1;
  }
}
