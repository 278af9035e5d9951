import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { categoryTrail, searchCategories } from '../../flows/check/index.ts';
import { findCategory, type DataCategory } from '../../flows/index.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useSettingsText } from './use-settings-text.ts';
import { isolated } from '../bidi/isolated.ts';

/** How many matches are listed at once; more words narrow the list. */
const shownMatches = 12;

/**
 * Chooses a field's kind of data from fideslang's catalogue by its plain-language names and
 * descriptions in the interface language (the taxonomy key is shown last, small), with
 * sensitive and identifier/financial kinds marked.
 */
export function CategoryPicker({
  fieldKey,
  value,
  onChoose,
}: {
  fieldKey: string;
  value: string;
  onChoose(key: string): void;
}) {
  const text = useSettingsText();
  const language = useLanguageStore((state) => state.language);
  // Where the list opens: fixed to the viewport beside its button, so the scrolling table that holds
  // the picker does not clip it; null while closed.
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const open = place !== null;
  const setOpen = (next: boolean, button?: HTMLElement) => setPlace(next && button ? popupPlace(button) : null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    // The list follows its button when what holds the button scrolls.
    const follow = () => {
      if (button.current) setPlace(popupPlace(button.current));
    };
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [open]);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => searchCategories(query, language).slice(0, shownMatches), [query, language]);
  const current = findCategory(value);
  const listId = `category-options-${fieldKey}`;
  return (
    <div className="category-picker">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-label={`${text('choose-category')}: ${isolated(fieldKey)}`}
        onClick={(event) => setOpen(!open, event.currentTarget)}
      >
        {current ? categoryTrail(current.key, language) : value}
      </button>
      {current && <CategoryMarks category={current} />}
      {open && (
        <div className="category-picker__popup" style={place}>
          <input
            type="search"
            autoFocus
            aria-label={text('search-categories')}
            aria-controls={listId}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setOpen(false);
            }}
          />
          {matches.length === 0 ? (
            <p className="muted">{text('no-category-found')}</p>
          ) : (
            <ul id={listId} className="category-picker__options">
              {matches.map((category) => (
                <li key={category.key}>
                  <button
                    type="button"
                    aria-pressed={category.key === current?.key}
                    onClick={() => {
                      onChoose(category.key);
                      setOpen(false);
                      setQuery('');
                    }}
                  >
                    <span className="category-picker__label">{categoryTrail(category.key, language)}</span>
                    <CategoryMarks category={category} />
                    <span className="category-picker__description">{category.description[language]}</span>
                    <bdi dir="ltr" className="category-picker__key">
                      {category.key}
                    </bdi>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** Below the button when there is room (else above), aligned with its start edge in either direction. */
function popupPlace(button: HTMLElement): CSSProperties {
  const rect = button.getBoundingClientRect();
  const room = { below: window.innerHeight - rect.bottom, above: rect.top };
  const below = room.below >= 240 || room.below >= room.above;
  const rightToLeft = getComputedStyle(button).direction === 'rtl';
  return {
    position: 'fixed',
    ...(below ? { top: rect.bottom + 4 } : { bottom: window.innerHeight - rect.top + 4 }),
    ...(rightToLeft ? { right: window.innerWidth - rect.right } : { left: rect.left }),
    maxBlockSize: Math.max(160, (below ? room.below : room.above) - 12),
  };
}

function CategoryMarks({ category }: { category: DataCategory }) {
  const text = useSettingsText();
  return (
    <>
      {category.sensitive && (
        <span className="mark mark--sensitive" title={text('sensitive-help')}>
          {text('sensitive')}
        </span>
      )}
      {category.protectedIdentifier && (
        <span className="mark mark--protected" title={text('protected-help')}>
          {text('protected')}
        </span>
      )}
    </>
  );
}
