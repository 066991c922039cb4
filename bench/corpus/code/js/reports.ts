// Reporting endpoints with query helpers split across functions.
import type { Request, Response } from 'express';
import { Pool } from 'pg';

const db = new Pool();

function byCustomer(customerId: string): Promise<unknown> {
  // bulwark-expect: sql-injection
  return db.query(`SELECT * FROM invoices WHERE customer_id = '${customerId}'`);
}

function byCustomerSafely(customerId: string): Promise<unknown> {
  // bulwark-ok: sql-injection
  return db.query('SELECT * FROM invoices WHERE customer_id = $1', [customerId]);
}

export async function invoices(req: Request, res: Response): Promise<void> {
  const rows = await byCustomer(req.params.customer);
  const safe = await byCustomerSafely(req.params.customer);
  res.json({ rows, safe });
}

export async function totals(req: Request, res: Response): Promise<void> {
  const year = req.query.year as string;
  const month = req.query.month as string;
  const where = `WHERE year = ${year} AND month = ${month}`;
  // bulwark-expect: sql-injection
  const result = await db.query('SELECT sum(total) FROM invoices ' + where);
  // bulwark-ok: sql-injection
  const safe = await db.query('SELECT sum(total) FROM invoices WHERE year = $1 AND month = $2', [
    year,
    month,
  ]);
  res.json({ total: result, safe });
}

export async function exportCsv(req: Request, res: Response): Promise<void> {
  const { columns } = req.body as { columns: string };
  // bulwark-expect: sql-injection
  const data = await db.query(`SELECT ${columns} FROM invoices`);
  const allowed = ['id', 'total', 'created_at'];
  const picked =
    String(columns)
      .split(',')
      .filter((c) => allowed.includes(c))
      .join(', ') || 'id';
  // bulwark-ok: sql-injection
  const fixed = await db.query('SELECT id, total FROM invoices ORDER BY id');
  res.type('text/csv').send([data, fixed, picked].length.toString());
}

export function banner(req: Request, res: Response): void {
  const name = req.query.name as string;
  // bulwark-expect: xss-response-send
  res.send('<div class="banner">Welcome back, ' + name + '</div>');
}

export function bannerSafe(req: Request, res: Response): void {
  const name = escapeHtml(String(req.query.name));
  // bulwark-ok: xss-response-send
  res.send('<div class="banner">Welcome back, ' + name + '</div>');
}

declare function escapeHtml(value: string): string;
