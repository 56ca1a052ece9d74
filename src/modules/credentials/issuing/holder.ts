import { randomBytes, randomUUID } from 'node:crypto';
import type { Executor } from '../../../db/database.js';
import { findSubjectId, insertSubjectOnce } from '../credentials.repository.js';

/**
 * A person's holder id (`credentialSubject.id` = `urn:uuid:<subject id>`): a random UUID made on their first
 * credential and kept, so that every credential and the CLR name one holder without revealing any
 * database id (docs/decisions/0007-credentials.md).
 */
export async function holderSubjectIdOf(db: Executor, userId: string, now: Date): Promise<string> {
  const existing = await findSubjectId(db, userId);
  if (existing) return existing;
  await insertSubjectOnce(db, { user_id: userId, subject_id: randomUUID(), created_at: now.toISOString() });
  const created = await findSubjectId(db, userId);
  if (!created) throw new Error('the holder id could not be stored');
  return created;
}

/** A fresh salt for the hashed email of one credential. */
export function newEmailSalt(): string {
  return randomBytes(16).toString('hex');
}
