// The sandboxed preload (Electron security #4 and #20). It is bundled into one CommonJS file
// (out/preload/index.js), because a sandboxed preload can require nothing but 'electron'.
// The only imports allowed here: 'electron' and shared/ipc/channels.ts (through exposeApi).
import { contextBridge, ipcRenderer } from 'electron';
import { exposeApi } from './exposeApi';

exposeApi(contextBridge, ipcRenderer);
