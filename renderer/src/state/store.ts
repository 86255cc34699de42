import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Patient, PatientRecord, SessionDocument } from '../../../shared/domain/model';
import type { RowEntity } from '../../../shared/domain/record';
import type { Api, HistorySessionData, Req, Res, RuleConfigState, RunningTimer, SaveFieldsRequest, SessionListItem, SignoffState, StartupStatus, TimerPressResult, TimerSettingsState } from '../../../shared/ipc/contract';
import type { AuthState } from '../../../shared/ipc/authContract';
import type { TimerSettings } from '../../../shared/domain/timer';
import { toLocalIsoWithOffset } from '../../../shared/domain/parse';
import type { RuleConfig } from '../../../shared/domain/rules';
import type { AppErrorData, Result } from '../../../shared/ipc/result';
import type { Route } from './route';
import type { LastTargets, TargetPresetsState } from '../../../shared/ipc/targetsContract';
import type { TargetPreset } from '../../../shared/domain/targetPresets';

export type Startup = { state: 'loading' } | { state: 'no-bridge' } | StartupStatus;

export interface SaveStatus {
  /** Writes sent and not yet answered. "Saved" is shown only when this is 0 and none failed. */
  pending: number;
  lastSavedAt: string | null;
  error: AppErrorData | null;
}

export interface AppState {
  /**
   * The bridge itself, for screens that only read or export (exports, their settings): they
   * change no record, so they need neither the write queue nor the save indicator.
   */
  api: Api;
  startup: Startup;
  /** Who is signed in, or the lock screen's account (null until read at start). */
  auth: AuthState | null;
  route: Route;
  sessions: SessionListItem[] | null;
  /** False while older sessions remain to be fetched (the list of all sessions, paged as it scrolls). */
  sessionsComplete: boolean;
  patients: Patient[] | null;
  patientView: { patient: PatientRecord; sessions: SessionListItem[] } | null;
  sessionDoc: SessionDocument | null;
  /** The open session's signature state (signed, version, amendment open). */
  signoff: SignoffState | null;
  summary: string | null;
  loadError: AppErrorData | null;
  save: SaveStatus;
  /** Fields showing text that could not be saved (unreadable or refused), by field key → label. */
  unsaved: Record<string, string>;
  /** The home screen's search text; the session list shows its results (empty: the most recent). */
  sessionQuery: string;
  /** The name typed once per session for acknowledging warnings, by session id (kept until the window closes). */
  ackNames: Record<string, string>;

  /** The service's rule thresholds (the main process holds them; defaults until loaded). */
  ruleConfig: RuleConfigState | null;

  /** The open session's running freeze timer, as stored (null: none running). */
  timer: RunningTimer | null;
  /**
   * False when the stored timer was left running by a window that closed (or a crash): the
   * screen says so and asks what happened, instead of silently counting on.
   */
  timerLive: boolean;
  /** The cycle the timer just stopped, whose details (aborted? temperature?) are being asked. */
  cyclePrompt: CyclePrompt | null;
  /** The key (foot pedal) that drives the timer, and its guards. */
  timerSettings: TimerSettingsState | null;

