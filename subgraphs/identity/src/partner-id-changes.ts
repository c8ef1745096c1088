import DataLoader from 'dataloader';
import { EntitySchema } from 'typeorm';
import { clientError, displayedText, type UserPrincipal } from '@partnergraph/core';
import { groupBy, isUuid, selectRows, tracedBatch, type Database } from '@partnergraph/subgraph-kit';
import { recordAuditEvents, userActor, type AuditAction, type AuditActor, type AuditRecord } from './audit-log';
import { OrganizationEntity } from './organization';
import { isUniqueViolation, partnerIdTaken, requireValidPartnerId } from './partner-accounts';

export type PartnerIdChangeStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** A partner's support request for a new Partner ID, and once decided, the record of the decision. */
export interface PartnerIdChangeRequest {
  id: string;
  organizationId: string;
  previousPartnerId: string;
  requestedPartnerId: string;
  reason: string;
  status: PartnerIdChangeStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export const PartnerIdChangeRequestEntity = new EntitySchema<PartnerIdChangeRequest>({
  name: 'PartnerIdChangeRequest',
  tableName: 'partner_id_change_request',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    organizationId: { name: 'organization_id', type: 'uuid' },
    previousPartnerId: { name: 'previous_partner_id', type: 'text' },
    requestedPartnerId: { name: 'requested_partner_id', type: 'text' },
    reason: { type: 'text' },
    status: { type: 'text', default: 'PENDING' },
    requestedBy: { name: 'requested_by', type: 'uuid' },
    requestedAt: { name: 'requested_at', type: 'timestamptz', createDate: true },
    decidedBy: { name: 'decided_by', type: 'text', nullable: true },
    decidedAt: { name: 'decided_at', type: 'timestamptz', nullable: true },
    decisionNote: { name: 'decision_note', type: 'text', nullable: true },
  },
});
const MAX_TEXT_LENGTH = 1000;

/**
 * A partner admin asks for a new Partner ID for their organization, recorded
 * in its audit log. Refused, with nothing written, for the current ID,
 * another partner's, or while another request waits.
 */
