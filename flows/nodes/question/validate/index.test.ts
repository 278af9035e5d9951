import { describe, expect, it } from 'vitest';
import { validateAnswer } from './index.ts';
import { validateLocation } from './location.ts';

const context = { language: 'pt-BR', defaultCountry: 'BR' as const };

describe('validateAnswer', () => {
  it('takes text trimmed, and refuses an empty answer', () => {
    expect(validateAnswer('text', { type: 'text', text: '  Ana Souza ' }, context)).toBe('Ana Souza');
    expect(validateAnswer('text', { type: 'text', text: '   ' }, context)).toBeUndefined();
    expect(validateAnswer('text', { type: 'reply', id: 'x', title: 'Sim' }, context)).toBe('Sim');
  });

  it('takes a shared location, or coordinates typed as lat, long', () => {
    expect(
      validateAnswer('location', { type: 'location', latitude: -23.55, longitude: -46.63, name: 'Loja' }, context),
    ).toEqual({ latitude: -23.55, longitude: -46.63, name: 'Loja' });
    expect(validateAnswer('location', { type: 'text', text: '-23.5505, -46.6333' }, context)).toEqual({
      latitude: -23.5505,
      longitude: -46.6333,
    });
    expect(validateAnswer('location', { type: 'text', text: 'Rua Augusta, 100' }, context)).toBeUndefined();
    expect(validateAnswer('location', { type: 'text', text: '95, 10' }, context)).toBeUndefined();
    expect(validateLocation({ latitude: 0, longitude: 181 }, undefined)).toBeUndefined();
  });

  it('takes photos for image questions, and photos or files for document questions', () => {
    const photo = { type: 'media', kind: 'image', mediaId: 'm1', mimeType: 'image/jpeg' } as const;
    const file = { type: 'media', kind: 'document', mediaId: 'm2', filename: 'nota.pdf' } as const;
    expect(validateAnswer('image', photo, context)).toEqual({ kind: 'image', mediaId: 'm1', mimeType: 'image/jpeg' });
    expect(validateAnswer('image', file, context)).toBeUndefined();
    expect(validateAnswer('document', file, context)).toEqual({
      kind: 'document',
      mediaId: 'm2',
      filename: 'nota.pdf',
    });
    expect(validateAnswer('document', photo, context)).toEqual({
      kind: 'image',
      mediaId: 'm1',
      mimeType: 'image/jpeg',
    });
    expect(validateAnswer('image', { type: 'text', text: 'foto.jpg' }, context)).toBeUndefined();
  });

  it('refuses a location or a file where text is asked for', () => {
    expect(validateAnswer('email', { type: 'location', latitude: 1, longitude: 1 }, context)).toBeUndefined();
    expect(validateAnswer('number', { type: 'media', kind: 'image', mediaId: 'm' }, context)).toBeUndefined();
  });

  it('reads numbers and dates in the conversation language', () => {
    expect(validateAnswer('number', { type: 'text', text: '1.500' }, context)).toBe(1500);
    expect(validateAnswer('number', { type: 'text', text: '1.500' }, { language: 'en' })).toBe(1.5);
    expect(validateAnswer('date', { type: 'text', text: '03/04/2026' }, context)).toBe('2026-04-03');
    expect(validateAnswer('date', { type: 'text', text: '03/04/2026' }, { language: 'en' })).toBe('2026-03-04');
  });
});