  /** Asks the main process again: the record database's check after start may have found it damaged (then its screen shows). */
  recheckStartup(): Promise<void>;
  /** Asks what the first screen needs (the home lists too when `startRoute` is home) in one round. */
  boot(startRoute?: Route): Promise<void>;
  /** Re-reads who is signed in (after a SIGNED_OUT answer: the lock screen then shows). */
  refreshAuth(): Promise<void>;
  /** The answer of a sign-in, first-run, lock or sign-out request: takes the new state, loads what a signed-in screen needs. */
  acceptAuth(result: Result<AuthState>): Promise<Result<AuthState>>;
  /** Locks or signs out once every edit already made has been saved (they are queued first). */
  endUse(how: 'lock-idle' | 'lock' | 'sign-out'): Promise<void>;
  /** One press of the timer key or button on a target: start, stop the freeze, or end the thaw. */
  timerPress(targetId: string, siteNo: number): Promise<Result<TimerPressResult> | null>;
  /** After a window closed mid-cycle: carry on timing, end at the last moment seen, or enter times by hand. */
  resolveTimer(action: 'resume' | 'end-at-last-seen' | 'discard'): Promise<void>;
  timerHeartbeat(): Promise<void>;
  closeCyclePrompt(): void;
  saveTimerSettings(settings: TimerSettings): Promise<Result<TimerSettingsState>>;
  markEnteredInError(reason: string): Promise<Result<SignoffState>>;
  /** The paste-ready text of a signed version, as it was signed. */
  versionText(version: number): Promise<Result<string>>;
  /** Signs as the signed-in account; the PIN or password is asked again. */
  signSession(secret: string): Promise<Result<SignoffState>>;
  beginAmendment(reason: string): Promise<Result<SignoffState>>;
  saveRuleConfig(config: RuleConfig): Promise<Result<RuleConfigState>>;
  markUnsaved(key: string, label: string | null): void;
  showRoute(route: Route): Promise<void>;
  createPatient(): Promise<string | null>;
  startSession(patientId: string): Promise<string | null>;
  /**
   * Adds a row (a target, a cycle, a team member…) under its parent; answers the new row's id.
   * `initial` fills some of its fields at once (a copy of the previous row's settings, shown).
   */
  addRow(entity: RowEntity, parentId: string, initial?: Record<string, unknown>, onCreated?: (id: string) => void): Promise<string | null>;
  deleteRow(entity: RowEntity, id: string): Promise<boolean>;
  saveFields(request: SaveFieldsRequest): Promise<Result<{ savedAt: string }>>;
  refreshSummary(): Promise<void>;
  /** Lists the sessions matching a search (NHS number or the start of a name); blank: the most recent. */
  searchSessions(query: string): Promise<void>;
  /** Appends the next page of the list of all sessions (no-op during a search, at the end, or while a page is on its way). */
  loadMoreSessions(): Promise<void>;
  setAckName(sessionId: string, name: string): void;
  /** Records the acknowledgement of a warning, then re-reads the session so it shows who and when. */
  acknowledge(request: Req<'acknowledgeWarning'>): Promise<Result<unknown>>;

  /** The service's target presets (loaded by the screens that show them). */
  targetPresets: TargetPresetsState | null;
  loadTargetPresets(): Promise<void>;
  saveTargetPresets(presets: TargetPreset[]): Promise<Result<TargetPresetsState>>;
  /** The earlier session whose targets the open one could repeat (null: none, or it could not be read). */
  findLastTargets(sessionId: string): Promise<LastTargets>;
  /** Copies the last session's targets into the open session, then re-reads it. */
  repeatLastTargets(): Promise<Result<{ copied: number }>>;
  /** The patient's sessions with their targets (patient screen, each nerve's history), read once per screen. */
  history: PatientHistory | null;
  loadHistory(patientId: string): Promise<void>;
}

export interface PatientHistory {
  patientId: string;
  sessions: HistorySessionData[] | null;
  error: AppErrorData | null;
}

export interface CyclePrompt {
  targetId: string;
  cycleId: string;
  /** thawing: the freeze was stopped, the thaw is being timed; details: the thaw is over. */
  stage: 'thawing' | 'details';
  durationS: number | null;
  plannedS: number | null;
  /** Stopped clearly before the planned time: ask whether it was aborted, and why. */
  early: boolean;
}

export type AppStore = StoreApi<AppState>;

/** Now, as the clinician's clock shows it (local time with its offset), for the times the timer writes. */
function clockNow(): string {
  const now = new Date();
  return toLocalIsoWithOffset(now, -now.getTimezoneOffset());
}

const RECENT_LIMIT = 50;
/**
 * Sessions per page of the list of all sessions: a screenful many times over, so scrolling
 * rarely waits, yet one page is a few tens of kB and a few ms of SQLite.
 */
export const SESSION_PAGE = 200;

/** The request for the home list: a search's one page, or the first page of all sessions. */
function listRequest(query: string): Req<'listSessions'> {
  // The first page only has to fill the screen (about a dozen rows) with room to scroll: 50
  // rows come back sooner than 200 (the home screen waits for them); later pages are bigger.
  return query ? { limit: RECENT_LIMIT, search: query } : { limit: RECENT_LIMIT };
}

/**
 * The one renderer store. It receives the Api (zustand's dependency-injection pattern), so it
 * runs in Node tests with any Api, and only its actions talk to the main process.
 * SQLite is the single source of truth: nothing here is persisted in the browser.
 */
