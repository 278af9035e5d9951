import { describe, expect, it } from 'vitest';
import { chosenId } from './choices.ts';

const choices = [
  { id: 'opening-hours', labels: ['Opening hours', 'Horário de funcionamento', 'ساعات العمل'] },
  { id: 'talk', labels: ['Talk to a person', 'Falar com uma pessoa', 'التحدث إلى شخص'] },
];
const typed = (text: string) => chosenId({ type: 'text', text }, choices);

describe('chosenId', () => {
  it('reads a typed answer by number, by label in any language, or by id, however it is written', () => {
    expect(typed('2')).toBe('talk');
    expect(typed('٢')).toBe('talk');
    expect(typed('horario DE funcionamento!')).toBe('opening-hours');
    expect(typed('ساعاتُ العمل')).toBe('opening-hours');
    expect(typed('Opening-Hours')).toBe('opening-hours');
    expect(typed('something else')).toBeUndefined();
  });

  it('still reads answers right after it has compared more labels than it keeps', () => {
    for (let index = 0; index < 10_050; index += 1) {
      expect(chosenId({ type: 'text', text: 'nothing' }, [{ id: `x${index}`, labels: [`Label ${index}`] }])).toBe(
        undefined,
      );
    }
    expect(chosenId({ type: 'text', text: 'label 10049' }, [{ id: 'last', labels: ['Label 10049'] }])).toBe('last');
    expect(typed('falar com uma pessoa')).toBe('talk');
  });
});
