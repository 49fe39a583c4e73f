/** The test municipality's ARS (fictional: Saxony has no Kreis 999). */
export const TEST_TENANT = { id: '149990000001', name: 'Testgemeinde' };
