/**
 * Locks the session after `idleMinutes` without keyboard, mouse, pointer or wheel activity,
 * and tells the main process the user is still there (`onActive`) while she works.
 *
 * The main process keeps its own idle clock (it locks a session on its own); `onActive` keeps
 * that clock from running out under a user who is working. It is sent at most once a minute,
 * but more often for very short limits (a third of the limit), so that with a 1-minute limit a
 * working user is not locked between two reports.
 */
import { useEffect, useEffectEvent, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;
const MAX_REPORT_EVERY_MS = 60_000;

export function useIdleLock({
  enabled,
  idleMinutes,
  onIdle,
  onActive,
}: {
  enabled: boolean;
  idleMinutes: number;
  onIdle: () => void;
  onActive: () => void;
}): void {
  const lastActivity = useRef(0);
  const lastReport = useRef(0);
  const idleFired = useRef(false);
  const fireIdle = useEffectEvent(onIdle);
  const reportActive = useEffectEvent(onActive);

  useEffect(() => {
    if (!enabled) return;
    const idleMs = Math.max(1, idleMinutes) * 60_000;
    const reportEveryMs = Math.min(MAX_REPORT_EVERY_MS, Math.floor(idleMs / 3));
    // Mounting counts as activity: the user has just signed in, unlocked or changed the limit.
    const start = Date.now();
    lastActivity.current = start;
    lastReport.current = start;
    idleFired.current = false;

    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      idleFired.current = false;
      if (now - lastReport.current >= reportEveryMs) {
        lastReport.current = now;
        reportActive();
      }
    };
    const check = () => {
      if (!idleFired.current && Date.now() - lastActivity.current >= idleMs) {
        idleFired.current = true;
        fireIdle();
      }
    };

    const options: AddEventListenerOptions = { capture: true, passive: true };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options);
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options);
      window.clearInterval(timer);
    };
  }, [enabled, idleMinutes]);
}
