import { matchZones, zoneOptions } from '../../admin/src/pages/SettingsPage/time-zones';

const ZONES = ['UTC', 'America/New_York', 'Asia/Tehran', 'Europe/Berlin', 'Europe/Paris', 'Pacific/Port_Moresby', 'America/Paramaribo'];

describe('time zones in the settings form', () => {
  it('offers UTC first and every zone the runtime knows', () => {
    const options = zoneOptions('UTC');
    expect(options[0]).toBe('UTC');
    expect(options).toContain('Europe/Berlin');
    expect(new Set(options).size).toBe(options.length);
  });

  it('keeps the saved zone in the list even when the runtime does not list it', () => {
    expect(zoneOptions('Etc/GMT+5')[0]).toBe('Etc/GMT+5');
  });

  it('finds a zone by part of its name, in any case', () => {
    expect(matchZones(ZONES, 'Berl')).toEqual(['Europe/Berlin']);
    expect(matchZones(ZONES, 'teh')).toEqual(['Asia/Tehran']);
  });

  it('reads spaces as the underscores of zone names', () => {
    expect(matchZones(ZONES, 'new york')).toEqual(['America/New_York']);
  });

  it('lists zones where a part of the name starts with the text before the others', () => {
    expect(matchZones(ZONES, 'par')).toEqual(['Europe/Paris', 'America/Paramaribo']);
    expect(matchZones(ZONES, 'or')).toEqual(['America/New_York', 'Pacific/Port_Moresby']);
  });

  it('lists every zone while nothing is typed, and none for text no zone holds', () => {
    expect(matchZones(ZONES, '  ')).toEqual(ZONES);
    expect(matchZones(ZONES, 'UTCBerl')).toEqual([]);
  });
});
