// Notification channels: webhooks, email rendering and SMS.
import type { Request, Response } from 'express';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const CHANNELS = new Map([
  ['email', 'smtp'],
  ['sms', 'twilio'],
]);

export async function sendWebhook(req: Request, res: Response): Promise<void> {
  const endpoint = req.body.endpoint as string;
  // bulwark-expect: ssrf
  const reply = await fetch(endpoint, { method: 'POST', body: JSON.stringify(req.body.payload) });
  // bulwark-ok: ssrf
  const audit = await fetch('https://audit.example.com/events', { method: 'POST', body: '{}' });
  res.json({ ok: reply.ok && audit.ok });
}

export function renderEmail(req: Request, res: Response): void {
  const name = req.query.name as string;
  // bulwark-expect: xss-response-send
  res.send(`<html><body>Hi ${name}</body></html>`);
}

export function channel(req: Request, res: Response): void {
  // bulwark-ok: prototype-pollution-nested-assignment
  const transport = CHANNELS.get(String(req.query.channel)) ?? 'smtp';
  // bulwark-ok: xss-response-send
  res.json({ transport });
}

export function smsCli(req: Request, res: Response): void {
  const phone = req.body.phone as string;
  // bulwark-expect: command-injection
  const out = execSync(`sms-send --to ${phone} --body "code"`);
  // bulwark-ok: command-injection
  const version = execSync('sms-send --version');
  res.send(String(out.length + version.length));
}

export function template(req: Request, res: Response): void {
  const locale = req.query.locale as string;
  // bulwark-expect: path-traversal
  const text = readFileSync(`./templates/${locale}/welcome.txt`, 'utf8');
  // bulwark-ok: path-traversal
  const fallback = readFileSync('./templates/en/welcome.txt', 'utf8');
  res.type('text/plain').send(text || fallback);
}

export function evaluateRule(req: Request, res: Response): void {
  const rule = req.body.rule as string;
  // bulwark-expect: function-constructor
  const fn = new Function('ctx', rule);
  res.json({ result: fn({}) });
}
