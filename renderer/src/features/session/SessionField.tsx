import { RecordField, type RecordFieldProps } from '../../components/RecordField';
import { useSessionCtx } from '../../lib/findings';

/** A field of the open session itself (consent type, sign-in time…). */
export function SessionField(props: Omit<RecordFieldProps<'session'>, 'entity' | 'id'>) {
  const session = useSessionCtx();
  if (!session) return null;
  return <RecordField entity="session" id={session.sessionId} {...props} />;
}