export async function requestPartnerIdChange(
  database: Database,
  actor: UserPrincipal,
  input: { partnerId: string; reason: string },
): Promise<PartnerIdChangeRequest> {
  const requested = requireValidPartnerId(input.partnerId, 'partnerId');
  const reason = displayedText(input.reason, 'reason');
  if (reason.length < 1 || reason.length > MAX_TEXT_LENGTH) {
    throw clientError('BAD_USER_INPUT', `Give a reason of 1 to ${MAX_TEXT_LENGTH} characters.`, { field: 'reason' });
  }
  try {
    return await database.dataSource.transaction(async (manager) => {
      const [own] = await selectRows(
        manager,
        OrganizationEntity,
        (columns) => `SELECT ${columns} FROM identity.organization WHERE id = $1 AND kind = 'PARTNER' FOR UPDATE`,
        [actor.organizationId],
      );
      // A partner always has a Partner ID (the table's check).
      if (!own?.partnerId) throw clientError('FORBIDDEN', 'Only a partner organization has a Partner ID.');
      if (own.partnerId === requested) throw clientError('BAD_USER_INPUT', `${requested} is already your Partner ID.`, { field: 'partnerId' });
      if (await manager.getRepository(OrganizationEntity).existsBy({ partnerId: requested })) throw partnerIdTaken(requested);
      const [created] = await selectRows(
        manager,
        PartnerIdChangeRequestEntity,
        (columns) => `INSERT INTO identity.partner_id_change_request (organization_id, previous_partner_id, requested_partner_id, reason, requested_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
        [actor.organizationId, own.partnerId, requested, reason, actor.userId],
      );
      if (!created) throw new Error('the request insert returned no row');
      await recordAuditEvents(manager, [requestEvent('PARTNER_ID_CHANGE_REQUESTED', userActor(actor), created)]);
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw clientError('PARTNER_ID_CHANGE_PENDING', 'Your organization already has a Partner ID change waiting for a decision.');
    }
    throw error;
  }
}

/**
 * A platform operator approves or rejects a pending request. Approving
 * changes the Partner ID in the same transaction, and only if it is still the
 * one the request started from and no other partner has taken the new one
 * meanwhile; otherwise nothing is written. The partner's audit log records
 * the decision and, on approval, the change.
 */
export async function decidePartnerIdChange(
  database: Database,
  operatorId: string,
  input: { requestId: string; approve: boolean; note?: string | null },
): Promise<PartnerIdChangeRequest> {
  if (!isUuid(input.requestId)) throw unknownRequest();
  const note = (input.note == null ? '' : displayedText(input.note, 'note')) || null;
  if (note !== null && note.length > MAX_TEXT_LENGTH) {
    throw clientError('BAD_USER_INPUT', `A note has at most ${MAX_TEXT_LENGTH} characters.`, { field: 'note' });
  }
  try {
    return await database.dataSource.transaction(async (manager) => {
      const [pending] = await selectRows(
        manager,
        PartnerIdChangeRequestEntity,
        (columns) => `SELECT ${columns} FROM identity.partner_id_change_request WHERE id = $1 FOR UPDATE`,
        [input.requestId],
      );
      if (!pending) throw unknownRequest();
      if (pending.status !== 'PENDING') {
        throw clientError('PARTNER_ID_CHANGE_DECIDED', `That request was already ${pending.status.toLowerCase()}.`);
      }
      if (input.approve) {
        const { affected } = await manager
          .getRepository(OrganizationEntity)
          .update({ id: pending.organizationId, partnerId: pending.previousPartnerId }, { partnerId: pending.requestedPartnerId });
        if (affected !== 1) throw new Error(`the Partner ID of ${pending.organizationId} changed while its request was pending`);
      }
      // In a CTE, so that the statement answers its rows (a bare UPDATE answers [rows, affected count]).
      const [decided] = await selectRows(
        manager,
        PartnerIdChangeRequestEntity,
        (columns) => `WITH decided AS (
           UPDATE identity.partner_id_change_request
           SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4
           WHERE id = $1 RETURNING *
         )
         SELECT ${columns} FROM decided`,
        [pending.id, input.approve ? 'APPROVED' : 'REJECTED', operatorId, note],
      );
      if (!decided) throw new Error('the decided request vanished');
      const operator: AuditActor = { kind: 'OPERATOR', id: operatorId };
      await recordAuditEvents(
        manager,
        input.approve
          ? [requestEvent('PARTNER_ID_CHANGE_APPROVED', operator, decided), requestEvent('PARTNER_ID_CHANGED', operator, decided)]
          : [requestEvent('PARTNER_ID_CHANGE_REJECTED', operator, decided)],
      );
      return decided;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw clientError('PARTNER_ID_TAKEN', 'Another partner took that Partner ID meanwhile; reject the request.');
    throw error;
  }
}

/** Per request: the change requests of many partners, newest first, in one statement; and all pending ones. */
export function createPartnerIdChangeLoaders(database: Database) {
  return {
    ofOrganization: new DataLoader<string, PartnerIdChangeRequest[]>(tracedBatch(database, 'partnerIdChangesOfOrganization', async (organizationIds) => {
      const ids = organizationIds.filter(isUuid);
      const rows =
        ids.length === 0
          ? []
          : await selectRows(
              database.dataSource,
              PartnerIdChangeRequestEntity,
              (columns) => `SELECT ${columns} FROM identity.partner_id_change_request
               WHERE organization_id = ANY($1::uuid[]) ORDER BY requested_at DESC, id`,
              [ids],
            );
      const byOrganization = groupBy(rows, (request) => request.organizationId);
      return organizationIds.map((id) => byOrganization.get(id) ?? []);
    })),
    pending: () =>
      selectRows(
        database.dataSource,
        PartnerIdChangeRequestEntity,
        (columns) => `SELECT ${columns} FROM identity.partner_id_change_request WHERE status = 'PENDING' ORDER BY requested_at, id`,
      ),
  };
}

function requestEvent(action: AuditAction, actor: AuditActor, request: PartnerIdChangeRequest): AuditRecord {
  return {
    organizationId: request.organizationId,
    action,
    actor,
    details: {
      partnerIdChange: { requestId: request.id, previousPartnerId: request.previousPartnerId, partnerId: request.requestedPartnerId },
    },
  };
}

function unknownRequest() {
  return clientError('NOT_FOUND', 'There is no Partner ID change request with that id.', { field: 'requestId' });
}
