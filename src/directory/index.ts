export * from './types.js';
export { directoryCollections } from './collections.js';
export { Directory } from './directory.js';
export { loadOrganisationDataFile, loadOrganisationDataFiles, loadOrganisationFiles, syncOrganisations } from './organisations.js';
export { importPeople, type ImportOptions } from './import.js';
export { seedDemoPeople } from './demo.js';
