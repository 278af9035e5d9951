import { LanguageSwitcher } from '../settings/LanguageSwitcher.tsx';
import { StudioPanelButtons } from '../simulator/StudioPanelButtons.tsx';
import { useDocumentStore } from '../stores/document-store.ts';
import { ExportButton } from '../workspace/ExportButton.tsx';
import { ImportButton } from '../workspace/ImportButton.tsx';

/** The studio's title and its file, panel and language controls (the top of the page's banner). */
export function Header() {
  const open = useDocumentStore((state) => state.shown !== null);
  return (
    <div className="app-header">
      <h1 className="app-header__title">
        Amana <span lang="ar">أمانة</span>
      </h1>
      <div className="app-header__actions">
        <ImportButton />
        <ExportButton />
        {open && <StudioPanelButtons />}
        <LanguageSwitcher />
      </div>
    </div>
  );
}
