import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
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
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${process.pid}-${String(sequence).padStart(4, '0')}.eml`;
      await writeFile(join(dir, name), info.message as Buffer, { mode: 0o600 });
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

function toNodemailer(message: MailMessage, from: string) {
  return {
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

/** Lists the outbox folder, newest first. */
export async function readOutbox(dir: string, limit = 100): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.eml'));
  } catch {
    return [];
  }
  names.sort().reverse();
  const entries: OutboxEntry[] = [];
  for (const file of names.slice(0, limit)) {
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
