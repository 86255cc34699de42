// Electron security #19 (fuses): build-time switches flipped in the packaged binary, so that a
// copy of CryoLog cannot be turned into a general-purpose Node runtime or made to load
// another app. The packaging hook applies this map with @electron/fuses (`flipFuses(exe,
// { version: FuseVersion.V1, ...ELECTRON_FUSES })`); check a built app with
// `npx @electron/fuses read --app <path>`. Names are @electron/fuses' FuseV1Options keys.
//
// OnlyLoadAppFromAsar and EnableEmbeddedAsarIntegrityValidation require an asar package with
// better-sqlite3's native binary unpacked (asarUnpack), as every packager supports.

export const ELECTRON_FUSES = Object.freeze({
  /** ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node interpreter. */
  RunAsNode: false,
  /** NODE_OPTIONS could preload arbitrary code into the main process. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect and friends would open a debugger on the main process (and the database). */
  EnableNodeCliInspectArguments: false,
  /** Cookies and other network state encrypted at rest with the OS keystore. */
  EnableCookieEncryption: true,
  /** The app.asar is checked against the hash embedded at packaging time. */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Only app.asar is loaded, never a loose app/ folder dropped next to it. */
  OnlyLoadAppFromAsar: true,
  /** file:// gets no extra privileges; the app is served from app://cryolog (security #18). */
  GrantFileProtocolExtraPrivileges: false,
} as const satisfies Record<string, boolean>);

export type ElectronFuseName = keyof typeof ELECTRON_FUSES;
