import { ExportBundleButton } from '../export/ExportBundleButton.tsx';
import { LanguageSwitcher } from '../settings/LanguageSwitcher.tsx';
import { ExportButton } from '../workspace/ExportButton.tsx';
import { ImportButton } from '../workspace/ImportButton.tsx';

export function Header() {
  return (
    <header className="app-header">
      <h1 className="app-header__title">
        Amana <span lang="ar">أمانة</span>
      </h1>
      <div className="app-header__actions">
        <ImportButton />
        <ExportButton />
        <ExportBundleButton />
        <LanguageSwitcher />
      </div>
    </header>
  );
}
