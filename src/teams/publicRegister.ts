import type { Request, Response } from 'restify';
import { z } from 'zod';
import { publicRegisterCsv, publicRegisterHtml, publicRegisterJson, publicSideJobRegister } from '../sidejobs/index.js';
import type { BotServices } from './context.js';

/** `GET /register/<org>/nevenwerkzaamheden`: the one thing served without Teams authentication. */
export const PUBLIC_SIDE_JOB_REGISTER_ROUTE = '/register/:org/nevenwerkzaamheden';

const orgId = z.string().regex(/^[a-z0-9-]{2,40}$/);
const format = z.enum(['html', 'csv', 'json']).default('html');

/**
 * The public side-job register as an accessible page, CSV or JSON. Always computed from the
 * records as they are (no cache); an unknown organisation or a malformed request gets a bare 404
 * that says nothing about who or what exists.
 */
export function publicSideJobRegisterHandler(services: Pick<BotServices, 'database' | 'directory' | 'logger' | 'now'>) {
  return async (req: Request, res: Response): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const org = orgId.safeParse(req.params?.org);
    const wanted = format.safeParse(url.searchParams.get('format') ?? undefined);
    const register = org.success && wanted.success ? await publicSideJobRegister(services.database.db, services.directory, org.data, services.now()) : undefined;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!register || !wanted.success) {
      services.logger.info({ event: 'public_register.not_found' }, 'public register not found');
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.sendRaw(404, 'Niet gevonden');
      return;
    }
    services.logger.info({ event: 'public_register.served', orgId: register.organisation.id, format: wanted.data, entries: register.entries.length }, 'public register served');
    const base = `/register/${register.organisation.id}/nevenwerkzaamheden`;
    switch (wanted.data) {
      case 'csv':
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="nevenwerkzaamheden-${register.organisation.id}.csv"`);
        res.sendRaw(200, publicRegisterCsv(register));
        return;
      case 'json':
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.sendRaw(200, JSON.stringify(publicRegisterJson(register)));
        return;
      case 'html':
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        res.sendRaw(200, publicRegisterHtml(register, { csv: `${base}?format=csv`, json: `${base}?format=json` }));
        return;
    }
  };
}
