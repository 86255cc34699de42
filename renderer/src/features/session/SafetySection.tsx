import type { SessionDocument } from '../../../../shared/domain/model';
import { Group, Section } from './Section';
import { SessionField } from './SessionField';

const shows = (applies: boolean, value: unknown) => applies || (value !== null && value !== undefined);

/** NatSSIPs / LocSSIP: sign-in, the checks, time-out. Stop moments are per target (Targets). */
export function SafetySection({ doc }: { doc: SessionDocument }) {
  const s = doc.session;
  return (
    <Section id="safety" intro="Sign-in and time-out for the whole session. The stop moment before each needle is recorded on its target.">
      <Group title="Sign-in">
        <SessionField field="signInDone" />
        <SessionField field="signInTime" />
        <SessionField field="signInBy" list="team-names" />
      </Group>
      <Group title="Checks">
        <SessionField field="patientIdConfirmed" wide />
        <SessionField field="proceduresMatchConsent" wide />
        <SessionField field="siteMarked" wide />
        {shows(s.siteMarked === 'not-appropriate' || s.siteMarked === 'not-done', s.siteMarkedReason) ? <SessionField field="siteMarkedReason" wide /> : null}
        <SessionField field="allergiesReconfirmed" />
        <SessionField field="anticoagReconfirmed" />
        <SessionField field="equipmentChecked" hint="cryo device, gas, probe in date, stimulator, ultrasound, resus kit" wide />
      </Group>
      <Group title="Time-out">
        <SessionField field="timeOutTime" />
        <SessionField field="timeOutBy" list="team-names" />
      </Group>
    </Section>
  );
}

export function SignOutSection() {
  return (
    <Section id="sign-out" intro="Sharps and probe disposed of, device issues noted.">
      <div className="form-grid">
        <SessionField field="signOutDone" />
        <SessionField field="signOutTime" />
        <SessionField field="signOutBy" list="team-names" />
      </div>
    </Section>
  );
}
