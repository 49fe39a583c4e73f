import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { contract } from '../../protocol/routes/index.js';
import { FORM_BODY_LIMIT } from '../../protocol/routes/admin.js';
import type { ClerkSessions } from '../auth/clerk-sessions.js';
import { hashPassword } from '../auth/passwords.js';
import type { LoginGate } from '../auth/login-limits.js';
import type { HubKysely } from '../db/schema.js';
import { requireProvider } from '../fleet/provider-auth.js';
import { providerTenant } from '../fleet/provider-tenants.js';
import { HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { verifyBounded } from '../routes/clerk-session.js';
import { auditCsv, auditJsonLines, listAudit } from './audit.js';
import { listCategories, putCategory } from './categories.js';
import {
  changeOwnPassword,
  initialPassword,
  inviteClerk,
  listClerks,
  resetPassword,
  setDisabled,
  toAccount,
  updateClerk,
} from './clerks.js';
import {
  addOfficeKey,
  createOffice,
  listOffices,
  readMunicipality,
  removeOfficeKey,
  setMunicipality,
  updateOffice,
} from './offices.js';
import { providerActor } from './provider-actor.js';
import { inTransaction, type AdminScope } from './scope.js';
import { listServices, publishForm, putService, withdrawForm, withdrawService } from './services.js';
import { listTranslations, translationCoverage } from '../content/translations.js';
import { putTranslation } from './translations.js';

/**
 * The administration API. Guards: the clerk session of an admin (same cookie as the clerk
 * console; a state-changing request must be application/json, which a cross-site form cannot
 * send, and the cookie is SameSite=Strict), or the provider's token for creating the first admin.
 * All logic lives in hub/admin and takes an AdminScope.
 */
export function adminRoutes(
  db: HubKysely,
  sessions: ClerkSessions,
  logins: LoginGate,
  now: () => Date,
): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });
    const routes = contract.admin;
    const admin = { guard: sessions.requireAdmin };
    const scopeOf = (request: FastifyRequest): AdminScope => ({
      tenantId: sessions.accountOf(request).tenantId,
      actor: { kind: 'clerk', name: sessions.accountOf(request).username },
      now: now().toISOString(),
    });
    const tenantOf = (request: FastifyRequest) => sessions.accountOf(request).tenantId;
    const run = <T>(request: FastifyRequest, work: (trx: HubKysely, scope: AdminScope) => Promise<T>) => {
      const scope = scopeOf(request);
      return inTransaction(db, (trx) => work(trx, scope));
    };

    route(app, contract.account.account, { guard: sessions.requireAccount }, async (request) => {
      const { username } = sessions.accountOf(request);
      const row = await db
        .selectFrom('clerks')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      return toAccount(row);
    });

    route(
      app,
      contract.account.changePassword,
      { guard: sessions.requireAccount },
      async (request, reply) => {
        const { username } = sessions.accountOf(request);
        const { currentPassword, newPassword } = request.body;
        const keys = { account: username, address: request.ip };
        await logins.admitOrThrow(keys);
        const row = await db
          .selectFrom('clerks')
          .select('password_hash')
          .where('username', '=', username)
          .executeTakeFirstOrThrow();
        if (!(await verifyBounded(currentPassword, row.password_hash)))
          throw new HttpError(403, {
            error: 'invalid_credentials',
            message: 'currentPassword: is wrong',
            issues: [{ path: 'currentPassword', message: 'is wrong' }],
          });
        await logins.succeeded(keys);
        if (newPassword === currentPassword)
          throw new HttpError(400, {
            error: 'invalid_request',
            message: 'newPassword: must differ from the current password',
            issues: [{ path: 'newPassword', message: 'must differ from the current password' }],
          });
        const hash = await hashPassword(newPassword);
        await run(request, async (trx, scope) => {
          await changeOwnPassword(trx, scope, hash);
        });
        await sessions.endAll(username, request);
        return reply.status(204).send();
      },
    );

    route(app, routes.municipality, admin, async (request) => readMunicipality(db, tenantOf(request)));
    route(app, routes.setMunicipality, admin, async (request) =>
      run(request, (trx, scope) => setMunicipality(trx, scope, request.body)),
    );

    route(app, routes.offices, admin, async (request) => ({
      offices: await listOffices(db, tenantOf(request)),
    }));
    route(app, routes.createOffice, admin, async (request, reply) => {
      const office = await run(request, (trx, scope) => createOffice(trx, scope, request.body));
      return reply.status(201).send(office);
    });
    route(app, routes.updateOffice, admin, async (request) =>
      run(request, (trx, scope) => updateOffice(trx, scope, request.params.officeId, request.body)),
    );
    route(app, routes.addOfficeKey, admin, async (request, reply) => {
      const office = await run(request, (trx, scope) =>
        addOfficeKey(trx, scope, request.params.officeId, request.body),
      );
      return reply.status(201).send(office);
    });
    route(app, routes.removeOfficeKey, admin, async (request) =>
      run(request, (trx, scope) => removeOfficeKey(trx, scope, request.params.officeId, request.params.kid)),
    );

    route(app, routes.clerks, admin, async (request) => ({
      clerks: await listClerks(db, tenantOf(request)),
    }));
    route(app, routes.inviteClerk, admin, async (request, reply) => {
      const password = initialPassword();
      const hash = await hashPassword(password);
      const invitation = await run(request, (trx, scope) =>
        inviteClerk(trx, scope, request.body, hash, password),
      );
      return reply.status(201).send(invitation);
    });
    route(app, routes.updateClerk, admin, async (request) =>
      run(request, (trx, scope) => updateClerk(trx, scope, request.params.username, request.body)),
    );
    route(app, routes.disableClerk, admin, async (request) =>
      run(request, (trx, scope) => setDisabled(trx, scope, request.params.username, true)),
    );
    route(app, routes.enableClerk, admin, async (request) =>
      run(request, (trx, scope) => setDisabled(trx, scope, request.params.username, false)),
    );
    route(app, routes.resetClerkPassword, admin, async (request) => {
      const password = initialPassword();
      const hash = await hashPassword(password);
      return run(request, (trx, scope) => resetPassword(trx, scope, request.params.username, hash, password));
    });

    route(app, routes.categories, admin, async (request) => ({
      categories: await listCategories(db, tenantOf(request)),
    }));
    route(app, routes.putCategory, admin, async (request, reply) => {
      const { category, created } = await run(request, (trx, scope) =>
        putCategory(trx, scope, request.params.categoryId, request.body),
      );
      return reply.status(created ? 201 : 200).send(category);
    });
    route(app, routes.services, admin, async (request) => ({
      services: await listServices(db, tenantOf(request)),
    }));
    route(app, routes.putService, admin, async (request, reply) => {
      const { service, created } = await run(request, (trx, scope) =>
        putService(trx, scope, request.params.serviceId, request.body),
      );
      return reply.status(created ? 201 : 200).send(service);
    });
    route(app, routes.withdrawService, admin, async (request, reply) => {
      await run(request, (trx, scope) => withdrawService(trx, scope, request.params.serviceId));
      return reply.status(204).send();
    });
    route(app, routes.publishForm, { ...admin, bodyLimit: FORM_BODY_LIMIT }, async (request, reply) => {
      const published = await run(request, (trx, scope) =>
        publishForm(trx, scope, request.params.serviceId, request.body),
      );
      return reply.status(201).send(published);
    });
    route(app, routes.withdrawForm, admin, async (request, reply) => {
      await run(request, (trx, scope) => withdrawForm(trx, scope, request.params.formId));
      return reply.status(204).send();
    });

    const translations = contract.translations;
    route(app, translations.translations, admin, async (request) => ({
      translations: await listTranslations(db, request.query),
    }));
    route(app, translations.translationCoverage, admin, (request) =>
      translationCoverage(db, tenantOf(request)),
    );
    route(app, translations.putTranslation, admin, async (request, reply) => {
      const { translation, created } = await run(request, (trx, scope) =>
        putTranslation(trx, scope, request.params.key, request.params.locale, request.body),
      );
      return reply.status(created ? 201 : 200).send(translation);
    });

    route(app, routes.audit, admin, async (request) => ({
      entries: await listAudit(db, tenantOf(request), request.query),
    }));
    route(app, routes.auditJsonLines, admin, async (request, reply) => {
      const entries = await listAudit(db, tenantOf(request), request.query);
      return reply.type('application/x-ndjson; charset=utf-8').send(auditJsonLines(entries));
    });
    route(app, routes.auditCsv, admin, async (request, reply) => {
      const entries = await listAudit(db, tenantOf(request), request.query);
      return reply.type('text/csv; charset=utf-8').send(auditCsv(entries));
    });

    route(
      app,
      contract.adminProvider.createAdmin,
      { guard: requireProvider(db, now) },
      async (request, reply) => {
        const { tenantId } = await providerTenant(db, request, request.query.tenant);
        const actor = await providerActor(db, request);
        const password = initialPassword();
        const hash = await hashPassword(password);
        const scope: AdminScope = { tenantId, actor, now: now().toISOString() };
        const invitation = await inTransaction(db, (trx) =>
          inviteClerk(trx, scope, { ...request.body, role: 'admin', officeIds: [] }, hash, password),
        );
        return reply.status(201).send(invitation);
      },
    );
  };
}
