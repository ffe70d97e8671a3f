/**
 * The sandboxed preload: exposes `window.asysta` with exactly one method per channel of
 * shared/ipc.ts and nothing else — no generic send, no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../shared/channel-names';
import type { Bridge } from '../shared/ipc';

const bridge = Object.freeze(
  Object.fromEntries(CHANNEL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)])),
) as Bridge;

contextBridge.exposeInMainWorld('asysta', bridge);
