/**
 * Pure: the marks of a group's members. Every member shares the group's released mark; with peer
 * adjustment each member's is the group's mark × their peer-evaluation factor (WebPA-style, 0.5–1.5, from
 * the groups port), the factor taken to four decimals and the product rounded half up once, capped at 100 %.
 */

/** Pure: one member's mark (hundredths) from the group's mark and their factor (1 when none). */
export function adjustedMark(groupMark: number, factor = 1): number {
  const tenThousandths = Math.round(factor * 10_000);
  return Math.min(10_000, Math.floor((groupMark * tenThousandths + 5_000) / 10_000));
}

/** Pure: each member's mark; members without a factor keep the group's mark. */
export function memberMarks(
  groupMark: number,
  memberIds: readonly string[],
  factors: ReadonlyMap<string, number> | null,
): Record<string, number> {
  return Object.fromEntries(memberIds.map((id) => [id, adjustedMark(groupMark, factors?.get(id) ?? 1)]));
}

/** The members of a marking submission (the participant alone unless a group handed it in). */
export function membersOf(row: { participant_id: string; members_json: string | null }): string[] {
  if (!row.members_json) return [row.participant_id];
  const parsed = JSON.parse(row.members_json) as unknown;
  return Array.isArray(parsed) && parsed.every((id) => typeof id === 'string') && parsed.length
    ? parsed
    : [row.participant_id];
}

/** A member's released mark: theirs when the group's marks were set at release, else the shared one. */
export function markOfMember(
  row: { member_marks_json: string | null },
  personId: string | null,
  shared: number,
): number {
  if (!row.member_marks_json || !personId) return shared;
  const marks = JSON.parse(row.member_marks_json) as Record<string, number>;
  return typeof marks[personId] === 'number' ? marks[personId] : shared;
}
