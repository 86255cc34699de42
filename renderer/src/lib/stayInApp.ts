// The window never leaves CryoLog. The Electron shell already refuses navigation and new windows
// (electron/main/security/navigation.ts); this is the same rule inside the page, so that a link
// or form pointing elsewhere (pasted text rendered as a link one day, an injected element) does
// nothing anywhere the page runs, the browser host included. The CSP blocks requests to other
// origins; it does not cover top-level navigation, hence this.

function leavesApp(url: string, here: Location): boolean {
  try {
    return new URL(url, here.href).origin !== here.origin;
  } catch {
    return true;
  }
}

export function stayInApp(win: Window): void {
  const doc = win.document;
  const onLink = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (link && leavesApp((link as HTMLAnchorElement).href, win.location)) event.preventDefault();
  };
  doc.addEventListener('click', onLink, true);
  doc.addEventListener('auxclick', onLink, true);
  doc.addEventListener(
    'submit',
    (event) => {
      const form = event.target as HTMLFormElement;
      if (form.getAttribute('action') && leavesApp(form.action, win.location)) event.preventDefault();
    },
    true,
  );
  // No new windows or tabs: CryoLog has one window.
  Object.defineProperty(win, 'open', { value: () => null, writable: false, configurable: false });
}