export function createAppStore(bridge: Api): AppStore {
  // Writes go out one at a time, in the order they were made: two quick edits of one field
  // can never land in the wrong order, whatever the transport.
  let writeQueue: Promise<unknown> = Promise.resolve();
  // Searches answer out of order when typed fast: only the latest one may fill the list.
  let searchSeq = 0;
  /** The searchSeq of the page being fetched by loadMoreSessions (-1: none on its way). */
  let pageOnItsWay = -1;
  // Cycles whose timer this window started or resumed: any other running timer was left by a
  // window that closed, and the screen asks about it rather than counting on silently.
  const liveCycles = new Set<string>();
  let historySeq = 0;

  return createStore<AppState>()((set, get) => {
    // Every answer passes here: SIGNED_OUT (locked by the main process, or signed out
    // elsewhere) re-reads who is signed in, so the sign-in screen shows at once. What was typed
    // stays on screen, marked not saved, under the lock screen.
    const api = watchSignedOut(bridge, () => void get().refreshAuth());

    /** Runs a write in order, keeping the save indicator honest. */
    function enqueueWrite<T>(write: () => Promise<Result<T>>): Promise<Result<T>> {
      set((s) => ({ save: { ...s.save, pending: s.save.pending + 1 } }));
      const run = writeQueue.then(write, write);
      writeQueue = run.catch(() => undefined);
      return run.then(
        (result) => {
          set((s) => ({
            save: result.ok
              ? { pending: s.save.pending - 1, lastSavedAt: new Date().toISOString(), error: null }
              : { ...s.save, pending: s.save.pending - 1, error: result.error },
          }));
          return result;
        },
        () => {
          const error: AppErrorData = { code: 'INTERNAL', message: 'CryoLog could not reach its database. Your entry is still on screen; try again.' };
          set((s) => ({ save: { ...s.save, pending: s.save.pending - 1, error } }));
          return { ok: false, error } as Result<T>;
        },
      );
    }

    /** Re-reads whatever the current screen shows after a row was added or removed. */
    async function reloadCurrent(): Promise<void> {
      const doc = get().sessionDoc;
      if (doc) await reloadSession(doc.session.id);
      const view = get().patientView;
      if (view) {
        const r = await api.getPatient({ id: view.patient.id });
        if (r.ok) set({ patientView: r.data });
      }
    }

    type HomeLists = [Result<Res<'listSessions'>>, Result<Res<'listPatients'>>];
    let prefetchedHome: HomeLists | null = null;
    function askHomeLists(query: string): Promise<HomeLists> {
      return Promise.all([api.listSessions(listRequest(query)), api.listPatients({ limit: RECENT_LIMIT })]);
    }
    /** What the home screen shows of its two lists (a search answers one page: it is complete). */
    function homeListState([sessions, patients]: HomeLists, query: string): Pick<AppState, 'sessions' | 'sessionsComplete' | 'patients' | 'loadError'> {
      return {
        sessions: sessions.ok ? sessions.data : [],
        sessionsComplete: !sessions.ok || !!query || sessions.data.length < RECENT_LIMIT,
        patients: patients.ok ? patients.data : [],
        loadError: !sessions.ok ? sessions.error : !patients.ok ? patients.error : null,
      };
    }

    // Re-reads may overlap (a timer press does not wait for the re-read after the last press), and
    // an older answer must never overwrite a newer one: a superseded re-read waits for the newest.
    let latestReload: Promise<void> = Promise.resolve();
    let reloadGeneration = 0;
    async function reloadSession(id: string): Promise<void> {
      const generation = ++reloadGeneration;
      let run = readSession(id, () => generation === reloadGeneration);
      latestReload = run;
      await run;
      while (run !== latestReload) {
        run = latestReload;
        await run;
      }
    }
    async function readSession(id: string, stillNewest: () => boolean): Promise<void> {
      const [r, so, tm] = await Promise.all([api.getSession({ id }), api.getSignoff({ sessionId: id }), api.getTimer({ sessionId: id })]);
      if (!stillNewest()) return;
      if (r.ok) {
        const timer = tm.ok ? tm.data : null;
        // A timer this window did not start (or resume) was left by one that closed.
        const live = timer !== null && liveCycles.has(timer.cycleId);
        set({ sessionDoc: r.data, loadError: null, signoff: so.ok ? so.data : null, timer, timerLive: live });
      } else set({ loadError: r.error });
      await get().refreshSummary();
    }

    return {
      api,
      startup: { state: 'loading' },
      auth: null,

      async refreshAuth() {
        const r = await api.getAuthState({});
        if (r.ok) set({ auth: r.data });
      },

      async endUse(how) {
        await writeQueue;
        const r = how === 'sign-out' ? await api.signOut({}) : await api.lockScreen({ reason: how === 'lock-idle' ? 'idle' : 'button' });
        await get().acceptAuth(r);
      },

      async acceptAuth(result) {
        if (!result.ok) return result;
        const wasUser = get().auth?.user?.id ?? null;
        const signedOut = result.data.user === null && result.data.lockedBy === null;
        // Signed out: nothing of the last person's screens stays in memory. Locked: all stays,
        // hidden under the lock screen, for whoever signs in next.
        set(signedOut ? { auth: result.data, ...CLEARED_SCREENS } : { auth: result.data });
        if (result.data.user && result.data.user.id !== wasUser) {
          // Not awaited: the first screen's own requests go out at the same time (the home
          // screen needs neither; both were a round trip in front of the first list). They are
          // asked before any screen's record, so they arrive first.
          void Promise.all([api.getRuleConfig({}), api.getTimerSettings({})]).then(([rc, ts]) => {
            if (rc.ok) set({ ruleConfig: rc.data });
            if (ts.ok) set({ timerSettings: ts.data });
          });
          // An edit refused while the screen was locked: say so no longer once someone is signed in again.
          if (get().save.error?.code === 'SIGNED_OUT') set((s) => ({ save: { ...s.save, error: null } }));
        }
        return result;
      },
      signoff: null,
      timer: null,
      timerLive: false,
      cyclePrompt: null,
      timerSettings: null,
      ruleConfig: null,
      route: { name: 'home' },
      sessions: null,
      sessionsComplete: false,
      patients: null,
      patientView: null,
      sessionDoc: null,
      summary: null,
      loadError: null,
      save: { pending: 0, lastSavedAt: null, error: null },
      unsaved: {},
      sessionQuery: '',
      ackNames: {},

      markUnsaved(key, label) {
        set((s) => {
          if (label === null) {
            if (!(key in s.unsaved)) return {};
            const { [key]: _gone, ...rest } = s.unsaved;
            return { unsaved: rest };
          }
          return s.unsaved[key] === label ? {} : { unsaved: { ...s.unsaved, [key]: label } };
        });
      },

      async saveRuleConfig(config) {
        const r = await enqueueWrite(() => api.saveRuleConfig({ config }));
        if (r.ok) set({ ruleConfig: r.data });
        return r;
      },

      async signSession(secret) {
        const doc = get().sessionDoc;
        if (!doc) return { ok: false, error: { code: 'NOT_FOUND', message: 'No session is open.' } };
        const r = await enqueueWrite(() => api.signSession({ sessionId: doc.session.id, secret }));
        if (r.ok) await reloadSession(doc.session.id);
        return r;
      },

      async beginAmendment(reason) {
        const doc = get().sessionDoc;
        if (!doc) return { ok: false, error: { code: 'NOT_FOUND', message: 'No session is open.' } };
        const r = await enqueueWrite(() => api.beginAmendment({ sessionId: doc.session.id, reason }));
        if (r.ok) await reloadSession(doc.session.id);
        return r;
      },

      async timerPress(targetId, siteNo) {
        const doc = get().sessionDoc;
        if (!doc) return null;
        const t = get().timer;
        const expected = t ? { phase: t.phase, cycleId: t.cycleId } : { phase: 'idle' as const };
        const r = await enqueueWrite(() => api.timerPress({ sessionId: doc.session.id, targetId, expected, siteNo, at: clockNow() }));
        if (!r.ok) return r;
        const { step, timer } = r.data;
        const prompt = get().cyclePrompt;
        if (step === 'start-freeze') set({ cyclePrompt: null });
        if (step === 'stop-freeze' && timer) {
          set({ cyclePrompt: { targetId: timer.targetId, cycleId: timer.cycleId, stage: 'thawing', durationS: r.data.durationS, plannedS: timer.plannedS, early: r.data.early } });
        }
        if (step === 'end-thaw' && r.data.cycleId) {
          const base = prompt?.cycleId === r.data.cycleId ? prompt : { targetId, cycleId: r.data.cycleId, durationS: null, plannedS: null, early: false };
          set({ cyclePrompt: { ...base, stage: 'details' } });
        }
        if (timer) liveCycles.add(timer.cycleId);
        set({ timer, timerLive: timer !== null });
        // The press is done once its answer is on screen: the re-read of the session follows on its
        // own, so a press made while it is on its way (a quick thaw, a slow disk) is not refused.
        void reloadSession(doc.session.id);
        return r;
      },

      async resolveTimer(action) {
        const doc = get().sessionDoc;
        const timer = get().timer;
        if (!doc || !timer) return;
        if (action === 'resume') {
          liveCycles.add(timer.cycleId);
          set({ timerLive: true });
          return;
        }
        const r = await enqueueWrite(() => api.resolveTimer({ sessionId: doc.session.id, action }));
        if (r.ok) {
          set({ timer: null, timerLive: false, cyclePrompt: null });
          await reloadSession(doc.session.id);
        }
      },

      async timerHeartbeat() {
        const doc = get().sessionDoc;
        if (!doc || !get().timer || !get().timerLive) return;
        // Not queued behind edits and not shown as a save: it is the timer's pulse, not a change.
        await api.timerHeartbeat({ sessionId: doc.session.id, at: clockNow() });
      },

      closeCyclePrompt() {
        set({ cyclePrompt: null });
      },

      async saveTimerSettings(settings) {
        const r = await enqueueWrite(() => api.saveTimerSettings({ settings }));
        if (r.ok) set({ timerSettings: r.data });
        return r;
      },

      async versionText(version) {
        const doc = get().sessionDoc;
        if (!doc) return { ok: false, error: { code: 'NOT_FOUND', message: 'No session is open.' } };
        const r = await api.exportSession({ sessionId: doc.session.id, format: 'text', version });
        return r.ok ? { ok: true, data: r.data.content } : r;
      },

      async markEnteredInError(reason) {
        const doc = get().sessionDoc;
        if (!doc) return { ok: false, error: { code: 'NOT_FOUND', message: 'No session is open.' } };
        const r = await enqueueWrite(() => api.markEnteredInError({ sessionId: doc.session.id, reason }));
        if (r.ok) await reloadSession(doc.session.id);
        return r;
      },

      async recheckStartup() {
        const r = await api.getStartupStatus({});
        if (r.ok && r.data.state === 'failed') set({ startup: r.data });
      },

      async boot(startRoute) {
        // Every question of the first screen at once: each is a round trip to the main process.
        // The sign-in state is ignored unless the database opened; the home lists (asked only when
        // the window opens on home) are used only when someone is signed in, else refused and dropped.
        const home = startRoute?.name === 'home' ? askHomeLists('') : null;
        const [r, auth] = await Promise.all([api.getStartupStatus({}), api.getAuthState({})]);
        if (r.ok && r.data.state === 'ready') await get().acceptAuth(auth);
        const lists = home && get().auth?.user ? await home : null;
        prefetchedHome = lists && lists[0].ok && lists[1].ok ? lists : null;
        set({
          startup: r.ok ? r.data : { state: 'failed', problem: 'DB_CANNOT_OPEN', title: 'CryoLog could not start', message: r.error.message, whatToDo: 'Restart CryoLog; if it happens again, call IT.', dbPath: '' },
          // The list is on the first screen drawn, not one round trip after it.
          ...(prefetchedHome ? homeListState(prefetchedHome, '') : {}),
        });
      },

      async showRoute(route) {
        set({ route, loadError: null });
        if (route.name === 'home') {
          const query = get().sessionQuery.trim();
          const seq = ++searchSeq;
          // The lists asked with the first screen's questions serve the first showing of home, once.
          const lists = (query === '' ? prefetchedHome : null) ?? (await askHomeLists(query));
          prefetchedHome = null;
          const { sessions, sessionsComplete, ...rest } = homeListState(lists, query);
          const latest = seq === searchSeq; // else a search typed meanwhile fills the list
          set({ ...(latest ? { sessions, sessionsComplete } : {}), ...rest });
        } else if (route.name === 'patient') {
          set({ patientView: null });
          const [r] = await Promise.all([api.getPatient({ id: route.id }), get().loadHistory(route.id)]);
          if (r.ok) set({ patientView: r.data });
          else set({ loadError: r.error });
        } else if (route.name === 'session') {
          const sameSession = get().timer?.sessionId === route.id;
          set({ sessionDoc: null, summary: null, ...(sameSession ? {} : { cyclePrompt: null }) });
          await reloadSession(route.id);
          const patientId = get().sessionDoc?.patient.id;
          if (patientId) await get().loadHistory(patientId);
        } else {
          // Settings: re-read, in case another window or the CLI changed them.
          const [rc, ts] = await Promise.all([api.getRuleConfig({}), api.getTimerSettings({})]);
          if (rc.ok) set({ ruleConfig: rc.data });
          if (ts.ok) set({ timerSettings: ts.data });
        }
      },

      async createPatient() {
        const r = await enqueueWrite(() => api.createPatient({}));
        return r.ok ? r.data.id : null;
      },

      async startSession(patientId) {
        const r = await enqueueWrite(() => api.startSession({ patientId }));
        return r.ok ? r.data.id : null;
      },

      async addRow(entity, parentId, initial, onCreated) {
        const r = await enqueueWrite(() => api.addRow({ entity, parentId }));
        if (!r.ok) return null;
        // Told before the row is on screen, so the row can take the focus as it appears: once
        // it is visible, the user may already be typing somewhere else.
        onCreated?.(r.data.id);
        if (initial && Object.keys(initial).length > 0) {
          const id = r.data.id;
          await enqueueWrite(() => api.saveFields({ entity, id, patch: initial } as SaveFieldsRequest));
        }
        await reloadCurrent();
        return r.data.id;
      },

      async deleteRow(entity, id) {
        const r = await enqueueWrite(() => api.deleteRow({ entity, id }));
        if (r.ok) await reloadCurrent();
        return r.ok;
      },

      async saveFields(request) {
        const r = await enqueueWrite(() => api.saveFields(request));
        if (r.ok) {
          set((s) => applySaved(s, request));
          if (get().sessionDoc) await get().refreshSummary();
        }
        return r;
      },

      async refreshSummary() {
        const doc = get().sessionDoc;
        if (!doc) return;
        const r = await api.exportSession({ sessionId: doc.session.id, format: 'text' });
        if (r.ok && get().sessionDoc?.session.id === doc.session.id) set({ summary: r.data.content });
      },

      async searchSessions(query) {
        set({ sessionQuery: query });
        const text = query.trim().slice(0, 100);
        const seq = ++searchSeq;
        const r = await api.listSessions(listRequest(text));
        if (seq !== searchSeq) return; // a newer search is on its way
        if (r.ok) set({ sessions: r.data, sessionsComplete: !!text || r.data.length < RECENT_LIMIT, loadError: null });
        else set({ loadError: r.error });
      },

      async loadMoreSessions() {
        const { sessions, sessionsComplete } = get();
        const last = sessions?.at(-1);
        if (!sessions || !last || sessionsComplete || pageOnItsWay === searchSeq) return;
        const seq = searchSeq;
        pageOnItsWay = seq;
        try {
          const r = await api.listSessions({ limit: SESSION_PAGE, after: { startedAt: last.startedAt, id: last.id } });
          // A search or a reload since replaced the list this page would extend.
          if (seq !== searchSeq || get().sessions !== sessions) return;
          if (r.ok) set({ sessions: [...sessions, ...r.data], sessionsComplete: r.data.length < SESSION_PAGE });
          else set({ loadError: r.error });
        } finally {
          if (pageOnItsWay === seq) pageOnItsWay = -1;
        }
      },

      setAckName(sessionId, name) {
        set((s) => ({ ackNames: { ...s.ackNames, [sessionId]: name } }));
      },

      history: null,

      async loadHistory(patientId) {
        const seq = ++historySeq;
        if (get().history?.patientId !== patientId) set({ history: { patientId, sessions: null, error: null } });
        const r = await api.getTreatmentHistory({ patientId });
        if (seq !== historySeq) return; // another screen asked since
        set({ history: r.ok ? { patientId, sessions: r.data, error: null } : { patientId, sessions: null, error: r.error } });
      },

      async acknowledge(request) {
        const r = await enqueueWrite(() => api.acknowledgeWarning(request));
        if (r.ok && get().sessionDoc?.session.id === request.sessionId) await reloadSession(request.sessionId);
        return r;
      },

      // ── Speed at entry: target presets and repeating the last session's targets ──
      targetPresets: null,

      async loadTargetPresets() {
        const r = await api.getTargetPresets({});
        if (r.ok) set({ targetPresets: r.data });
      },

      async saveTargetPresets(presets) {
        const r = await enqueueWrite(() => api.saveTargetPresets({ presets }));
        if (r.ok) set({ targetPresets: r.data });
        return r;
      },

      async findLastTargets(sessionId) {
        const r = await api.getLastTargets({ sessionId });
        return r.ok ? r.data : null;
      },

      async repeatLastTargets() {
        const doc = get().sessionDoc;
        if (!doc) return { ok: false, error: { code: 'NOT_FOUND', message: 'No session is open.' } };
        const r = await enqueueWrite(() => api.repeatLastTargets({ sessionId: doc.session.id }));
        // Refused too: what stopped it (targets added in another window, a signature) shows.
        await reloadSession(doc.session.id);
        return r;
      },
    };
  });
}

