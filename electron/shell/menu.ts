/**
 * The application menu, in Polish. Electron's default menu has View → Toggle Developer Tools
 * (Ctrl+Shift+I) and Reload; this one has neither: no role toggleDevTools, reload or forceReload,
 * so no menu item or accelerator leads to DevTools or throws away a half-filled form.
 */
import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';

export function menuTemplate(): MenuItemConstructorOptions[] {
  return [
    { label: 'Plik', submenu: [{ role: 'quit', label: 'Zakończ' }] },
    {
      label: 'Edycja',
      submenu: [
        { role: 'undo', label: 'Cofnij' },
        { role: 'redo', label: 'Ponów' },
        { type: 'separator' },
        { role: 'cut', label: 'Wytnij' },
        { role: 'copy', label: 'Kopiuj' },
        { role: 'paste', label: 'Wklej' },
        { role: 'selectAll', label: 'Zaznacz wszystko' },
      ],
    },
    {
      label: 'Widok',
      submenu: [
        { role: 'zoomIn', label: 'Powiększ' },
        { role: 'zoomOut', label: 'Pomniejsz' },
        { role: 'resetZoom', label: 'Rzeczywisty rozmiar' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Pełny ekran' },
      ],
    },
    {
      label: 'Okno',
      submenu: [
        { role: 'minimize', label: 'Minimalizuj' },
        { role: 'close', label: 'Zamknij okno' },
      ],
    },
  ];
}

export function setupMenu(electron: { Menu: Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'> }): void {
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menuTemplate()));
}
