import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** A message ready to send: the text part is always there; the HTML part is optional. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Language of the message (Content-Language header). */
  language: string;
  /**
   * A stable Message-ID (`<…@…>`) for a message that may be sent again after a crash: the outbox then
   * overwrites the same file instead of adding a second one, and a mail client can drop the duplicate.
   */
  messageId?: string;
  /** The Date header (with a messageId: the same on every retry). */
  date?: Date;
}

/** The mail port: SMTP in production, an outbox folder by default. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Writes each message as an RFC 822 `.eml` file into `dir` (the default when SMTP_URL is not set). */
export function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let sequence = 0;
  return {
    async send(message) {
      const info = await transport.sendMail(toNodemailer(message, from));
      await mkdir(dir, { recursive: true });
      sequence += 1;
      const name = outboxFileName(message, `${process.pid}-${String(sequence).padStart(4, '0')}`);
      // Written aside then renamed: a crash never leaves half a message, and a retried message with the
      // same Message-ID replaces its earlier copy (one file per message).
      const temporary = join(dir, `.${name}.${process.pid}-${sequence}.tmp`);
      await writeFile(temporary, info.message as Buffer, { mode: 0o600 });
      await rename(temporary, join(dir, name));
    },
  };
}

/** Sends through an SMTP server given as `smtp://user:pass@host:port` or `smtps://…`. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail(toNodemailer(message, from));
    },
  };
}

/**
 * The outbox file of a message: with a Message-ID, its date and a hash of the id (the same on every retry);
 * otherwise the time of writing and a per-process sequence. Names sort by date.
 */
export function outboxFileName(message: Pick<MailMessage, 'messageId' | 'date'>, sequence: string): string {
  if (message.messageId) {
    const stamp = (message.date ?? new Date(0)).toISOString().replace(/[:.]/g, '-');
    const hash = createHash('sha256').update(message.messageId).digest('hex').slice(0, 24);
    return `${stamp}-${hash}.eml`;
  }
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${sequence}.eml`;
}

function toNodemailer(message: MailMessage, from: string) {
  return {
    ...(message.messageId ? { messageId: message.messageId } : {}),
    ...(message.date ? { date: message.date } : {}),
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    headers: { 'Content-Language': message.language },
  };
}

/** A message in the outbox folder, newest first (for the administrators' outbox page and tests). */
export interface OutboxEntry {
  file: string;
  sentAt: string;
  raw: string;
}

async function outboxNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .reverse();
  } catch {
    return [];
  }
}

/** How many messages the outbox folder holds. */
export async function countOutbox(dir: string): Promise<number> {
  return (await outboxNames(dir)).length;
}

/** Lists the outbox folder, newest first (`limit` messages after skipping `offset`). */
export async function readOutbox(dir: string, limit = 100, offset = 0): Promise<OutboxEntry[]> {
  const names = await outboxNames(dir);
  const entries: OutboxEntry[] = [];
  for (const file of names.slice(offset, offset + limit)) {
    const path = join(dir, file);
    const [raw, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    entries.push({ file, sentAt: info.mtime.toISOString(), raw });
  }
  return entries;
}

/** A mailer that keeps messages in memory (tests of use cases that only need to see what was sent). */
export function memoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
  };
}
