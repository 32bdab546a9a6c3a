import { ExporterEvent } from './exporter-events';
import { certified, penalised, qualified, registered } from './exporter.fixtures';

describe('exporter event schemas', () => {
  it.each([registered(), certified(), qualified(), penalised()])('read $type back from storage unchanged', (event) => {
    expect(ExporterEvent.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('rejects a stored event without its schema version', () => {
    const { schemaVersion: _version, ...unversioned } = registered();
    expect(ExporterEvent.safeParse(unversioned).success).toBe(false);
  });
});
