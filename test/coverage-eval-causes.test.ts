import { describe, expect, it } from 'vitest';
import { missCause, namesInHeading } from './eval/_coverage-causes';

describe('coverage eval: miss causes (--diag)', () => {
  it('counts whole-word entity names in a heading, each name once', () => {
    expect(namesInHeading('Iran–Israel proxy conflict', ['Iran', 'Israel'])).toBe(2);
    expect(namesInHeading('Iranian protests', ['Iran'])).toBe(0);
    expect(namesInHeading('Israel and Israel', ['Israel', 'Israel'])).toBe(1);
    expect(namesInHeading('COVID-19 pandemic in Israel', ['Iran', 'Israel'])).toBe(1);
  });

  it('gives no cause when the likeliest heading is the query\'s own', () => {
    expect(missCause(['Iran', 'Israel'], new Set(['Iran–Israel proxy conflict']), ['Iran–Israel proxy conflict', 'COVID-19 pandemic in Israel'])).toBeNull();
  });

  it('tells the causes apart', () => {
    const own = (h: string) => new Set([h]);
    expect(missCause(['Mozambique'], own('2022 monkeypox outbreak'), ['COVID-19 pandemic in Mozambique'])).toBe('not scored');
    expect(missCause(['United States'], own('2023 Hawaii wildfires'), ['Iran–United States relations', '2023 Hawaii wildfires'])).toBe('one entity');
    expect(missCause(['Iran', 'Israel'], own('Iran–Israel proxy conflict'), ['COVID-19 pandemic in Israel', 'Iran–Israel proxy conflict'])).toBe('heading names more page entities');
    expect(missCause(['Gaza Strip', 'Hamas'], own('Israel–Hamas war'), ['International reactions to the Israel–Hamas war', 'Israel–Hamas war'])).toBe('sibling of the top storyline');
    expect(missCause(['Egypt', 'COVAX'], own('Mass vaccination drives'), ['COVID-19 pandemic in Egypt', 'Mass vaccination drives'])).toBe('topic word');
    expect(missCause(['Mali', 'Burkina Faso'], own('Mali War'), ['Jihadist insurgency in Burkina Faso', 'Mali War'])).toBe('other');
  });
});
