/**
 * After a failed submit the cursor goes to the first field that says what is wrong, in the order
 * the fields stand on the screen (not the order a form library registered them, and also for
 * fields it cannot focus itself). One helper for every form: installed once on the document, it
 * watches each submitted form for a few frames (the schema answers asynchronously) and focuses
 * its first `aria-invalid` field, scrolled into view.
 */
const INVALID = '[aria-invalid="true"]:not([disabled])';

/** Focuses the first invalid field in `root`; true when there is one. */
export function focusFirstInvalid(root: ParentNode): boolean {
  const first = root.querySelector<HTMLElement>(INVALID);
  if (!first) return false;
  if (document.activeElement !== first) {
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'center' });
  }
  return true;
}

/** How long a submitted form is watched for its refusal (frames, about one second). */
const WATCH_FRAMES = 60;
/** After the form library's own focusing (a zero-delay timer) and before anyone types. */
const SETTLE_MS = 50;

export function installFocusFirstInvalid(doc: Document): () => void {
  const onSubmit = (event: Event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    let frames = 0;
    const tick = () => {
      if (!form.isConnected) return;
      if (focusFirstInvalid(form)) {
        // react-hook-form focuses its own first error once more from a timer (registration order): ours comes last.
        setTimeout(() => focusFirstInvalid(form), SETTLE_MS);
        return;
      }
      if ((frames += 1) <= WATCH_FRAMES) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  doc.addEventListener('submit', onSubmit, true);
  return () => doc.removeEventListener('submit', onSubmit, true);
}
