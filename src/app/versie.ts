import packageJson from '../../package.json';

/** The facade's version: package.json's, in development and in the built artefact alike (the build inlines it). */
export const FACADE_VERSIE: string = packageJson.version;
