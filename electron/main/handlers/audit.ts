import type { Handler } from './index';
import { requireDb } from './db';
import { verifyAuditChain } from '../db/repos/auditVerify';

export const auditHandlers: { verifyAuditTrail: Handler<'verifyAuditTrail'> } = {
  verifyAuditTrail: (ctx) => {
    const check = verifyAuditChain(requireDb(ctx));
    if (check.ok) return check;
    const { actor, ...rest } = check;
    return { ...rest, who: actor };
  },
};