/** What a signed-out window forgets: every record it was showing. */
const CLEARED_SCREENS = {
  sessions: null,
  sessionsComplete: false,
  patients: null,
  patientView: null,
  sessionDoc: null,
  signoff: null,
  summary: null,
  history: null,
  timer: null,
  cyclePrompt: null,
  unsaved: {},
  sessionQuery: '',
  ackNames: {},
} satisfies Partial<AppState>;

/** The bridge, with a callback for every SIGNED_OUT answer (whatever the channel). */
function watchSignedOut(api: Api, onSignedOut: () => void): Api {
  const watched = {} as Record<string, (request: unknown) => Promise<Result<unknown>>>;
  for (const [channel, call] of Object.entries(api) as [string, (request: unknown) => Promise<Result<unknown>>][]) {
    watched[channel] = async (request) => {
      const r = await call(request);
      if (!r.ok && r.error.code === 'SIGNED_OUT') onSignedOut();
      return r;
    };
  }
  return watched as unknown as Api;
}

/** Mirrors a committed change into what is on screen, so rules and lists follow at once. */
function applySaved(s: AppState, req: SaveFieldsRequest): Partial<AppState> {
  const patch = req.patch as Record<string, unknown>;
  const merge = <T extends { id: string }>(row: T): T => (row.id === req.id ? { ...row, ...patch } : row);
  const out: Partial<AppState> = {};
  if (req.entity === 'patient' && s.patientView?.patient.id === req.id) out.patientView = { ...s.patientView, patient: merge(s.patientView.patient) };
  const doc = s.sessionDoc;
  if (!doc) return out;
  switch (req.entity) {
    case 'patient':
      out.sessionDoc = { ...doc, patient: merge(doc.patient) };
      break;
    case 'allergy':
      out.sessionDoc = { ...doc, patient: { ...doc.patient, allergies: doc.patient.allergies.map(merge) } };
      break;
    case 'session':
      out.sessionDoc = { ...doc, session: merge(doc.session) };
      break;
    case 'cycle':
      out.sessionDoc = { ...doc, targets: doc.targets.map((t) => ({ ...t, cycles: t.cycles.map(merge) })) };
      break;
    default: {
      const key = COLLECTION_OF[req.entity];
      out.sessionDoc = { ...doc, [key]: (doc[key] as { id: string }[]).map(merge) };
    }
  }
  return out;
}

/** Where each session-level row entity lives in the session document. */
export const COLLECTION_OF = {
  teamMember: 'team',
  consentSite: 'consentSites',
  goal: 'goals',
  diagnosticBlock: 'diagnosticBlocks',
  device: 'devices',
  target: 'targets',
  outcome: 'outcomes',
  complication: 'complications',
  followUp: 'followUps',
} as const satisfies Record<Exclude<RowEntity, 'allergy' | 'cycle'>, keyof SessionDocument>;
