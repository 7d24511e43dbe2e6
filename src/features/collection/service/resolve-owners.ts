import { isOpenId } from './open-id';
import type { Member, OwnerDirectory, OwnerResolution } from './types';

/**
 * Understands each 责任人 cell: an open_id, an email, a mobile number, or a person's name matched
 * against the group's members. A name that matches nobody, or several people, is reported for the
 * importer to settle — never guessed (two 张伟 in one unit are common).
 * Returns one resolution per distinct raw text (trimmed), keyed by that text.
 */
export async function resolveOwners(
  raws: ReadonlyArray<string | null | undefined>,
  directory: OwnerDirectory,
): Promise<Map<string, OwnerResolution>> {
  const distinct = [...new Set(raws.map((r) => (r ?? '').trim()).filter((r) => r.length > 0))];
  const result = new Map<string, OwnerResolution>();
  const emails: string[] = [];
  const mobiles: Array<{ raw: string; mobile: string }> = [];

  for (const raw of distinct) {
    const kind = classify(raw);
    if (kind.type === 'open_id') {
      const member = directory.members.find((m) => m.openId === raw);
      result.set(raw, { status: 'resolved', raw, openId: raw, name: member?.name ?? null, via: 'open_id' });
    } else if (kind.type === 'email') {
      emails.push(raw);
    } else if (kind.type === 'mobile') {
      mobiles.push({ raw, mobile: kind.mobile });
    } else {
      result.set(raw, matchName(raw, directory.members));
    }
  }

  if (emails.length + mobiles.length > 0) {
    const found = directory.lookupContacts
      ? await directory.lookupContacts({ emails: emails.map((e) => e.toLowerCase()), mobiles: mobiles.map((m) => m.mobile) })
      : [];
    for (const raw of emails) {
      const hit = found.find((f) => f.email?.toLowerCase() === raw.toLowerCase() && f.openId);
      result.set(raw, hit?.openId ? resolvedContact(raw, hit.openId, 'email', directory.members) : { status: 'not_found', raw });
    }
    for (const { raw, mobile } of mobiles) {
      const hit = found.find((f) => f.mobile !== undefined && digits(f.mobile).endsWith(mobile) && f.openId);
      result.set(raw, hit?.openId ? resolvedContact(raw, hit.openId, 'mobile', directory.members) : { status: 'not_found', raw });
    }
  }
  return result;
}

/** The resolution of one cell from a map built by `resolveOwners` (empty cells are `missing`). */
export function resolutionFor(map: ReadonlyMap<string, OwnerResolution>, raw: string | null | undefined): OwnerResolution {
  const key = (raw ?? '').trim();
  if (key.length === 0) return { status: 'missing', raw: null };
  return map.get(key) ?? { status: 'not_found', raw: key };
}

function resolvedContact(raw: string, openId: string, via: 'email' | 'mobile', members: readonly Member[]): OwnerResolution {
  return { status: 'resolved', raw, openId, name: members.find((m) => m.openId === openId)?.name ?? null, via };
}

function matchName(raw: string, members: readonly Member[]): OwnerResolution {
  const wanted = normalizeName(raw);
  const hits = members.filter((m) => normalizeName(m.name) === wanted);
  const distinct = [...new Map(hits.map((m) => [m.openId, m])).values()];
  if (distinct.length === 1) return { status: 'resolved', raw, openId: distinct[0]!.openId, name: distinct[0]!.name, via: 'name' };
  if (distinct.length > 1) return { status: 'ambiguous', raw, candidates: distinct };
  return { status: 'not_found', raw };
}

type CellKind = { type: 'open_id' } | { type: 'email' } | { type: 'mobile'; mobile: string } | { type: 'name' };

function classify(raw: string): CellKind {
  if (isOpenId(raw)) return { type: 'open_id' };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) return { type: 'email' };
  const d = digits(raw);
  // Mainland mobiles as people write them: 13800138000, 138 0013 8000, 138-0013-8000, +86 138…
  if (/^[+\d\s\-()（）]+$/.test(raw) && /^(?:86)?1\d{10}$/.test(d)) return { type: 'mobile', mobile: d.slice(-11) };
  return { type: 'name' };
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/** Table cells pad names ("张  伟") and may use full-width spaces; Lark names do not. */
function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
